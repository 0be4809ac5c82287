// What other modules may use of the CRM settings: the module, the settings as read, and the customer-owner rule.
export { SettingsModule } from './settings.module';
export { CrmSettingsService } from './crm-settings.service';
export type { CrmSettings } from './crm-settings.entity';
export { customerOwnersAmong } from './customer-owners';
