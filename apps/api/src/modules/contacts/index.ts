// What other modules may use of contacts: the module and its service.
export { ContactsModule } from './contacts.module';
export { ContactsService } from './contacts.service';
// Written directly by lead conversion (locks, reads): to move behind ContactsService.
export { Contact } from './contact.entity';
