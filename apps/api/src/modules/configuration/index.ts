// What other modules may use of the configuration lists: the module.
export { ConfigurationModule } from './configuration.module';
// Read directly by leads, opportunities (a lost reason) and events (a category): a lookup service is to replace them.
export { EventCategory } from './event-categories';
export { LostReason } from './lost-reasons';
