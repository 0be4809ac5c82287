import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { quotationTotals, quotationTransition, type QuotationAction } from '@crm/domain';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { newId } from '../../platform/database/ids';
import { reassignColumn, type RecordReassignment } from '../../platform/database/record-merge';
import { deleteById, updateVersioned } from '../../platform/database/versioned-update';
import { notFound, ruleViolation } from '../../platform/errors/domain-error';
import { HistorySubject, HistoryService } from '../../platform/history/history.service';
import { runList } from '../../platform/listing/list-runner';
import { ListSpec } from '../../platform/listing/list-spec';
import { Page } from '../../platform/listing/page';
import { addressText, renderPdfReport, reportFilename } from '../../platform/pdf/pdf-report';
import { OpportunitiesService } from '../opportunities';
import { PartnersService } from '../partners';
import { CrmSettingsService } from '../settings';
import { CreateQuotationDto, ListQuotationsQuery, QuotationLineDto, QuoteOpportunityDto, UpdateQuotationDto } from './dto/quotation.dto';
import { Quotation, QuotationLine, QuotationView } from './quotation.entity';

const QUOTATION_LIST: ListSpec = {
  alias: 'quotation',
  filters: { status: 'quotation.status', opportunityId: 'quotation.opportunity_id', partnerId: 'quotation.partner_id' },
  sorts: { number: 'quotation.number', createdAt: 'quotation.created_at', total: 'quotation.total', status: 'quotation.status' },
  defaultSort: '-createdAt',
};

