import { EventCategory } from './modules/configuration/event-categories';
import { LeadSource } from './modules/configuration/lead-sources';
import { LostReason } from './modules/configuration/lost-reasons';
import { OpportunityType } from './modules/configuration/opportunity-types';
import { Contact } from './modules/contacts/contact.entity';
import { OutboundEmail } from './modules/email/outbound-email.entity';
import { Event } from './modules/events/event.entity';
import { Lead } from './modules/leads/lead.entity';
import { Opportunity } from './modules/opportunities/opportunity.entity';
import { Partner } from './modules/partners/partner.entity';
import { Quotation, QuotationLine } from './modules/quotations/quotation.entity';
import { CrmSettings } from './modules/settings/crm-settings.entity';
import { Team, TeamMember } from './modules/teams/team.entity';
import { User } from './modules/users/user.entity';
import { Notification } from './modules/notifications/notification.entity';
import { Calendar } from './modules/calendars/calendar.entity';
import { Objective } from './modules/objectives/objective.entity';
import { AuthToken } from './modules/auth/auth-token.entity';
import { ImportJob } from './platform/csv/import-job.entity';
import { HistoryEntry } from './platform/history/history-entry.entity';

/**
 * Every entity the data source maps (listed, not globbed, so builds and tests
 * see the same set). At the app's root: `platform/` knows no module, so the
 * database is opened with this list handed in.
 */
export const ENTITIES = [
  User,
  Team,
  TeamMember,
  AuthToken,
  LeadSource,
  LostReason,
  EventCategory,
  OpportunityType,
  Lead,
  Partner,
  Contact,
  Opportunity,
  CrmSettings,
  HistoryEntry,
  OutboundEmail,
  ImportJob,
  Quotation,
  QuotationLine,
  Event,
  Notification,
  Calendar,
  Objective,
];
