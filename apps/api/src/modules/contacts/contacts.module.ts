import { Module } from '@nestjs/common';
import { createCsvFilesController } from '../../platform/csv/csv-files.controller';
import { CsvModule } from '../../platform/csv/csv.module';
import { CONTACT_CSV, ExportContactsQuery } from './contact-csv';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';

@Module({
  imports: [CsvModule],
  // the CSV routes first: `export.csv` must not be taken for an `:id`
  controllers: [
    createCsvFilesController(CONTACT_CSV, {
      tag: 'Contacts',
      what: 'contact',
      exportQuery: ExportContactsQuery,
      importRules: 'assigned to you unless `assignedToId` says otherwise, created by you; `partnerId` and `assignedToId` must name existing records.',
    }),
    ContactsController,
  ],
  providers: [ContactsService],
  exports: [ContactsService],
})
export class ContactsModule {}
