import { EVENT_STATUSES, EVENT_TYPES, LEAD_STATUSES, OPEN_STAGES, type EventStatus, type LeadStatus } from '@crm/domain';
import { countEvents } from '../events';
import { countLeads } from '../leads';
import { forecastOpportunities, openPipelineTotals, sumOpportunities } from '../opportunities';
import {
  Category,
  chart,
  chooseCurrency,
  CountGrid,
  ListFilter,
  namedCategories,
  ReportBody,
  ReportDefinition,
  ReportLabels,
  ReportRequest,
  SeriesSpec,
} from './report-charts';
import { monthsOf } from './report-range';

const LEAD_STATUS_NAMES: Record<LeadStatus, string> = { new: 'New', assigned: 'Assigned', in_progress: 'In progress', converted: 'Converted', lost: 'Lost' };
const EVENT_STATUS_NAMES: Record<EventStatus, string> = { planned: 'Planned', realized: 'Realized', cancelled: 'Cancelled' };
const NO_SOURCE: Category = { key: '', x: 'No source', filter: { hasSource: 'false' } };

/** The narrowing of a request as the opportunity and lead lists take it. */
const owners = (request: ReportRequest): ListFilter => ({ assignedToId: request.userId, ofTeamId: request.teamId });
/** ... and as the event list takes it (its `teamId` is already the team's members and the team's own). */
const organisers = (request: ReportRequest): ListFilter => ({ assignedToId: request.userId, teamId: request.teamId });

const oneSeries = (key: string, name: string): SeriesSpec[] => [{ key, name, filter: {} }];
const valueCategories = (values: readonly string[], field: string): Category[] => values.map((value) => ({ key: value, x: value, filter: { [field]: value } }));
const monthCategories = (request: ReportRequest, fromField: string, toField: string): Category[] =>
  monthsOf(request.range).map((month) => ({ key: month.month, x: month.month, filter: { [fromField]: month.from, [toField]: month.to } }));

/** Source categories for the source ids present (null: "No source", last). */
async function sourceCategories(ids: (string | null | undefined)[], labels: { sources(ids: readonly string[]): Promise<Map<string, string>> }) {
  const known = ids.filter((id): id is string => !!id);
  const categories = namedCategories(known, await labels.sources(known), (id) => ({ sourceId: id }));
  return ids.some((id) => !id) ? [...categories, NO_SOURCE] : categories;
}

/** One category per salesperson of the rows, labelled by name, opening their records (`assignedToId`). */
async function salespersonCategories(rows: { assignedToId?: string | null }[], labels: ReportLabels): Promise<Category[]> {
  const ids = rows.map((row) => row.assignedToId!);
  return namedCategories(ids, await labels.users(ids), (id) => ({ assignedToId: id }));
}

const OBJECTIVE_SERIES: SeriesSpec[] = [
  { key: 'amountWon', name: 'Amount won', filter: {} },
  { key: 'opportunitiesCreated', name: 'Opportunities created', filter: {} },
  { key: 'opportunitiesWon', name: 'Opportunities won', filter: {} },
  { key: 'callsMade', name: 'Calls made', filter: {} },
  { key: 'meetings', name: 'Meetings held', filter: {} },
];

/**
 * Axelor's objectives dashboards (salesperson and manager): for each objective
 * of a user (or a team) running in the range, the completion (%) of each
 * measure in its period in course on `to` (default today); null where the
 * measure has no target. A point opens that user's (or team's) objectives.
 */
