// What other modules may use of partners: the module, its service and the kinds of partner.
export { PartnersModule } from './partners.module';
export { PartnersService } from './partners.service';
export { PARTNER_KINDS, type PartnerKind } from './partner.entity';
// Locked by lead conversion and read by opportunities (a customer's description): service calls are to replace them.
export { Partner } from './partner.entity';
