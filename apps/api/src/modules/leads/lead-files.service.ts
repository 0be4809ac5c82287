import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HistoryService } from '../../platform/history/history.service';
import { addressText, PdfDetail, renderPdfReport, reportFilename } from '../../platform/pdf/pdf-report';
import { Lead } from './lead.entity';
import { LeadsService } from './leads.service';

/** How much of the timeline a report shows. */
const RECENT_ACTIVITY_LINES = 30;

const STATUS_LABELS: Record<Lead['status'], string> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  converted: 'Converted',
  lost: 'Lost',
};

/** The one-lead PDF report. */
@Injectable()
export class LeadFilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leads: LeadsService,
    private readonly history: HistoryService,
  ) {}

  /** The lead on one page: who, where it stands, how to reach it, and what happened lately. 404 for an unknown lead. */
  async report(id: string): Promise<{ filename: string; pdf: Buffer }> {
    const lead = await this.leads.get(id);
    const [names] = await this.dataSource.query<{ source: string | null; assignee: string | null; team: string | null }[]>(
      `SELECT (SELECT name FROM lead_sources WHERE id = $1) AS source,
              (SELECT name FROM users WHERE id = $2) AS assignee,
              (SELECT name FROM teams WHERE id = $3) AS team`,
      [lead.sourceId, lead.assignedToId, lead.teamId],
    );
    const activity = await this.history.recent({ type: 'lead', id: lead.id }, RECENT_ACTIVITY_LINES);
    const name = [lead.title, lead.firstName, lead.lastName].filter(Boolean).join(' ');
    const details: PdfDetail[] = [
      { label: 'Company', value: lead.companyName },
      { label: 'Job title', value: lead.jobTitle },
      { label: 'Status', value: STATUS_LABELS[lead.status] ?? lead.status },
      { label: 'Source', value: names.source },
      { label: 'Referred by', value: lead.referredBy },
      { label: 'Assigned to', value: names.assignee },
      { label: 'Team', value: names.team },
      { label: 'Email', value: [lead.email, lead.doNotEmail ? '(does not want emails)' : null].filter(Boolean).join(' ') },
      { label: 'Phone', value: lead.phone },
      { label: 'Mobile phone', value: lead.mobilePhone },
      { label: 'Do not call', value: lead.doNotCall ? 'Yes' : 'No' },
      { label: 'Web site', value: lead.website },
      { label: 'Address', value: addressText(lead.address) },
      { label: 'Created', value: lead.createdAt.toISOString().slice(0, 10) },
      { label: 'Description', value: lead.description },
    ];
    const pdf = await renderPdfReport({
      title: name,
      subtitle: lead.companyName ? `Lead — ${lead.companyName}` : 'Lead',
      details,
      sections: [
        {
          title: 'Recent activity',
          lines: activity.map((line) => ({ at: line.occurredAt, text: line.summary })),
          emptyText: 'No activity yet.',
        },
      ],
    });
    return { filename: reportFilename('lead', name, lead.id), pdf };
  }
}