function objectivesReport(kind: 'user' | 'team'): ReportDefinition {
  const owner = kind === 'user' ? 'salesperson' : 'team';
  return {
    title: kind === 'user' ? 'Objectives of the salespeople' : 'Objectives of the teams',
    unit: 'percent',
    list: 'objectives',
    range: 'today',
    description:
      `For each objective of a ${owner} running in the range, the completion (%) of each measure (amount won, opportunities created and won, ` +
      `calls made, meetings held) in its period in course on \`to\`; null without a target. \`x\` names the ${owner} (and the objective). ` +
      'A salesperson sees their own and their teams’ objectives only.',
    async build(_manager, request, labels, data): Promise<ReportBody> {
      const rows = await data.objectives(kind, request);
      const owners = rows.map((row) => row.ownerId);
      const names = await (kind === 'user' ? labels.users(owners) : labels.teams(owners));
      const categories: Category[] = rows.map((row) => ({
        key: row.objectiveId,
        x: `${names.get(row.ownerId) ?? row.ownerId} — ${row.name}`,
        filter: { [kind === 'user' ? 'userId' : 'teamId']: row.ownerId },
      }));
      const byId = new Map(rows.map((row) => [row.objectiveId, row.percent]));
      return { series: chart(categories, OBJECTIVE_SERIES, (id, measure) => byId.get(id)?.[measure] ?? null, {}) };
    },
  };
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : null);

/**
 * Every report: its title, unit, the list its points drill down to, and how
 * it is built from the owning modules' sums. Each point's `filter` names
 * exactly the records counted in it: the sums and the list filters mean the
 * same (ranges of days in the organisation's time zone, `ofTeamId` and
 * `teamId` the team's own records and its members').
 */
