// What other modules may use of the configuration lists: the module.
export { ConfigurationModule } from './configuration.module';
export { lostReasonFor } from './lost-reasons';
// The names reports label their lead-source categories with.
export { leadSourceNames } from './lead-sources';
// Read directly by events (a category's type): a lookup like lostReasonFor is to replace it.
export { EventCategory } from './event-categories';
