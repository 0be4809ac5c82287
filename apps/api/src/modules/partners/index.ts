// What other modules may use of partners: the module, its service and the kinds of partner.
export { PartnersModule } from './partners.module';
export { PartnersService } from './partners.service';
export { PARTNER_KINDS, type PartnerKind } from './partner.entity';
// Locked by lead conversion and read by opportunities (a customer's description): service calls are to replace them.
export { Partner } from './partner.entity';
// The columns the duplicates module compares partners on.
export { PARTNER_MATCH_SOURCE } from './partner-matching';
// The fields a merge may set on the kept record are those an update may.
export { UpdatePartnerDto } from './dto/partner.dto';
