import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HistoryService } from '../../platform/history/history.service';
import { addressText, renderPdfReport, reportFilename } from '../../platform/pdf/pdf-report';
import { PartnersService } from './partners.service';

const RECENT_ACTIVITY_LINES = 30;

/** The one-partner PDF report: identity, roles, contact details, contacts, open opportunities and recent activity. */
@Injectable()
export class PartnerReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly partners: PartnersService,
    private readonly history: HistoryService,
  ) {}

  async report(id: string): Promise<{ filename: string; pdf: Buffer }> {
    const partner = await this.partners.get(id);
    const [names] = await this.dataSource.query<{ assignee: string | null; team: string | null }[]>(
      `SELECT (SELECT name FROM users WHERE id = $1) AS assignee, (SELECT name FROM teams WHERE id = $2) AS team`,
      [partner.assignedToId, partner.teamId],
    );
    const contacts: { name: string; job_title: string | null; email: string | null }[] = await this.dataSource.query(
      `SELECT concat_ws(' ', first_name, last_name) AS name, job_title, email FROM contacts WHERE partner_id = $1 ORDER BY last_name LIMIT 50`,
      [id],
    );
    const opportunities: { name: string; stage: string; amount: string | null; currency: string }[] = await this.dataSource.query(
      `SELECT name, stage, amount, currency FROM opportunities WHERE partner_id = $1 AND stage NOT IN ('closed_won', 'closed_lost') ORDER BY expected_close_date NULLS LAST LIMIT 50`,
      [id],
    );
    const activity = await this.history.recent({ type: 'partner', id }, RECENT_ACTIVITY_LINES);
    const name = [partner.firstName, partner.name].filter(Boolean).join(' ');
    const roles = [partner.isProspect && 'Prospect', partner.isCustomer && 'Customer', partner.isSupplier && 'Supplier'].filter(Boolean).join(', ');
    const pdf = await renderPdfReport({
      title: name,
      subtitle: `${partner.kind === 'company' ? 'Company' : 'Individual'}${roles ? ` — ${roles}` : ''}`,
      details: [
        { label: 'Email', value: partner.email },
        { label: 'Phone', value: partner.phone },
        { label: 'Mobile phone', value: partner.mobilePhone },
        { label: 'Web site', value: partner.website },
        { label: 'Address', value: addressText(partner.address) },
        { label: 'Assigned to', value: names.assignee },
        { label: 'Team', value: names.team },
        { label: 'Description', value: partner.description },
      ],
      sections: [
        { title: 'Contacts', lines: contacts.map((c) => ({ text: [c.name, c.job_title, c.email].filter(Boolean).join(' — ') })), emptyText: 'No contacts.' },
        {
          title: 'Open opportunities',
          lines: opportunities.map((o) => ({ text: `${o.name} — ${o.stage.replace('_', ' ')}${o.amount ? ` — ${o.amount} ${o.currency}` : ''}` })),
          emptyText: 'No open opportunities.',
        },
        { title: 'Recent activity', lines: activity.map((line) => ({ at: line.occurredAt, text: line.summary })), emptyText: 'No activity yet.' },
      ],
    });
    return { filename: reportFilename('partner', name, id), pdf };
  }
}