@Injectable()
export class QuotationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly opportunities: OpportunitiesService,
    private readonly partners: PartnersService,
    private readonly settings: CrmSettingsService,
    private readonly history: HistoryService,
  ) {}

  async list(query: ListQuotationsQuery): Promise<Page<Quotation>> {
    return runList(this.dataSource.getRepository(Quotation).createQueryBuilder('quotation'), query, QUOTATION_LIST);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<QuotationView> {
    const quotation = await manager.getRepository(Quotation).findOneBy({ id });
    if (!quotation) throw notFound('quotation', id);
    const lines = await manager.getRepository(QuotationLine).find({ where: { quotationId: id }, order: { position: 'ASC' } });
    return { ...quotation, lines };
  }

  async create(dto: CreateQuotationDto, actor: AuthenticatedUser): Promise<QuotationView> {
    const id = await this.dataSource.transaction((manager) => this.insert(manager, dto, actor));
    return this.get(id);
  }

  /** A draft filled from the opportunity: its partner, contact, currency and salesperson. */
  async createFromOpportunity(opportunityId: string, dto: QuoteOpportunityDto, actor: AuthenticatedUser): Promise<QuotationView> {
    const opportunity = await this.opportunities.get(opportunityId);
    if (!opportunity.partnerId) throw ruleViolation('OPPORTUNITY_HAS_NO_PARTNER', 'Set the opportunity’s partner before making a quotation.');
    if (opportunity.stage === 'closed_lost') throw ruleViolation('OPPORTUNITY_LOST', 'A lost opportunity cannot be quoted; reopen it first.');
    return this.create(
      {
        ...dto,
        partnerId: opportunity.partnerId,
        opportunityId,
        contactId: opportunity.contactId,
        currency: opportunity.currency,
        assignedToId: opportunity.assignedToId ?? actor.id,
      },
      actor,
    );
  }

  /** Only a draft changes; `lines`, when given, replace all the lines and the totals follow. */
  async update(id: string, dto: UpdateQuotationDto): Promise<QuotationView> {
    const { version, lines, ...changes } = dto;
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, id);
      this.assert(current, 'edit');
      await updateVersioned(manager, Quotation, 'quotation', id, version, { ...changes, ...(lines ? await this.replaceLines(manager, id, lines) : {}) });
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      this.assert(await this.lock(manager, id), 'edit');
      await deleteById(manager, Quotation, 'quotation', id);
    });
  }

  send(id: string, actor: AuthenticatedUser): Promise<QuotationView> {
    return this.transition(id, 'send', actor);
  }

  cancel(id: string, actor: AuthenticatedUser): Promise<QuotationView> {
    return this.transition(id, 'cancel', actor);
  }

  /**
   * The quotation becomes the order. In the same transaction: a prospect
   * becomes a customer, and with the setting on, the linked opportunity is
   * closed as won.
   */
  confirm(id: string, actor: AuthenticatedUser): Promise<QuotationView> {
    return this.transition(id, 'confirm', actor, async (manager, quotation) => {
      await this.partners.markCustomer(manager, quotation.partnerId);
      const { closeOpportunityOnOrderConfirmation } = await this.settings.current(manager);
      if (closeOpportunityOnOrderConfirmation && quotation.opportunityId) await this.opportunities.winIn(manager, quotation.opportunityId, actor);
    });
  }

  /** A merge: the quotations and orders of a merged partner or contact now name the kept one (versions go up). */
  async reassign(manager: EntityManager, reassignment: RecordReassignment): Promise<number> {
    if (reassignment.type === 'lead') return 0;
    return reassignColumn(manager, Quotation, reassignment.type === 'partner' ? 'partnerId' : 'contactId', reassignment);
  }

  async report(id: string): Promise<{ filename: string; pdf: Buffer }> {
    const quotation = await this.get(id);
    const partner = await this.partners.get(quotation.partnerId);
    const title = `${quotation.status === 'confirmed' ? 'Order' : 'Quotation'} ${quotation.number}`;
    const pdf = await renderPdfReport({
      title,
      subtitle: [partner.firstName, partner.name].filter(Boolean).join(' '),
      details: [
        { label: 'Customer', value: [partner.name, addressText(partner.address)].filter(Boolean).join('\n') },
        { label: 'Status', value: quotation.status },
        { label: 'Valid until', value: quotation.validUntil },
        { label: 'Total before tax', value: `${quotation.untaxed} ${quotation.currency}` },
        { label: 'Tax', value: `${quotation.tax} ${quotation.currency}` },
        { label: 'Total', value: `${quotation.total} ${quotation.currency}` },
        { label: 'Notes', value: quotation.notes },
      ],
      sections: [
        {
          title: 'Lines',
          lines: quotation.lines.map((line) => ({
            text: `${line.description} — ${line.quantity} × ${line.unitPrice}${Number(line.discountPercent) ? ` − ${line.discountPercent}%` : ''} = ${line.net} + tax ${line.tax} (${line.taxRate}%) = ${line.total} ${quotation.currency}`,
          })),
          emptyText: 'No lines.',
        },
      ],
    });
    return { filename: reportFilename('quotation', quotation.number, id), pdf };
  }

  private async insert(manager: EntityManager, dto: CreateQuotationDto, actor: AuthenticatedUser): Promise<string> {
    const id = newId();
    const { lines, ...fields } = dto;
    const [{ n }]: { n: string }[] = await manager.query(`SELECT nextval('quotation_number_seq') AS n`);
    const priced = priceLines(id, lines ?? []);
    await manager.insert(Quotation, {
      currency: 'EUR',
      ...fields,
      id,
      number: `Q${String(n).padStart(5, '0')}`,
      status: 'draft',
      assignedToId: dto.assignedToId === undefined ? actor.id : dto.assignedToId,
      createdById: actor.id,
      ...priced.totals,
    });
    if (priced.rows.length) await manager.insert(QuotationLine, priced.rows);
    const quotation = await this.get(id, manager);
    await this.history.record(manager, {
      subjects: subjectsOf(quotation),
      kind: 'quotation_created',
      summary: `Quotation ${quotation.number} drafted`,
      data: { quotationId: id },
      actorId: actor.id,
    });
    return id;
  }

  /** Replaces the lines with their computed totals; returns the quotation's totals. */
  private async replaceLines(manager: EntityManager, quotationId: string, lines: QuotationLineDto[]): Promise<Pick<Quotation, 'untaxed' | 'tax' | 'total'>> {
    const priced = priceLines(quotationId, lines);
    await manager.delete(QuotationLine, { quotationId });
    if (priced.rows.length) await manager.insert(QuotationLine, priced.rows);
    return priced.totals;
  }

  private async transition(
    id: string,
    action: Exclude<QuotationAction, 'edit'>,
    actor: AuthenticatedUser,
    effects?: (manager: EntityManager, quotation: Quotation) => Promise<void>,
  ): Promise<QuotationView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lock(manager, id);
      const status = this.assert(current, action);
      await updateVersioned(manager, Quotation, 'quotation', id, undefined, { status, ...(status === 'confirmed' ? { confirmedAt: new Date() } : {}) });
      await effects?.(manager, current);
      await this.history.record(manager, {
        subjects: subjectsOf(current),
        kind: status === 'confirmed' ? 'order_confirmed' : `quotation_${status}`,
        summary: `${status === 'confirmed' ? 'Order' : 'Quotation'} ${current.number} ${status} (${current.total} ${current.currency})`,
        data: { quotationId: id, from: current.status, to: status },
        actorId: actor.id,
      });
    });
    return this.get(id);
  }

  private assert(quotation: Quotation, action: QuotationAction) {
    const result = quotationTransition(quotation.status, action);
    if (!result.allowed) throw ruleViolation('QUOTATION_STATUS_REFUSED', result.reason);
    return result.status;
  }

  private async lock(manager: EntityManager, id: string): Promise<Quotation> {
    const quotation = await manager.getRepository(Quotation).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!quotation) throw notFound('quotation', id);
    return quotation;
  }
}

/** The line rows (with their totals) and the quotation totals, computed exactly by the shared rule. */
function priceLines(quotationId: string, lines: QuotationLineDto[]) {
  const inputs = lines.map((line) => ({ ...line, discountPercent: line.discountPercent ?? '0', taxRate: line.taxRate ?? '0' }));
  const totals = quotationTotals(inputs);
  return {
    rows: inputs.map((line, position) => ({ ...line, id: newId(), quotationId, position, ...totals.lines[position] })),
    totals: { untaxed: totals.untaxed, tax: totals.tax, total: totals.total },
  };
}

function subjectsOf(quotation: Pick<Quotation, 'partnerId' | 'opportunityId'>): HistorySubject[] {
  return [{ type: 'partner', id: quotation.partnerId }, ...(quotation.opportunityId ? [{ type: 'opportunity' as const, id: quotation.opportunityId }] : [])];
}
