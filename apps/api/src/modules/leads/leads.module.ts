import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { PartnersModule } from '../partners/partners.module';
import { LeadConversionService } from './lead-conversion.service';
import { LeadsController } from './leads.controller';
import { LeadsService } from './leads.service';

@Module({
  imports: [PartnersModule, ContactsModule, OpportunitiesModule],
  controllers: [LeadsController],
  providers: [LeadsService, LeadConversionService],
  exports: [LeadsService],
})
export class LeadsModule {}
