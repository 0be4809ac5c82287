#!/usr/bin/env node
// The whole test suite, one command (`pnpm test`). Runs every suite in turn,
// reads each runner's machine-readable result, and ends with one line
// `N passed, M failed` over all of them; exits non-zero on any failure.
//
//   API tests run on the PostgreSQL server at TEST_DATABASE_URL (default
//   postgres://root@127.0.0.1:5432/postgres), or on the embedded PGlite when
//   no server answers there. The fault tests need that server (they are
//   skipped, and say so, without one). Browser tests need Chromium at
//   CHROMIUM_PATH (default /usr/bin/chromium).
//
//   The static checks come first (fast): types (tests included), lint and
//   formatting, each counted as one check.
//
// Options: --only=static,domain,api,web,smoke,fault,e2e to run some suites.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverAnswers, TEST_SERVER_URL } from './test-server.mjs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice(7)
  .split(',');
const results = [];

function run(command, args, options = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options, env: { ...process.env, ...options.env } });
}

/** jest and vitest both write jest-style JSON results. */
function jsonRunner(name, command, args, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'crm-test-'));
  const output = join(dir, 'result.json');
  const status = run(command, [...args(output)], options).status;
  let passed = 0;
  let failed = status === 0 ? 0 : 1;
  if (existsSync(output)) {
    const result = JSON.parse(readFileSync(output, 'utf8'));
    passed = result.numPassedTests;
    // a suite that failed to load counts as one failure even with no test counted
    failed = result.numFailedTests + (status !== 0 && result.numFailedTests === 0 ? 1 : 0);
  }
  rmSync(dir, { recursive: true, force: true });
  results.push({ name, passed, failed });
}

/** node --test with the spec reporter prints `ℹ pass N` / `ℹ fail N`; read them. */
function nodeTestRunner(name, files, options = {}) {
  const result = spawnSync('node', ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  const count = (label) => Number(result.stdout.match(new RegExp(`ℹ ${label} (\\d+)`))?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + (result.status !== 0 && count('fail') === 0 ? 1 : 0);
  results.push({ name, passed, failed });
}

/** One command that passes or fails as a whole (`pnpm lint`): one check. */
function commandCheck(name, command, args) {
  const ok = run(command, args).status === 0;
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

const wanted = (suite) => !only || only.includes(suite);

if (wanted('static')) {
  commandCheck('static: typecheck (pnpm typecheck)', 'pnpm', ['typecheck']);
  commandCheck('static: lint (pnpm lint)', 'pnpm', ['lint']);
  commandCheck('static: formatting (pnpm format:check)', 'pnpm', ['format:check']);
}

if (wanted('domain')) {
  jsonRunner('domain (vitest)', 'pnpm', (out) => [
    '--filter',
    '@crm/domain',
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
  ]);
}

if (wanted('api')) {
  const onServer = await serverAnswers();
  if (!onServer) console.log(`\nNo PostgreSQL answers at ${TEST_SERVER_URL}: the API tests run on the embedded PGlite.`);
  const env = onServer ? {} : { CRM_TEST_DB: 'pglite', NODE_OPTIONS: '--experimental-vm-modules' };
  jsonRunner(`api (jest, ${onServer ? 'PostgreSQL' : 'PGlite'})`, 'pnpm', (out) => ['--filter', '@crm/api', 'exec', 'jest', '--json', `--outputFile=${out}`], {
    env,
  });
}

if (wanted('web')) {
  jsonRunner('web (vitest)', 'pnpm', (out) => [
    '--filter',
    '@crm/web',
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${out}`,
  ]);
}

const built = existsSync(join(root, 'apps/api/dist/main.js')) && existsSync(join(root, 'apps/web/dist/index.html'));
if ((wanted('smoke') || wanted('fault') || wanted('e2e')) && !built) {
  console.log('\nThe smoke, fault and browser tests run the built app: building it first.');
  if (run('pnpm', ['build']).status !== 0) results.push({ name: 'build', passed: 0, failed: 1 });
}

if (wanted('smoke')) nodeTestRunner('smoke (PGlite, built app)', ['apps/api/smoke/']);

if (wanted('fault')) {
  // the API process SIGKILLed mid-write and restarted; on PGlite a kill mid-write tests PGlite's files, not the CRM
  if (await serverAnswers()) {
    nodeTestRunner('fault (PostgreSQL, built app killed and restarted)', ['apps/api/fault/']);
  } else {
    console.log(`\nNo PostgreSQL answers at ${TEST_SERVER_URL}: the fault tests are skipped (they need a server; set TEST_DATABASE_URL).`);
    results.push({ name: 'fault (skipped: no PostgreSQL server)', passed: 0, failed: 0 });
  }
}

if (wanted('e2e')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium) && chromium === '/usr/bin/chromium' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log("\nInstalling Debian's Chromium for the browser tests (once).");
    run('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null']);
  }
  if (!existsSync(chromium)) {
    console.error(`\nChromium is not at ${chromium}: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH. Browser tests count as failed.`);
    results.push({ name: 'e2e (browser)', passed: 0, failed: 1 });
  } else {
    nodeTestRunner('e2e (browser)', ['e2e/tests/'], { env: { CHROMIUM_PATH: chromium } });
  }
}

console.log('\nSuites:');
for (const { name, passed, failed } of results) console.log(`  ${failed ? '✗' : '✓'} ${name}: ${passed} passed, ${failed} failed`);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
