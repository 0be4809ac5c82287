import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, validateSync, ValidationTypes, ValidatorOptions } from 'class-validator';
import { CsvError, parse, Parser } from 'csv-parse';
import type { Readable } from 'node:stream';
import { DataSource, ObjectLiteral, QueryFailedError, QueryRunner } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { FieldError, invalidInput } from '../errors/domain-error';
import { flattenValidationErrors } from '../errors/validation';
import { newId } from '../database/ids';
import { HistoryEntry } from '../history/history-entry.entity';
import { insertMany } from './bulk-insert';
import { cellsToBody, checkHeader } from './csv-cells';
import type { CsvResource } from './csv-resource';

/** Rows per multi-row INSERT, and per bulk reference check. */
export const IMPORT_BATCH_SIZE = 1000;
/** Batches validated ahead of the database: bounds the memory an import holds when PostgreSQL is the slower side. */
const MAX_QUEUED_INSERTS = 3;
/** The report lists at most this many refused rows; `refusedCount` has them all. */
export const MAX_REFUSED_LISTED = 1000;
const MISSING_REFERENCE = 'refers to a record that does not exist';

/** The validation pipe's options (platform/errors/validation.ts), so a row is judged as a request body is. */
const ROW_VALIDATION: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  stopAtFirstError: true,
  validationError: { target: false, value: false },
};

export interface RefusedRow {
  /** Line of the file the row starts on; the header is line 1. */
  line: number;
  errors: FieldError[];
}

export interface ImportReport {
  accepted: number;
  /** The first {@link MAX_REFUSED_LISTED} refused rows, in file order. */
  refused: RefusedRow[];
  refusedCount: number;
  /** Data rows read (accepted + refused); blank lines are not counted. */
  total: number;
}

/** Figures of an import under way. Nothing is stored before the commit: `accepted` is the rows judged good so far. */
export interface ImportProgress {
  processedRows: number;
  accepted: number;
  refusedCount: number;
}

export interface ImportHooks {
  /** After each batch, with the figures so far; not awaited. */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Last step of the import's transaction, once every row is inserted: what
   * must be committed with the rows, or (by throwing) stop them being.
   */
  beforeCommit?: (runner: QueryRunner, report: ImportReport) => Promise<void>;
}

interface CsvRow {
  line: number;
  cells: string[];
}

interface CheckedRow {
  line: number;
  dto: Record<string, unknown>;
  errors: FieldError[];
}

/**
 * Imports CSV files into a resource: reads the header first (an unknown
 * column refuses the file before anything is written), then streams the rows,
 * validates each with the resource's create DTO, checks references in bulk
 * and inserts the accepted rows in multi-row batches, all in one transaction.
 */
@Injectable()
export class CsvImporter {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Reads and checks the header row. 400 when the file is empty, is not CSV,
   * or names a column the resource does not have; nothing is read further.
   */
  async open<Dto extends object>(resource: CsvResource<Dto>, source: Readable): Promise<PendingImport<Dto>> {
    const parser = parse({ bom: true, relax_column_count: true, max_record_size: 1_000_000 });
    source.on('error', (error) => parser.destroy(error));
    source.pipe(parser);
    const rows = readRows(parser);
    try {
      const first = await rows.next();
      if (first.done)
        throw invalidInput([{ field: 'file', message: 'the file is empty; its first line must name the columns' }], 'The file has no header row.');
      const header = first.value.cells.map((cell) => cell.trim());
      const errors = checkHeader(header, resource.columns, resource.name);
      if (errors.length) throw invalidInput(errors, 'The header row names columns that cannot be imported; nothing was imported.');
      return new PendingImport(this.dataSource, resource, header, rows, () => stop(source, parser));
    } catch (error) {
      stop(source, parser);
      throw error;
    }
  }
}

