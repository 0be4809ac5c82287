import { Module } from '@nestjs/common';
import { CsvModule } from '../../platform/csv/csv.module';
import { ContactsModule } from '../contacts/contacts.module';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { PartnersModule } from '../partners/partners.module';
import { LeadConversionService } from './lead-conversion.service';
import { LeadFilesController } from './lead-files.controller';
import { LeadFilesService } from './lead-files.service';
import { LeadsController } from './leads.controller';
import { LeadsService } from './leads.service';

@Module({
  imports: [PartnersModule, ContactsModule, OpportunitiesModule, CsvModule],
  // LeadFilesController first: its `export.csv` must not be taken for the `:id` of LeadsController
  controllers: [LeadFilesController, LeadsController],
  providers: [LeadsService, LeadConversionService, LeadFilesService],
  exports: [LeadsService],
})
export class LeadsModule {}
