// What other modules may use of teams: the module and who belongs to which team.
export { TeamsModule } from './teams.module';
export { TeamMembershipService } from './team-membership.service';
// Team names, to label charts.
export { teamNames } from './team-names';
