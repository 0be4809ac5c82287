import type { Exchange } from './exchange';
import type { Failure, FuzzResult } from './fuzz-runner';
import { truncate } from './wire-encoding';

const CLASSES = ['2xx', '3xx', '4xx', '5xx', 'no answer'];

/** Requests per operation and status class; the operations that seldom got through, with what stopped them. */
export function formatSummary(result: FuzzResult): string {
  const totals = new Map<string, number>();
  const rows: string[] = [];
  for (const [operationId, classes] of [...result.statusClasses.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [name, n] of classes) totals.set(name, (totals.get(name) ?? 0) + n);
    rows.push(`  ${operationId.padEnd(34)} ${CLASSES.map((name) => `${name} ${String(classes.get(name) ?? 0).padStart(4)}`).join('  ')}`);
  }
  // operations that seldom get through show what stops them: the fuzzer's values, or a state its records ended in
  const total = (classes: Map<string, number>) => [...classes.values()].reduce((sum, n) => sum + n, 0);
  const seldomOk = [...result.statusClasses.entries()].filter(([, classes]) => (classes.get('2xx') ?? 0) < total(classes) / 10).map(([id]) => id);
  const mainRefusal = (id: string) => [...(result.refusals.get(id) ?? new Map<string, number>()).entries()].sort(([, a], [, b]) => b - a)[0]?.[0] ?? '?';
  return [
    `fuzz: ${result.requests} requests in ${(result.ms / 1000).toFixed(1)} s (then ${(result.shrinkMs / 1000).toFixed(1)} s shrinking), seed ${result.seed} (replay: FUZZ_SEED=${result.seed})`,
    `  ${CLASSES.map((name) => `${name}: ${totals.get(name) ?? 0}`).join(', ')}; ${result.failures.length} distinct failures; ${result.refillsFailed} deleted records not replaced`,
    ...rows,
    ...(seldomOk.length
      ? ['  seldom (< 10%) answered 2xx, with their most frequent refusal:', ...seldomOk.map((id) => `    ${id}: ${truncate(mainRefusal(id), 160)}`)]
      : []),
  ].join('\n');
}

function formatExchange(ex: Exchange, indent: string): string {
  // the error line and the app's own stack frames (libraries' only when there are none), without the code frames Jest's source maps add
  const logged = ex.serverLog.map((entry) => {
    const [first, ...rest] = entry.message.split('\n');
    const all = rest.filter((line) => /^\s*at /.test(line));
    const own = all.filter((line) => !line.includes('node_modules'));
    const frames = (own.length ? own : all).slice(0, 6);
    return [`${entry.level} [${entry.context}] ${first}`, ...frames.map((line) => `  ${line.trim()}`)].join(`\n${indent}  `);
  });
  return [
    `${indent}request: ${ex.request.method} ${truncate(ex.request.target, 400)} as ${ex.request.as}`,
    ...(ex.request.body ? [`${indent}body: ${ex.request.body}`] : []),
    `${indent}answer: ${ex.status || '(none)'} ${ex.contentType} ${truncate(ex.body, 600)}`,
    ...(logged.length ? [`${indent}server log:`, ...logged.map((line) => `${indent}  ${line}`)] : []),
  ].join('\n');
}

/** Every distinct failure, with the request that shows it (shrunk when fast-check could) and how to replay it; one cause's variants side by side. */
export function formatFailures(result: FuzzResult): string {
  return [...result.failures]
    .sort((a, b) => a.signature.localeCompare(b.signature))
    .map((failure: Failure, i) =>
      [
        `#${i + 1} ${failure.signature}`,
        `  seen ${failure.occurrences} times, in ${[...failure.operations].join(', ')}`,
        `  replay: FUZZ_SEED=${result.seed} (request ${failure.path} of the ${failure.actor} phase: fast-check seed ${failure.seed}, path ${failure.path})`,
        formatExchange(failure.example, '  '),
        ...(failure.shrunk ? [`  shrunk by fast-check (${failure.shrinks} steps) to:`, formatExchange(failure.shrunk, '    ')] : []),
      ].join('\n'),
    )
    .join('\n\n');
}
