import type { DataSource } from 'typeorm';
import { changedTables, Snapshot } from './db-snapshot';
import type { Actor, FuzzWorld } from './fuzz-fixtures';
import type { FuzzRequest } from './fuzz-requests';
import type { HttpClient } from './http-client';
import { IdRef } from './id-pool';
import { causeOf, normalizeMessage, responseViolations, Rule, Violation } from './invariants';
import type { FuzzOperation } from './openapi-operations';
import { keepPoolAlive } from './pool-upkeep';
import { PrintedRequest, toWire } from './request-wire';
import type { ServerLog, ServerLogEntry } from './server-log';

/** What one request needs: the app to send it to, its database, the pool of records, the server's log. */
export interface FuzzSession {
  http: HttpClient;
  dataSource: DataSource;
  world: FuzzWorld;
  serverLog: ServerLog;
  operations: readonly FuzzOperation[];
  snapshot(): Promise<Snapshot>;
}

/** One request and what came of it. */
export interface Exchange {
  operationId: string;
  request: PrintedRequest;
  status: number;
  contentType: string;
  body: string;
  ms: number;
  violations: Violation[];
  serverLog: ServerLogEntry[];
  /** False when a record the request deleted could not be replaced in the pool. */
  refilled: boolean;
}

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const IMPORT_JOB_WAIT_MS = 30_000;

/** A background import (`?mode=async`) keeps writing after its 202: wait for it, so the next snapshot is the next request's alone. */
export async function waitForImports(dataSource: DataSource): Promise<void> {
  const deadline = Date.now() + IMPORT_JOB_WAIT_MS;
  while (Date.now() < deadline) {
    const [{ n }]: { n: number }[] = await dataSource.query(`SELECT count(*)::int AS n FROM import_jobs WHERE status = 'running'`);
    if (!n) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The stored version of the record a PATCH addresses (`/leads/{id}` → the
 * `leads` row; an occurrence → its series; `/settings/crm` → the one row), so
 * that most updates carry the right one and get past the optimistic lock.
 */
async function storedVersion(session: FuzzSession, op: FuzzOperation, req: FuzzRequest): Promise<number> {
  const ref = req.path.id ?? req.path.seriesId;
  const id = ref instanceof IdRef ? session.world.pool.resolve(ref) : typeof ref === 'string' ? ref : undefined;
  const table =
    req.path.seriesId !== undefined ? 'events' : op.path.includes('{id}') ? op.path.split('/{id}')[0].split('/').pop()?.replace(/-/g, '_') : 'crm_settings';
  if (!table || !/^[a-z_]+$/.test(table)) return 1;
  try {
    const rows: { version: number }[] =
      id === undefined
        ? await session.dataSource.query(`SELECT version FROM "${table}" LIMIT 1`)
        : await session.dataSource.query(`SELECT version FROM "${table}" WHERE id::text = $1`, [id]);
    return rows[0]?.version ?? 1;
  } catch {
    return 1;
  }
}

/** Sends one request and checks every invariant on its answer and, for a refused write, on the database. */
export async function exchange(session: FuzzSession, actor: Actor, req: FuzzRequest): Promise<Exchange> {
  const op = session.operations.find((candidate) => candidate.id === req.operationId);
  if (!op) throw new Error(`unknown operation ${req.operationId}`);
  const version = op.method === 'PATCH' ? await storedVersion(session, op, req) : 1;
  const { wire, printed } = toWire(req, op, actor, session.world.pool, version);
  const isWrite = WRITES.has(op.method);
  const before = isWrite ? await session.snapshot() : undefined;
  session.serverLog.take();
  let status = 0;
  let contentType = '';
  let body = '';
  let ms = 0;
  let violations: Violation[];
  try {
    const response = await session.http.send(wire);
    ({ status, contentType, ms } = response);
    body = response.body.toString('utf8');
    violations = responseViolations(status, contentType, body);
  } catch (error) {
    violations = [{ rule: 'no-answer', detail: error instanceof Error ? error.message : String(error) }];
  }
  const serverLog = session.serverLog.take();
  if (status === 202 && op.path.endsWith('/import')) await waitForImports(session.dataSource);
  if (before && status >= 400 && status < 500) {
    const changed = changedTables(before, await session.snapshot());
    if (changed.length) violations.push({ rule: 'refused-write-changed-data', detail: changed.join(', ') });
  }
  const refilled = await keepPoolAlive(session.world, session.dataSource, op, req, status, body);
  return { operationId: op.id, request: printed, status, contentType, body, ms, violations, serverLog, refilled };
}

/** How one failure is told apart from another: a 500 by its logged cause (whatever the route), the rest by route, status and detail. */
export function signaturesOf(ex: Exchange): { signature: string; rule: Rule }[] {
  return ex.violations.map((violation) => {
    if (violation.rule === 'server-error') {
      const logged = ex.serverLog.find((entry) => entry.context === 'Errors') ?? ex.serverLog.find((entry) => entry.level !== 'warn');
      if (logged) {
        const cause = causeOf(logged.message);
        // an overflowing stack ends wherever the recursion happened to be: its frame says nothing about the cause
        const frame = /Maximum call stack/.test(cause.message) ? 'a recursion' : cause.frame;
        return { rule: violation.rule, signature: `500: ${normalizeMessage(cause.message)} @ ${frame}` };
      }
    }
    const detail = violation.rule === 'refused-write-changed-data' ? violation.detail.replace(/ \(rows [^)]*\)/g, '') : violation.detail;
    return { rule: violation.rule, signature: `${violation.rule}: ${ex.operationId} ${ex.status} ${normalizeMessage(detail)}` };
  });
}
