// What other modules may use of leads: the module and its service.
export { LeadsModule } from './leads.module';
export { LeadsService } from './leads.service';
// The columns the duplicates module compares leads on; the entity is the merge's answer shape.
export { LEAD_MATCH_SOURCE } from './lead-matching';
export { Lead } from './lead.entity';
// The fields a merge may set on the kept record are those an update may.
export { UpdateLeadDto } from './dto/lead.dto';
// The counts reports chart (leads created or converted in a range), each the leads of a list query.
export { countLeads } from './lead-stats';
export type { LeadCountRow, LeadGroup } from './lead-stats';
