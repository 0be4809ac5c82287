import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { updateVersioned } from '../../platform/database/versioned-update';
import { notFound, ruleViolation } from '../../platform/errors/domain-error';
import { HistoryService } from '../../platform/history/history.service';
import { Contact, ContactsService } from '../contacts';
import { OpportunitiesService } from '../opportunities';
import { Partner, PartnersService } from '../partners';
import { ConversionResult } from './dto/conversion-result.dto';
import { ConvertContactChoiceDto, ConvertLeadDto, ConvertPartnerChoiceDto } from './dto/lead-actions.dto';
import { Lead } from './lead.entity';
import { assertTransition, LeadsService } from './leads.service';

/**
 * Turns a lead into a partner (new or existing), a contact (new, existing or
 * none) and optionally an opportunity, in one transaction with the lead row
 * locked: all of it happens, or none of it (a second conversion is 422).
 */
@Injectable()
export class LeadConversionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leads: LeadsService,
    private readonly partners: PartnersService,
    private readonly contacts: ContactsService,
    private readonly opportunities: OpportunitiesService,
    private readonly history: HistoryService,
  ) {}

  async convert(leadId: string, dto: ConvertLeadDto, actor: AuthenticatedUser): Promise<ConversionResult> {
    const ids = await this.dataSource.transaction(async (manager) => {
      const lead = await this.leads.lock(manager, leadId);
      const status = assertTransition(lead, 'convert');
      const partner = await this.partnerFor(manager, lead, dto.partner, actor);
      const contactId = await this.contactFor(manager, lead, partner, dto.contact, actor);
      const opportunityId = dto.opportunity
        ? await this.opportunities.insert(
            manager,
            {
              ...dto.opportunity,
              leadId,
              partnerId: partner.id,
              contactId,
              sourceId: lead.sourceId,
              assignedToId: lead.assignedToId ?? actor.id,
              teamId: lead.teamId,
            },
            actor,
          )
        : null;
      await this.opportunities.moveToPartner(manager, leadId, partner.id);
      await updateVersioned(manager, Lead, 'lead', leadId, undefined, { status, partnerId: partner.id, contactId, convertedAt: new Date() });
      await this.history.record(manager, {
        subjects: [{ type: 'lead', id: leadId }, { type: 'partner', id: partner.id }, ...(contactId ? [{ type: 'contact' as const, id: contactId }] : [])],
        kind: 'converted',
        summary: `Lead converted to ${partner.name}`,
        data: { from: lead.status, to: status, leadId, partnerId: partner.id, contactId, opportunityId },
        actorId: actor.id,
      });
      return { partnerId: partner.id, contactId, opportunityId };
    });
    return {
      lead: await this.leads.get(leadId),
      partner: await this.partners.get(ids.partnerId),
      contact: ids.contactId ? await this.contacts.get(ids.contactId) : null,
      opportunity: ids.opportunityId ? await this.opportunities.get(ids.opportunityId) : null,
    };
  }

  private async partnerFor(manager: EntityManager, lead: Lead, choice: ConvertPartnerChoiceDto, actor: AuthenticatedUser): Promise<Partner> {
    if (choice.mode === 'existing') {
      const partner = await manager.getRepository(Partner).findOne({ where: { id: choice.id! }, lock: { mode: 'pessimistic_write' } });
      if (!partner) throw notFound('partner', choice.id);
      // a partner we are converting a lead into is at least a prospect
      if (!partner.isCustomer && !partner.isProspect) await updateVersioned(manager, Partner, 'partner', partner.id, undefined, { isProspect: true });
      return partner;
    }
    const kind = choice.kind ?? (lead.companyName ? 'company' : 'individual');
    const isCustomer = choice.isCustomer ?? false;
    const id = await this.partners.insert(
      manager,
      {
        kind,
        name: kind === 'company' ? (lead.companyName ?? lead.lastName) : lead.lastName,
        firstName: kind === 'individual' ? lead.firstName : null,
        email: lead.email,
        phone: lead.phone,
        mobilePhone: lead.mobilePhone,
        website: lead.website,
        address: lead.address,
        sourceId: lead.sourceId,
        assignedToId: lead.assignedToId ?? actor.id,
        teamId: lead.teamId,
        isCustomer,
        isProspect: choice.isProspect ?? !isCustomer,
      },
      actor,
      'Partner created from a lead',
    );
    return this.partners.get(id, manager);
  }

  private async contactFor(
    manager: EntityManager,
    lead: Lead,
    partner: Partner,
    choice: ConvertContactChoiceDto,
    actor: AuthenticatedUser,
  ): Promise<string | null> {
    if (choice.mode === 'none') return null;
    if (partner.kind === 'individual') {
      throw ruleViolation('INDIVIDUAL_HAS_NO_CONTACTS', 'An individual partner has no contacts: convert with contact mode "none".');
    }
    if (choice.mode === 'existing') {
      const contact = await manager.getRepository(Contact).findOneBy({ id: choice.id! });
      if (!contact) throw notFound('contact', choice.id);
      if (contact.partnerId && contact.partnerId !== partner.id) {
        throw ruleViolation('CONTACT_OF_ANOTHER_PARTNER', 'This contact works for another partner.');
      }
      if (!contact.partnerId) await updateVersioned(manager, Contact, 'contact', contact.id, undefined, { partnerId: partner.id });
      return contact.id;
    }
    return this.contacts.insert(
      manager,
      {
        title: lead.title,
        firstName: lead.firstName,
        lastName: lead.lastName,
        email: lead.email,
        phone: lead.phone,
        mobilePhone: lead.mobilePhone,
        jobTitle: lead.jobTitle,
        address: lead.address,
        doNotCall: lead.doNotCall,
        doNotEmail: lead.doNotEmail,
        partnerId: partner.id,
        assignedToId: lead.assignedToId ?? actor.id,
      },
      actor,
      'Contact created from a lead',
    );
  }
}
