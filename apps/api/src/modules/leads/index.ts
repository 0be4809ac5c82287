// What other modules may use of leads: the module and its service.
export { LeadsModule } from './leads.module';
export { LeadsService } from './leads.service';
