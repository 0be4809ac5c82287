import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CountryCode } from 'libphonenumber-js';
import { DataSource, EntityManager } from 'typeorm';
import { invalidInput } from '../../platform/errors/domain-error';
import { CrmSettingsService } from '../settings';
import { DuplicateRecords } from './duplicate-records';
import { DUPLICATE_RULES, fieldSpecs, type DuplicateEntityRules } from './duplicate-entities';
import { DuplicateSearchResult, SearchDuplicatesDto, SimilarRecordsQuery, SimilarRecordsResult } from './dto/duplicates.dto';
import { findDuplicateGroups, rankSimilar, type MatchOptions, type MatchRecord } from './matching';

const DEFAULT_GROUPS = 100;
const DEFAULT_SIMILAR = 5;
/** Candidates per probe of a similar lookup: a typed name is compared with its closest few only. */
const PROBE_LIMIT = 20;
const QUERY_FIELDS = ['name', 'firstName', 'lastName', 'companyName', 'email', 'phone', 'mobilePhone', 'website'] as const;

/**
 * Finds duplicates without comparing every pair: a search reads the compared
 * columns of the whole table once and groups records sharing a blocking key
 * (the matcher); a similar lookup probes the match indexes for a handful of
 * candidates. Both score with the same rules.
 */
@Injectable()
export class DuplicateSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: CrmSettingsService,
    private readonly records: DuplicateRecords,
  ) {}

  async search(dto: SearchDuplicatesDto): Promise<DuplicateSearchResult> {
    const rules = DUPLICATE_RULES[dto.entity];
    const { specs, unknown } = fieldSpecs(rules, dto.fields);
    if (unknown.length) {
      throw invalidInput([
        { field: 'fields', message: `${dto.entity} cannot be compared on ${unknown.join(', ')}; fields: ${Object.keys(rules.kinds).join(', ')}` },
      ]);
    }
    const rows = await readColumns(this.dataSource.manager, rules, dto.fields);
    const groups = findDuplicateGroups(rows, specs, await this.matchOptions());
    const shown = groups.slice(0, dto.limit ?? DEFAULT_GROUPS);
    const byId = await this.records.byIds(
      dto.entity,
      shown.flatMap((group) => group.ids),
    );
    return {
      total: groups.length,
      groups: shown.map((group) => ({ score: group.score, records: group.ids.map((id) => byId.get(id)!).filter(Boolean) })),
    };
  }

  async similar(query: SimilarRecordsQuery): Promise<SimilarRecordsResult> {
    const rules = DUPLICATE_RULES[query.entity];
    const values = typedValues(query);
    const notCompared = Object.keys(values).filter((field) => !(field in rules.kinds));
    if (notCompared.length) {
      throw invalidInput(notCompared.map((field) => ({ field, message: `${query.entity} are not compared on ${field}` })));
    }
    const probes = rules.probes.filter((probe) => values[probe.field]);
    if (!probes.length) return { items: [] };
    const candidateIds = await probeCandidates(this.dataSource.manager, rules, probes, values, query.excludeId);
    if (!candidateIds.length) return { items: [] };
    const fields = Object.keys(values);
    const candidates = await readColumns(this.dataSource.manager, rules, fields, candidateIds);
    const { specs } = fieldSpecs(rules, fields);
    const ranked = rankSimilar({ id: '', values }, candidates, specs, await this.matchOptions(), query.limit ?? DEFAULT_SIMILAR);
    const byId = await this.records.byIds(
      query.entity,
      ranked.map((match) => match.id),
    );
    return { items: ranked.filter((match) => byId.has(match.id)).map((match) => ({ score: match.score, record: byId.get(match.id)! })) };
  }

  private async matchOptions(): Promise<MatchOptions> {
    return { defaultCountry: (await this.settings.current()).defaultCountry as CountryCode };
  }
}

/** The typed fields of a similar lookup; a person's first and last names also make their full name. */
function typedValues(query: SimilarRecordsQuery): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of QUERY_FIELDS) {
    const value = query[field]?.trim();
    if (value) values[field] = value;
  }
  if (!values.name && query.entity !== 'partners' && values.lastName) values.name = [values.firstName, values.lastName].filter(Boolean).join(' ');
  return values;
}

/** The compared columns of the table (or of the rows named), as the matcher takes them. */
async function readColumns(manager: EntityManager, rules: DuplicateEntityRules, fields: string[], ids?: string[]): Promise<MatchRecord[]> {
  const columns = fields.map((field, index) => `${rules.source.columns[field]} AS c${index}`).join(', ');
  const where = ids ? 'WHERE id = ANY($1::uuid[])' : '';
  const rows: Record<string, string | null>[] = await manager.query(`SELECT id, ${columns} FROM ${rules.source.table} ${where}`, ids ? [ids] : []);
  return rows.map((row) => ({ id: row.id!, values: Object.fromEntries(fields.map((field, index) => [field, row[`c${index}`]])) }));
}

/** The ids the match indexes give for the typed values: each probe one index scan, at most PROBE_LIMIT rows. */
async function probeCandidates(
  manager: EntityManager,
  rules: DuplicateEntityRules,
  probes: DuplicateEntityRules['probes'],
  values: Record<string, string>,
  excludeId: string | undefined,
): Promise<string[]> {
  const parameters: unknown[] = [excludeId ?? null];
  const selects = probes.map((probe) => {
    parameters.push(values[probe.field]);
    const typed = `${probe.key}($${parameters.length})`;
    const condition = probe.match === 'trigram' ? `(${probe.indexed} % ${typed} OR ${typed} <% ${probe.indexed})` : `${probe.indexed} = ${typed}`;
    const order = probe.match === 'trigram' ? `ORDER BY similarity(${probe.indexed}, ${typed}) DESC` : '';
    const indexed = probe.notNull ? `${probe.notNull} IS NOT NULL AND ` : '';
    return `(SELECT id FROM ${rules.source.table} WHERE ${indexed}${condition} AND id IS DISTINCT FROM $1 ${order} LIMIT ${PROBE_LIMIT})`;
  });
  const rows: { id: string }[] = await manager.query(selects.join(' UNION '), parameters);
  return rows.map((row) => row.id);
}
