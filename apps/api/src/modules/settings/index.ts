// What other modules may use of the CRM settings: the module, the settings as read, and the customer-owner rule.
export { SettingsModule } from './settings.module';
export { CrmSettingsService } from './crm-settings.service';
export type { CrmSettings } from './crm-settings.entity';
export { customerOwnersAmong } from './customer-owners';
// What list filters on days (createdFrom=2026-03-01) compare with: the day's start in the organisation's time zone.
export { localDayStart, onOrAfterLocalDay, onOrBeforeLocalDay } from './local-days';