/** A file whose header was accepted; {@link run} imports its rows. */
export class PendingImport<Dto extends object> {
  /** Ids found (true) or not (false) per table, so a reference is looked up once per import. */
  private readonly knownIds = new Map<string, Map<string, boolean>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly resource: CsvResource<Dto>,
    private readonly header: string[],
    private readonly rows: AsyncGenerator<CsvRow>,
    /** Stops reading the source (after a failure, or when the import is not run). */
    readonly abandon: () => void,
  ) {}

  /**
   * Imports every row in one transaction: all accepted rows are stored, or
   * (on a database or file error) none. Inserts queue on the connection
   * while the next batches are parsed and validated, so Node and PostgreSQL
   * work side by side; a few batches of slack absorb PostgreSQL's pauses
   * (a trigram index merging its pending list) without holding Node up.
   */
  async run(actor: AuthenticatedUser, { onProgress, beforeCommit }: ImportHooks = {}): Promise<ImportReport> {
    const report: ImportReport = { accepted: 0, refused: [], refusedCount: 0, total: 0 };
    const runner = this.dataSource.createQueryRunner();
    const inserting: Promise<unknown>[] = [];
    try {
      await runner.connect();
      await runner.startTransaction();
      for await (const batch of inBatches(this.rows, IMPORT_BATCH_SIZE)) {
        const checked = await this.check(batch, runner, actor);
        const records: ObjectLiteral[] = [];
        for (const row of checked) {
          if (row.errors.length) {
            report.refusedCount++;
            if (report.refused.length < MAX_REFUSED_LISTED) report.refused.push({ line: row.line, errors: row.errors });
          } else {
            records.push(this.resource.toRecord(row.dto as Dto, actor));
          }
        }
        report.accepted += records.length;
        report.total += batch.length;
        const insert = this.insert(runner, records, actor);
        // awaited below; until then a failure must not count as unhandled
        insert.catch(() => undefined);
        inserting.push(insert);
        if (inserting.length > MAX_QUEUED_INSERTS) await inserting.shift();
        onProgress?.({ processedRows: report.total, accepted: report.accepted, refusedCount: report.refusedCount });
      }
      await Promise.all(inserting);
      await beforeCommit?.(runner, report);
      await runner.commitTransaction();
      return report;
    } catch (error) {
      // After a failed statement, those queued behind it (inserts of the next batches, or of this batch's timeline)
      // only say that the transaction is aborted: report the cause, wherever it surfaced.
      const failures = (await Promise.allSettled(inserting)).flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw [...failures, error].find((failure) => !isAbortedTransaction(failure)) ?? error;
    } finally {
      this.abandon();
      await runner.release();
    }
  }

  private async check(batch: CsvRow[], runner: QueryRunner, actor: AuthenticatedUser): Promise<CheckedRow[]> {
    const checked: CheckedRow[] = [];
    // the same rules either way; without asynchronous ones, validateSync spares a promise per row and rule
    const sync = !mayValidateAsync(this.resource.createDto);
    for (const { line, cells } of batch) {
      const { body, errors } = cellsToBody(this.header, cells, this.resource.columns);
      if (errors.length) {
        checked.push({ line, dto: {}, errors });
        continue;
      }
      const dto = plainToInstance(this.resource.createDto, body) as Record<string, unknown>;
      const failures = sync ? validateSync(dto, ROW_VALIDATION) : await validate(dto, ROW_VALIDATION);
      checked.push({ line, dto, errors: flattenValidationErrors(failures) });
    }
    await this.checkReferences(checked, runner);
    await this.applyRules(checked, runner, actor);
    return checked;
  }

  /** The resource's database rules, on the rows that passed everything else, as its create applies them. */
  private async applyRules(rows: CheckedRow[], runner: QueryRunner, actor: AuthenticatedUser): Promise<void> {
    if (!this.resource.applyRules) return;
    const valid = rows.filter((row) => !row.errors.length);
    const refusals = await this.resource.applyRules(
      runner.manager,
      valid.map((row) => row.dto as Dto),
      actor,
    );
    valid.forEach((row, i) => row.errors.push(...refusals[i]));
  }

  /** Refuses rows whose reference fields name no record, with one query per table and batch at most. */
  private async checkReferences(rows: CheckedRow[], runner: QueryRunner): Promise<void> {
    for (const [field, table] of Object.entries(this.resource.references)) {
      const known = this.knownIds.get(table) ?? new Map<string, boolean>();
      this.knownIds.set(table, known);
      const idOf = (row: CheckedRow) => {
        const id = row.dto[field];
        return typeof id === 'string' && !row.errors.some((e) => e.field === field) ? id.toLowerCase() : undefined;
      };
      const unknown = new Set<string>();
      for (const row of rows) {
        const id = idOf(row);
        if (id !== undefined && !known.has(id)) unknown.add(id);
      }
      if (unknown.size) {
        const found = (await runner.query(`SELECT id FROM ${runner.connection.driver.escape(table)} WHERE id = ANY($1::uuid[])`, [[...unknown]])) as {
          id: string;
        }[];
        for (const id of unknown) known.set(id, false);
        for (const { id } of found) known.set(id, true);
      }
      for (const row of rows) {
        const id = idOf(row);
        if (id !== undefined && !known.get(id)) row.errors.push({ field, message: MISSING_REFERENCE });
      }
    }
  }

  /** The batch's records and their "created" timeline entries, on the import's transaction. */
  private async insert(runner: QueryRunner, records: ObjectLiteral[], actor: AuthenticatedUser): Promise<void> {
    await insertMany(runner, this.dataSource.getMetadata(this.resource.entity), records);
    const occurredAt = new Date();
    const entries = records.flatMap((record) => {
      const { subjects, kind, summary, data = {} } = this.resource.createdEntry(record);
      return subjects.map((subject) => ({ id: newId(), subjectType: subject.type, subjectId: subject.id, kind, summary, data, actorId: actor.id, occurredAt }));
    });
    await insertMany(runner, this.dataSource.getMetadata(HistoryEntry), entries);
  }
}

