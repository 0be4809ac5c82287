import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts';
import { EmailModule } from '../email';
import { EventsModule } from '../events';
import { LeadsModule } from '../leads';
import { OpportunitiesModule } from '../opportunities';
import { PartnersModule } from '../partners';
import { QuotationsModule } from '../quotations';
import { SettingsModule } from '../settings';
import { DuplicateMergeService } from './duplicate-merge.service';
import { DuplicateRecords } from './duplicate-records';
import { DuplicateSearchService } from './duplicate-search.service';
import { DuplicatesController } from './duplicates.controller';

/** Check duplicates and merge them (leads, partners, contacts); it owns no table, only the match indexes on theirs. */
@Module({
  imports: [SettingsModule, LeadsModule, PartnersModule, ContactsModule, OpportunitiesModule, QuotationsModule, EventsModule, EmailModule],
  controllers: [DuplicatesController],
  providers: [DuplicateRecords, DuplicateSearchService, DuplicateMergeService],
})
export class DuplicatesModule {}
