import fc from 'fast-check';
import { Exchange, exchange, FuzzSession, signaturesOf } from './exchange';
import type { Actor } from './fuzz-fixtures';
import { anyRequest, FuzzRequest } from './fuzz-requests';
import { normalizeMessage, Rule } from './invariants';
import { isRecord } from './openapi-operations';

export interface FuzzOptions {
  seed: number;
  /** Requests per actor. */
  runsPerActor: number;
  /** Time fast-check may spend shrinking one distinct failure (0: do not shrink). */
  shrinkMs: number;
  /** Distinct failures to shrink, at most. */
  maxShrinks: number;
  progress?(line: string): void;
}

export interface Failure {
  signature: string;
  rule: Rule;
  /** The smallest request of the run that showed it, and how to replay that run. */
  example: Exchange;
  actor: Actor['role'];
  seed: number;
  path: string;
  occurrences: number;
  operations: Set<string>;
  /** The request fast-check shrank it to, when shrinking reproduced it, and in how many steps. */
  shrunk?: Exchange;
  shrinks?: number;
}

export interface FuzzResult {
  seed: number;
  requests: number;
  /** operationId → status class (`2xx`, `4xx`…) → requests. */
  statusClasses: Map<string, Map<string, number>>;
  /** operationId → why it was refused (status, code, first field error) → requests: tells why an operation never got through. */
  refusals: Map<string, Map<string, number>>;
  failures: Failure[];
  refillsFailed: number;
  /** Time spent sending the requests, and then shrinking the failures. */
  ms: number;
  shrinkMs: number;
}

/** The seed of each actor's phase: the admin's is the run's seed, the salesperson's the next one. */
function phaseSeed(seed: number, actorIndex: number): number {
  return (seed + actorIndex) | 0;
}

function classOf(status: number): string {
  return status ? `${Math.floor(status / 100)}xx` : 'no answer';
}

/** `400 VALIDATION_FAILED email: email must be …`, from a problem document. */
function refusalOf(ex: Exchange): string {
  let problem: unknown;
  try {
    problem = JSON.parse(ex.body);
  } catch {
    return String(ex.status);
  }
  if (!isRecord(problem)) return String(ex.status);
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const first: unknown = Array.isArray(problem.errors) ? problem.errors[0] : undefined;
  const reason = isRecord(first) ? `${text(first.field)}: ${text(first.message)}` : text(problem.detail);
  return `${ex.status} ${normalizeMessage(`${text(problem.code)} ${reason}`)}`;
}

function count(map: Map<string, Map<string, number>>, key: string, value: string): void {
  const counts = map.get(key) ?? new Map<string, number>();
  counts.set(value, (counts.get(value) ?? 0) + 1);
  map.set(key, counts);
}

/**
 * The fuzz run: `runsPerActor` requests as the admin, then as many as the
 * salesperson, drawn by fast-check from every operation of the contract.
 * Every failure is collected (one bad route must not hide the others); the
 * distinct ones are then replayed by seed and path and shrunk by fast-check.
 */
export async function runFuzz(session: FuzzSession, actors: readonly Actor[], options: FuzzOptions): Promise<FuzzResult> {
  const started = Date.now();
  const statusClasses = new Map<string, Map<string, number>>();
  const refusals = new Map<string, Map<string, number>>();
  const failures = new Map<string, Failure>();
  const arbitrary = anyRequest(session.operations, session.world.pool);
  let requests = 0;
  let refillsFailed = 0;

  for (const [index, actor] of actors.entries()) {
    const seed = phaseSeed(options.seed, index);
    let run = 0;
    const property = fc.asyncProperty(arbitrary, async (req) => {
      const path = String(run++);
      const ex = await exchange(session, actor, req);
      requests++;
      if (!ex.refilled) refillsFailed++;
      count(statusClasses, ex.operationId, classOf(ex.status));
      if (ex.status >= 400 && ex.status < 500) count(refusals, ex.operationId, refusalOf(ex));
      for (const { signature, rule } of signaturesOf(ex)) {
        const known = failures.get(signature);
        if (!known)
          failures.set(signature, { signature, rule, example: ex, actor: actor.role, seed, path, occurrences: 1, operations: new Set([ex.operationId]) });
        else {
          known.occurrences++;
          known.operations.add(ex.operationId);
          // keep the shortest request: the easiest to read and to replay
          if (ex.request.target.length + ex.request.body.length < known.example.request.target.length + known.example.request.body.length) {
            Object.assign(known, { example: ex, actor: actor.role, seed, path });
          }
        }
      }
      if (requests % 500 === 0) options.progress?.(`${requests} requests, ${failures.size} distinct failures, ${Math.round((Date.now() - started) / 1000)} s`);
      return true;
    });
    const details = await fc.check(property, { seed, numRuns: options.runsPerActor });
    // the property itself never fails: a failure here is the fuzzer's own error (or a request it could not even send)
    if (details.failed) throw new Error(fc.defaultReportMessage(details));
  }

  const ms = Date.now() - started;
  const distinct = [...failures.values()];
  for (const failure of distinct.slice(0, options.shrinkMs > 0 ? options.maxShrinks : 0)) {
    const actor = actors.find((candidate) => candidate.role === failure.actor);
    if (actor) await shrink(session, arbitrary, actor, failure, options.shrinkMs);
  }
  return { seed: options.seed, requests, statusClasses, refusals, failures: distinct, refillsFailed, ms, shrinkMs: Date.now() - started - ms };
}

/** Replays the failure's run by seed and path and lets fast-check shrink it while the same failure recurs (bounded in time). */
async function shrink(session: FuzzSession, arbitrary: fc.Arbitrary<FuzzRequest>, actor: Actor, failure: Failure, timeLimitMs: number): Promise<void> {
  let smallest: Exchange | undefined;
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (req) => {
      const ex = await exchange(session, actor, req);
      if (!signaturesOf(ex).some(({ signature }) => signature === failure.signature)) return true;
      smallest = ex;
      return false;
    }),
    { seed: failure.seed, path: failure.path, numRuns: 1, plugins: [fc.interruptAfterTimeLimit(timeLimitMs)] },
  );
  if (!details.failed || !smallest) return;
  failure.shrunk = smallest;
  failure.shrinks = details.numShrinks;
}
