import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../platform/errors/domain-error';
import { leadSourceNames } from '../configuration';
import { CrmSettingsService } from '../settings';
import { UsersService } from '../users';
import { ObjectivesService } from '../objectives';
import { teamNames } from '../teams';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import { ReportQuery, ReportView } from './dto/report.dto';
import type { ReportData, ReportDefinition, ReportLabels } from './report-charts';
import { REPORT_NAMES, REPORTS } from './report-catalogue';
import { reportRange } from './report-range';

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: CrmSettingsService,
    private readonly users: UsersService,
    private readonly objectives: ObjectivesService,
  ) {}

  /** One chart: the range resolved in the organisation's time zone, the owning modules' sums, labels and drill-down filters. */
  async report(name: string, query: ReportQuery, actor: AuthenticatedUser): Promise<ReportView> {
    const definition: ReportDefinition | undefined = Object.hasOwn(REPORTS, name) ? REPORTS[name as keyof typeof REPORTS] : undefined;
    if (!definition) throw new DomainError('not_found', 'NOT_FOUND', `No report named "${name}"; the reports are ${REPORT_NAMES.join(', ')}.`);
    const { timeZone } = await this.settings.current();
    const range = reportRange(query, timeZone, definition.range === 'none' ? 'today' : definition.range);
    const request = { range, userId: query.userId, teamId: query.teamId, currency: query.currency };
    // One snapshot for the sums and their labels. A report's statements read a few thousand rows at most: a
    // parallel plan only adds the start of its workers (tens of milliseconds when every client asks at once).
    const body = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`);
      const labels: ReportLabels = {
        users: (ids) => this.users.namesOf(ids, manager),
        sources: (ids) => leadSourceNames(manager, ids),
        teams: (ids) => teamNames(manager, ids),
      };
      const data: ReportData = {
        objectives: async (kind, { range, userId, teamId }) =>
          (await this.objectives.currentProgress(manager, kind, range, { userId, teamId }, actor)).map(({ objective, progress }) => ({
            objectiveId: objective.id,
            name: objective.name,
            ownerId: (objective.userId ?? objective.teamId)!,
            percent: { ...progress.percent },
          })),
      };
      return definition.build(manager, request, labels, data);
    });
    const ranged = definition.range !== 'none';
    return {
      name,
      title: definition.title,
      unit: definition.unit,
      list: definition.list,
      ...(body.currency === undefined ? {} : { currency: body.currency, currencies: body.currencies ?? [] }),
      from: ranged ? range.from : null,
      to: ranged ? range.to : null,
      series: body.series,
    };
  }
}