export const REPORTS = {
  'opportunities-pipeline': {
    title: 'Pipeline by stage',
    unit: 'amount',
    list: 'opportunities',
    range: 'none',
    description:
      'The open deals as they stand now, amount per stage in pipeline order (new, qualification, proposition, negotiation), in one currency. `from`/`to` do not apply.',
    async build(manager, request): Promise<ReportBody> {
      const rows = await openPipelineTotals(manager, { assignedToId: request.userId, ofTeamId: request.teamId });
      const { currency, currencies } = chooseCurrency(rows, request.currency);
      const amounts = new Map(rows.filter((row) => row.currency === currency).map((row) => [row.stage as string, row.amount]));
      const series = chart(valueCategories(OPEN_STAGES, 'stage'), oneSeries('amount', 'Amount'), (stage) => amounts.get(stage) ?? '0.00', {
        currency,
        ...owners(request),
      });
      return { currency, currencies, series };
    },
  },
  'opportunities-by-stage-count': {
    title: 'Open opportunities by stage',
    unit: 'count',
    list: 'opportunities',
    range: 'none',
    description: 'The open deals as they stand now, counted per stage in pipeline order, all currencies. `from`/`to` do not apply.',
    async build(manager, request): Promise<ReportBody> {
      const grid = new CountGrid();
      for (const row of await openPipelineTotals(manager, { assignedToId: request.userId, ofTeamId: request.teamId })) grid.add(row.stage, 'count', row.count);
      return {
        series: chart(valueCategories(OPEN_STAGES, 'stage'), oneSeries('count', 'Opportunities'), (stage) => grid.get(stage, 'count'), owners(request)),
      };
    },
  },
  'opportunities-won-lost': {
    title: 'Won and lost by salesperson',
    unit: 'count',
    list: 'opportunities',
    range: 'today',
    description:
      'Deals won and deals lost in the range (by the day they were closed), per salesperson: two series. Unassigned deals are left out. ' +
      '(Axelor\'s "won by salesperson" sums every deal whatever its stage; not here.)',
    async build(manager, request, labels): Promise<ReportBody> {
      const { range } = request;
      const rows = await sumOpportunities(manager, {
        event: 'closed',
        range,
        timeZone: range.timeZone,
        groupBy: ['assignedToId', 'stage'],
        assignedToId: request.userId,
        ofTeamId: request.teamId,
        assignedOnly: true,
      });
      const grid = new CountGrid();
      for (const row of rows) grid.add(row.assignedToId!, row.stage!, row.count);
      const categories = await salespersonCategories(rows, labels);
      const series: SeriesSpec[] = [
        { key: 'closed_won', name: 'Won', filter: { stage: 'closed_won' } },
        { key: 'closed_lost', name: 'Lost', filter: { stage: 'closed_lost' } },
      ];
      return {
        series: chart(categories, series, (user, stage) => grid.get(user, stage), { closedFrom: range.from, closedTo: range.to, ...owners(request) }),
      };
    },
  },
  'opportunities-forecast': {
    title: 'Forecast by expected close month',
    unit: 'amount',
    list: 'opportunities',
    range: 'end-of-year',
    description:
      'The open deals expected to close in the range, per month of their expected close date: their amount and their weighted amount (amount × probability / 100), two series, in one currency. ' +
      'Deals without an expected date are left out. Default range: the current year.',
    async build(manager, request): Promise<ReportBody> {
      const { range } = request;
      const rows = await forecastOpportunities(manager, { from: range.from, to: range.to, assignedToId: request.userId, ofTeamId: request.teamId });
      const { currency, currencies } = chooseCurrency(rows, request.currency);
      const byMonth = new Map(rows.filter((row) => row.currency === currency).map((row) => [row.month, row]));
      const series: SeriesSpec[] = [
        { key: 'amount', name: 'Amount', filter: {} },
        { key: 'weightedAmount', name: 'Weighted amount', filter: {} },
      ];
      return {
        currency,
        currencies,
        series: chart(
          monthCategories(request, 'expectedCloseFrom', 'expectedCloseTo'),
          series,
          (month, key) => byMonth.get(month)?.[key as 'amount' | 'weightedAmount'] ?? '0.00',
          { closed: 'false', currency, ...owners(request) },
        ),
      };
    },
  },
  'opportunities-by-source': {
    title: 'Opportunities by source',
    unit: 'amount',
    list: 'opportunities',
    range: 'today',
    description: 'The amount of the deals created in the range (whatever their stage now), per lead source (and "No source"), in one currency.',
    async build(manager, request, labels): Promise<ReportBody> {
      const { range } = request;
      const rows = await sumOpportunities(manager, {
        event: 'created',
        range,
        timeZone: range.timeZone,
        groupBy: ['sourceId', 'currency'],
        assignedToId: request.userId,
        ofTeamId: request.teamId,
      });
      const { currency, currencies } = chooseCurrency(rows, request.currency);
      const shown = rows.filter((row) => row.currency === currency);
      const amounts = new Map(shown.map((row) => [row.sourceId ?? '', row.amount]));
      return {
        currency,
        currencies,
        series: chart(
          await sourceCategories(
            shown.map((row) => row.sourceId),
            labels,
          ),
          oneSeries('amount', 'Amount'),
          (source) => amounts.get(source) ?? '0.00',
          { createdFrom: range.from, createdTo: range.to, currency, ...owners(request) },
        ),
      };
    },
  },
  'opportunities-conversion': {
    title: 'Win rate by month',
    unit: 'percent',
    list: 'opportunities',
    range: 'today',
    description:
      'Per month of closing in the range: the deals won, in percent of the deals closed (won + lost), one decimal; null for a month without closed deals. A point lists the closed deals of its month.',
    async build(manager, request): Promise<ReportBody> {
      const { range } = request;
      const rows = await sumOpportunities(manager, {
        event: 'closed',
        range,
        timeZone: range.timeZone,
        groupBy: ['month', 'stage'],
        assignedToId: request.userId,
        ofTeamId: request.teamId,
      });
      const grid = new CountGrid();
      for (const row of rows) grid.add(row.month!, row.stage!, row.count);
      return {
        series: chart(
          monthCategories(request, 'closedFrom', 'closedTo'),
          oneSeries('winRate', 'Win rate'),
          (month) => percent(grid.get(month, 'closed_won'), grid.get(month, 'closed_won') + grid.get(month, 'closed_lost')),
          { closed: 'true', ...owners(request) },
        ),
      };
    },
  },
  leads: {
    title: 'Leads by status',
    unit: 'count',
    list: 'leads',
    range: 'today',
    description: 'The leads created in the range, per status they are in now (new, assigned, in progress, converted, lost).',
    async build(manager, request): Promise<ReportBody> {
      const { range } = request;
      const grid = new CountGrid();
      const rows = await countLeads(manager, {
        event: 'created',
        range,
        timeZone: range.timeZone,
        groupBy: ['status'],
        assignedToId: request.userId,
        ofTeamId: request.teamId,
      });
      for (const row of rows) grid.add(row.status!, 'leads', row.count);
      return {
        series: chart(valueCategories(LEAD_STATUSES, 'status'), oneSeries('leads', 'Leads'), (status) => grid.get(status, 'leads'), {
          createdFrom: range.from,
          createdTo: range.to,
          ...owners(request),
        }),
      };
    },
  },
  'leads-by-source': {
    title: 'Leads by source',
    unit: 'count',
    list: 'leads',
    range: 'today',
    description: 'The leads created in the range, per source (and "No source").',
    async build(manager, request, labels): Promise<ReportBody> {
      const { range } = request;
      const rows = await countLeads(manager, {
        event: 'created',
        range,
        timeZone: range.timeZone,
        groupBy: ['sourceId'],
        assignedToId: request.userId,
        ofTeamId: request.teamId,
      });
      const counts = new Map(rows.map((row) => [row.sourceId ?? '', row.count]));
      return {
        series: chart(
          await sourceCategories(
            rows.map((row) => row.sourceId),
            labels,
          ),
          oneSeries('leads', 'Leads'),
          (source) => counts.get(source) ?? 0,
          { createdFrom: range.from, createdTo: range.to, ...owners(request) },
        ),
      };
    },
  },
  'leads-by-salesperson': {
    title: 'Leads by salesperson and status',
    unit: 'count',
    list: 'leads',
    range: 'today',
    description:
      'The leads created in the range, per salesperson, stacked by the status they are in now: one series per status. Unassigned leads are left out.',
    async build(manager, request, labels): Promise<ReportBody> {
      const { range } = request;
      const rows = await countLeads(manager, {
        event: 'created',
        range,
        timeZone: range.timeZone,
        groupBy: ['assignedToId', 'status'],
        assignedToId: request.userId,
        ofTeamId: request.teamId,
        assignedOnly: true,
      });
      const grid = new CountGrid();
      for (const row of rows) grid.add(row.assignedToId!, row.status!, row.count);
      const series = LEAD_STATUSES.map((status) => ({ key: status, name: LEAD_STATUS_NAMES[status], filter: { status } }));
      return {
        series: chart(await salespersonCategories(rows, labels), series, (user, status) => grid.get(user, status), {
          createdFrom: range.from,
          createdTo: range.to,
          ...owners(request),
        }),
      };
    },
  },
  'leads-converted-per-month': {
    title: 'Leads converted per month',
    unit: 'count',
    list: 'leads',
    range: 'today',
    description: 'The leads converted in the range, per month of their conversion (not of their creation).',
    async build(manager, request): Promise<ReportBody> {
      const { range } = request;
      const rows = await countLeads(manager, {
        event: 'converted',
        range,
        timeZone: range.timeZone,
        groupBy: ['month'],
        assignedToId: request.userId,
        ofTeamId: request.teamId,
      });
      const counts = new Map(rows.map((row) => [row.month!, row.count]));
      return {
        series: chart(
          monthCategories(request, 'convertedFrom', 'convertedTo'),
          oneSeries('converted', 'Converted'),
          (month) => counts.get(month) ?? 0,
          owners(request),
        ),
      };
    },
  },
  calls: {
    title: 'Calls by user',
    unit: 'count',
    list: 'events',
    range: 'today',
    description:
      'The calls starting in the range, per organiser: planned and realized, two series (cancelled calls are left out). ' +
      '(Axelor\'s "calls held" charts count every call; here realized is its own series.)',
    async build(manager, request, labels): Promise<ReportBody> {
      const { range } = request;
      const rows = await countEvents(manager, {
        range,
        timeZone: range.timeZone,
        groupBy: ['assignedToId', 'status'],
        types: ['call'],
        statuses: ['planned', 'realized'],
        assignedToId: request.userId,
        teamId: request.teamId,
      });
      const grid = new CountGrid();
      for (const row of rows) grid.add(row.assignedToId!, row.status!, row.count);
      const series = (['planned', 'realized'] as const).map((status) => ({ key: status, name: EVENT_STATUS_NAMES[status], filter: { status } }));
      return {
        series: chart(await salespersonCategories(rows, labels), series, (user, status) => grid.get(user, status), {
          type: 'call',
          startFrom: range.from,
          startTo: range.to,
          ...organisers(request),
        }),
      };
    },
  },
  'calls-by-direction': {
    title: 'Calls by direction and user',
    unit: 'count',
    list: 'events',
    range: 'today',
    description: 'The calls starting in the range, per organiser: inbound and outbound, two series (whatever their status).',
    async build(manager, request, labels): Promise<ReportBody> {
      const { range } = request;
      const rows = (
        await countEvents(manager, {
          range,
          timeZone: range.timeZone,
          groupBy: ['assignedToId', 'callDirection'],
          types: ['call'],
          assignedToId: request.userId,
          teamId: request.teamId,
        })
      ).filter((row) => row.callDirection);
      const grid = new CountGrid();
      for (const row of rows) grid.add(row.assignedToId!, row.callDirection!, row.count);
      const series: SeriesSpec[] = [
        { key: 'inbound', name: 'Inbound', filter: { callDirection: 'inbound' } },
        { key: 'outbound', name: 'Outbound', filter: { callDirection: 'outbound' } },
      ];
      return {
        series: chart(await salespersonCategories(rows, labels), series, (user, direction) => grid.get(user, direction), {
          type: 'call',
          startFrom: range.from,
          startTo: range.to,
          ...organisers(request),
        }),
      };
    },
  },
  'calls-per-month': {
    title: 'Calls per month',
    unit: 'count',
    list: 'events',
    range: 'today',
    description: 'The calls starting in the range, per month of their start: planned and realized, two series.',
    async build(manager, request): Promise<ReportBody> {
      const { range } = request;
      const rows = await countEvents(manager, {
        range,
        timeZone: range.timeZone,
        groupBy: ['month', 'status'],
        types: ['call'],
        statuses: ['planned', 'realized'],
        assignedToId: request.userId,
        teamId: request.teamId,
      });
      const grid = new CountGrid();
      for (const row of rows) grid.add(row.month!, row.status!, row.count);
      const series = (['planned', 'realized'] as const).map((status) => ({ key: status, name: EVENT_STATUS_NAMES[status], filter: { status } }));
      return {
        series: chart(monthCategories(request, 'startFrom', 'startTo'), series, (month, status) => grid.get(month, status), {
          type: 'call',
          ...organisers(request),
        }),
      };
    },
  },
  events: {
    title: 'Events by type and status',
    unit: 'count',
    list: 'events',
    range: 'today',
    description:
      'The events starting in the range (a recurring series counts once, at its first occurrence; an edited or cancelled occurrence is a row of its own), ' +
      'per type (call, meeting, task, event), stacked by status: one series per status.',
    async build(manager, request): Promise<ReportBody> {
      const { range } = request;
      const rows = await countEvents(manager, {
        range,
        timeZone: range.timeZone,
        groupBy: ['type', 'status'],
        assignedToId: request.userId,
        teamId: request.teamId,
      });
      const grid = new CountGrid();
      for (const row of rows) grid.add(row.type!, row.status!, row.count);
      const series = EVENT_STATUSES.map((status) => ({ key: status, name: EVENT_STATUS_NAMES[status], filter: { status } }));
      return {
        series: chart(valueCategories(EVENT_TYPES, 'type'), series, (type, status) => grid.get(type, status), {
          startFrom: range.from,
          startTo: range.to,
          ...organisers(request),
        }),
      };
    },
  },
  'objectives-users': objectivesReport('user'),
  'objectives-teams': objectivesReport('team'),
} satisfies Record<string, ReportDefinition>;

export type ReportName = keyof typeof REPORTS;

/** Every report name, in catalogue order. */
export const REPORT_NAMES = Object.keys(REPORTS) as ReportName[];
