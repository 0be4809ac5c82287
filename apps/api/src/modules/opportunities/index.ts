// What other modules may use of opportunities: the module, its service and the create body (lead conversion opens one).
export { OpportunitiesModule } from './opportunities.module';
export { OpportunitiesService } from './opportunities.service';
export { CreateOpportunityDto } from './dto/opportunity.dto';
// Read and written directly by lead conversion: opportunities.moveToPartner is to replace it.
export { Opportunity } from './opportunity.entity';
