import { EventCategory } from '../../modules/configuration/event-categories';
import { LeadSource } from '../../modules/configuration/lead-sources';
import { LostReason } from '../../modules/configuration/lost-reasons';
import { OpportunityType } from '../../modules/configuration/opportunity-types';
import { Lead } from '../../modules/leads/lead.entity';
import { Team, TeamMember } from '../../modules/teams/team.entity';
import { User } from '../../modules/users/user.entity';
import { AuthToken } from '../auth/auth-token.entity';

/** Every entity the data source maps (listed, not globbed, so builds and tests see the same set). */
export const ENTITIES = [User, Team, TeamMember, AuthToken, LeadSource, LostReason, EventCategory, OpportunityType, Lead];
