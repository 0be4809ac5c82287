import { Module } from '@nestjs/common';
import { CsvModule } from '../../platform/csv/csv.module';
import { ContactsModule } from '../contacts';
import { OpportunitiesModule } from '../opportunities';
import { PartnersModule } from '../partners';
import { LeadConversionService } from './lead-conversion.service';
import { createCsvFilesController } from '../../platform/csv/csv-files.controller';
import { ExportLeadsQuery } from './dto/export-leads.query';
import { LEAD_CSV } from './lead-csv';
import { LeadFilesController } from './lead-files.controller';
import { LeadFilesService } from './lead-files.service';
import { LeadsController } from './leads.controller';
import { LeadsService } from './leads.service';

@Module({
  imports: [PartnersModule, ContactsModule, OpportunitiesModule, CsvModule],
  // the CSV routes first: `export.csv` must not be taken for the `:id` of LeadsController
  controllers: [
    createCsvFilesController(LEAD_CSV, {
      tag: 'Leads',
      what: 'lead',
      exportQuery: ExportLeadsQuery,
      importRules:
        'status `new`, assigned to you unless `assignedToId` says otherwise, created by you; `sourceId`, `assignedToId` and `teamId` must name existing records.',
    }),
    LeadFilesController,
    LeadsController,
  ],
  providers: [LeadsService, LeadConversionService, LeadFilesService],
  exports: [LeadsService],
})
export class LeadsModule {}
