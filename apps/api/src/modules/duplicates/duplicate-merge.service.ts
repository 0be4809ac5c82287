import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../platform/auth/authenticated-user';
import type { RecordReassignment } from '../../platform/database/record-merge';
import { FieldError, invalidInput, staleVersion } from '../../platform/errors/domain-error';
import { flattenValidationErrors } from '../../platform/errors/validation';
import { HistoryData } from '../../platform/history/history-entry.entity';
import { HistoryService } from '../../platform/history/history.service';
import { ContactsService } from '../contacts';
import { EmailService } from '../email';
import { EventsService } from '../events';
import { LeadsService } from '../leads';
import { OpportunitiesService } from '../opportunities';
import { QuotationsService } from '../quotations';
import { DUPLICATE_RULES, type DuplicateEntityRules } from './duplicate-entities';
import { DuplicateRecord, DuplicateRecords, recordLabel } from './duplicate-records';
import { MergeDuplicatesDto } from './dto/duplicates.dto';
import { mergedValues } from './merged-values';

/** A module holding references to leads, partners or contacts, which a merge moves. */
interface ReferenceHolder {
  reassign(manager: EntityManager, reassignment: RecordReassignment): Promise<number>;
}

/**
 * Merges duplicates into the record kept, in one transaction under the
 * records' row locks: every reference moves to the kept record (each module
 * moving its own), the kept record takes the merged values, the merged
 * records are deleted, and the kept record's timeline says what was merged.
 * A failure anywhere merges nothing.
 */
@Injectable()
export class DuplicateMergeService {
  private readonly holders: ReferenceHolder[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: DuplicateRecords,
    private readonly history: HistoryService,
    leads: LeadsService,
    contacts: ContactsService,
    opportunities: OpportunitiesService,
    quotations: QuotationsService,
    events: EventsService,
    email: EmailService,
  ) {
    // the timeline last: the merge's own entries are written after the merged records' entries have moved
    this.holders = [contacts, leads, opportunities, quotations, events, email, history];
  }

  async merge(dto: MergeDuplicatesDto, actor: AuthenticatedUser): Promise<DuplicateRecord> {
    const rules = DUPLICATE_RULES[dto.entity];
    if (dto.mergeIds.includes(dto.keepId))
      throw invalidInput([{ field: 'mergeIds', message: 'mergeIds must not hold keepId: the kept record is not merged into itself' }]);
    const chosen = await validValues(rules, dto.values ?? {});
    const versions = validVersions(dto);
    const service = this.records.of(dto.entity);
    await this.dataSource.transaction(async (manager) => {
      const locked = await service.lockForMerge(manager, [dto.keepId, ...dto.mergeIds]);
      for (const record of locked) {
        const seen = versions[record.id];
        if (seen !== undefined && seen !== record.version) throw staleVersion(rules.type);
      }
      const kept = locked.find((record) => record.id === dto.keepId)!;
      // the merged records in the order given: the first one fills an empty field first
      const merged = dto.mergeIds.map((id) => locked.find((record) => record.id === id)!);
      const reassignment: RecordReassignment = { type: rules.type, fromIds: dto.mergeIds, toId: dto.keepId };
      for (const holder of this.holders) await holder.reassign(manager, reassignment);
      const changes = mergedValues(asValues(kept), merged.map(asValues), rules, chosen);
      await service.absorb(manager, dto.keepId, changes, dto.mergeIds);
      await this.recordMerge(manager, rules, kept, merged, actor);
    });
    return service.get(dto.keepId);
  }

  /** One entry per merged record on the kept record's timeline, with the merged record's values. */
  private async recordMerge(manager: EntityManager, rules: DuplicateEntityRules, kept: DuplicateRecord, merged: DuplicateRecord[], actor: AuthenticatedUser) {
    for (const record of merged) {
      await this.history.record(manager, {
        subjects: [{ type: rules.type, id: kept.id }],
        kind: 'merged',
        summary: `Merged ${recordLabel(rules.type, record)} into ${recordLabel(rules.type, kept)}`,
        data: timelineValues(record, rules),
        actorId: actor.id,
      });
    }
  }
}

function asValues(record: DuplicateRecord): Record<string, unknown> {
  return record as unknown as Record<string, unknown>;
}

/** The merged record as its timeline entry keeps it: its id and its values, flat. */
function timelineValues(record: DuplicateRecord, rules: DuplicateEntityRules): HistoryData {
  const data: HistoryData = { mergedId: record.id, createdAt: record.createdAt.toISOString() };
  for (const field of [...rules.mergeFields, ...rules.unitedFlags]) {
    const value = asValues(record)[field];
    if (value === null || value === undefined) continue;
    if (typeof value === 'object') {
      for (const [part, text] of Object.entries(value)) if (text !== null && text !== undefined) data[`${field}.${part}`] = String(text);
    } else data[field] = value as string | number | boolean;
  }
  return data;
}

/** `values` as an update of the entity would take them, restricted to what a merge carries over. */
async function validValues(rules: DuplicateEntityRules, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  const allowed = new Set([...rules.mergeFields, ...rules.unitedFlags]);
  const problems: FieldError[] = Object.keys(values)
    .filter((field) => !allowed.has(field))
    .map((field) => ({ field: `values.${field}`, message: `a merge does not set ${field}; it may set ${[...allowed].join(', ')}` }));
  if (problems.length) throw invalidInput(problems);
  const body = plainToInstance(rules.updateDto, values);
  const errors = await validate(body, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
  if (errors.length) throw invalidInput(flattenValidationErrors(errors, 'values'));
  return values;
}

/** `versions` as `{id: version}` over the records of the merge. */
function validVersions(dto: MergeDuplicatesDto): Record<string, number> {
  const versions = dto.versions ?? {};
  const ids = new Set([dto.keepId, ...dto.mergeIds]);
  const problems: FieldError[] = Object.entries(versions).flatMap(([id, version]) => {
    if (!ids.has(id)) return [{ field: `versions.${id}`, message: 'names no record of this merge' }];
    if (!Number.isInteger(version) || version < 1) return [{ field: `versions.${id}`, message: 'must be a positive integer' }];
    return [];
  });
  if (problems.length) throw invalidInput(problems);
  return versions;
}