/** PostgreSQL's answer to any statement after one failed in the transaction (SQLSTATE 25P02). */
function isAbortedTransaction(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '25P02';
}

/** A class (of a DTO): what class-validator keeps rules for. */
type Class = abstract new (...args: never[]) => unknown;

const asyncValidation = new Map<Class, boolean>();

/**
 * Whether validating the class may run an asynchronous rule (one that
 * `validateSync` would skip): looks through its rules and those of the
 * classes it nests. An unknown nested type (arrays) counts as may.
 */
export function mayValidateAsync(target: Class): boolean {
  let result = asyncValidation.get(target);
  if (result === undefined) {
    result = hasAsyncRule(target, new Set());
    asyncValidation.set(target, result);
  }
  return result;
}

function hasAsyncRule(target: Class, visited: Set<Class>): boolean {
  if (visited.has(target)) return false;
  visited.add(target);
  const storage = getMetadataStorage();
  return storage.getTargetValidationMetadatas(target, '', true, false).some((rule) => {
    if (rule.constraintCls && storage.getTargetValidatorConstraints(rule.constraintCls).some((constraint) => constraint.async)) return true;
    if (rule.type !== ValidationTypes.NESTED_VALIDATION) return false;
    const nested = Reflect.getMetadata('design:type', target.prototype as object, rule.propertyName) as Class | undefined;
    return !nested || nested === Array || nested === Object || hasAsyncRule(nested, visited);
  });
}

/**
 * The records of the file with the line each starts on; blank lines and
 * wholly blank rows (`,,,`) are skipped. CSV syntax errors become 400.
 * Lines are counted here, as csv-parse's own count is off after a quoted
 * line break written as CRLF.
 */
async function* readRows(parser: Parser): AsyncGenerator<CsvRow> {
  let line = 1;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      const start = line;
      line += 1 + cells.reduce((breaks, cell) => breaks + (cell.match(LINE_BREAKS)?.length ?? 0), 0);
      if (cells.every((cell) => cell.trim() === '')) continue;
      yield { line: start, cells };
    }
  } catch (error) {
    if (error instanceof CsvError) throw invalidInput([{ field: 'file', message: error.message }], 'The file is not valid CSV; nothing was imported.');
    throw error;
  }
}

const LINE_BREAKS = /\r\n|\r|\n/g;

async function* inBatches<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

function stop(source: Readable, parser: Parser): void {
  source.unpipe(parser);
  parser.destroy();
}
