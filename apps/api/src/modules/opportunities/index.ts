// What other modules may use of opportunities: the module, its service and the create body (lead conversion opens one).
export { OpportunitiesModule } from './opportunities.module';
export { OpportunitiesService } from './opportunities.service';
export { CreateOpportunityDto } from './dto/opportunity.dto';
// The shape lead conversion answers with.
export { Opportunity } from './opportunity.entity';
// What objectives count of a salesperson's deals, per period.
export { opportunityAchievements, type OpportunityAchievement } from './opportunity-achievements';
// The sums reports chart (deals created, closed, open, expected), each the deals of a list query.
export { forecastOpportunities, openPipelineTotals, sumOpportunities } from './opportunity-stats';
export type { ForecastRow, OpportunityGroup, OpportunitySumRow, OpportunityTotalRow } from './opportunity-stats';
