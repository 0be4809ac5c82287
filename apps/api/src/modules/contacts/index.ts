// What other modules may use of contacts: the module and its service.
export { ContactsModule } from './contacts.module';
export { ContactsService } from './contacts.service';
// Written directly by lead conversion (locks, reads): to move behind ContactsService.
export { Contact } from './contact.entity';
// The columns the duplicates module compares contacts on.
export { CONTACT_MATCH_SOURCE } from './contact-matching';
// The fields a merge may set on the kept record are those an update may.
export { UpdateContactDto } from './dto/contact.dto';
