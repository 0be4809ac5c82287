// What other modules may use of partners: the module, its service and the kinds of partner.
export { PartnersModule } from './partners.module';
export { PartnersService } from './partners.service';
export { PARTNER_KINDS, type PartnerKind } from './partner.entity';
// Read and written directly by lead conversion, opportunities and quotations (partners.markCustomer and the
// like are to replace them).
export { Partner } from './partner.entity';
