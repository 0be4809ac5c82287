#!/usr/bin/env node
// `pnpm bench` lists the benchmarks (bench/*.bench.mjs) with what each one
// does; `pnpm bench NAME [args...]` runs bench/NAME.bench.mjs with the same
// environment and exits with its exit code.

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const names = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .map((f) => f.slice(0, -'.bench.mjs'.length))
  .sort();
const [wanted, ...args] = process.argv.slice(2);

if (!wanted) {
  console.log('Benchmarks (run one with `pnpm bench NAME`; see bench/README.md):\n');
  for (const name of names) {
    console.log(
      `  ${name}\n${describe(name)
        .map((l) => `      ${l}`)
        .join('\n')}\n`,
    );
  }
  process.exit(0);
}

const name = wanted.replace(/\.bench\.mjs$/, '');
if (!names.includes(name)) {
  console.error(`no benchmark "${wanted}"; there are: ${names.join(', ') || 'none'}`);
  process.exit(2);
}
const child = spawn(process.execPath, [join(here, `${name}.bench.mjs`), ...args], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

/** The leading comment block of a benchmark, up to its first blank comment line. */
function describe(benchName) {
  const lines = readFileSync(join(here, `${benchName}.bench.mjs`), 'utf8').split('\n');
  const out = [];
  for (const line of lines) {
    if (line.startsWith('#!')) continue;
    if (!line.startsWith('//')) break;
    const text = line.replace(/^\/\/ ?/, '');
    if (!text.trim()) break;
    out.push(text);
  }
  return out.length ? out : ['(no description)'];
}
