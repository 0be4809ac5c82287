import { Module } from '@nestjs/common';
import { createCsvFilesController } from '../../platform/csv/csv-files.controller';
import { CsvModule } from '../../platform/csv/csv.module';
import { SettingsModule } from '../settings';
import { ExportPartnersQuery, PARTNER_CSV } from './partner-csv';
import { PartnerReportService } from './partner-report.service';
import { PartnersController } from './partners.controller';
import { PartnersService } from './partners.service';

@Module({
  imports: [SettingsModule, CsvModule],
  // the CSV routes first: `export.csv` must not be taken for an `:id`
  controllers: [
    createCsvFilesController(PARTNER_CSV, {
      tag: 'Partners',
      what: 'partner',
      exportQuery: ExportPartnersQuery,
      importRules:
        'a company unless `kind` says otherwise, created by you; assigned to you unless `assignedToId` says otherwise, and only to members of the teams the CRM settings allow to own customers when they name some (you, when you are not one: to no one); `sourceId`, `assignedToId` and `teamId` must name existing records.',
    }),
    PartnersController,
  ],
  providers: [PartnersService, PartnerReportService],
  exports: [PartnersService],
})
export class PartnersModule {}
