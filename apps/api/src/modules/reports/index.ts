// What other modules may use of reports: the module, and the catalogue a report is added to.
export { ReportsModule } from './reports.module';
export { REPORTS } from './report-catalogue';
export type { ReportDefinition, ReportRequest, ReportBody } from './report-charts';
