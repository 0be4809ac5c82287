#!/usr/bin/env node
// `pnpm fuzz`: the API's fuzz suite (issue #13) at full length: 20,000
// requests drawn from apps/api/openapi.json with a random seed, half as an
// admin, half as a salesperson. It is the spec `pnpm test` runs as a short
// slice with a fixed seed (apps/api/test/fuzz.api-spec.ts), with other
// numbers; it prints the seed first, then a summary and every failure.
//
//   FUZZ_RUNS=50000 pnpm fuzz        more requests
//   FUZZ_SEED=1234 pnpm fuzz         replay a run (the seed it printed)
//   FUZZ_SHRINK_MS=0 pnpm fuzz       report failures without shrinking them
//
// Like `pnpm test`, it runs on the PostgreSQL server at TEST_DATABASE_URL
// (default postgres://root@127.0.0.1:5432/postgres), or on PGlite when none answers.
import { spawnSync } from 'node:child_process';
import { serverAnswers, TEST_SERVER_URL } from './test-server.mjs';

const root = new URL('..', import.meta.url).pathname;

const onServer = await serverAnswers();
if (!onServer) console.log(`No PostgreSQL answers at ${TEST_SERVER_URL}: fuzzing on the embedded PGlite (slower).`);
const env = {
  ...process.env,
  FUZZ_RUNS: process.env.FUZZ_RUNS ?? '20000',
  FUZZ_SEED: process.env.FUZZ_SEED ?? 'random',
  ...(onServer ? {} : { CRM_TEST_DB: 'pglite', NODE_OPTIONS: '--experimental-vm-modules' }),
};
const result = spawnSync('pnpm', ['--filter', '@crm/api', 'exec', 'jest', 'test/fuzz.api-spec.ts'], { stdio: 'inherit', cwd: root, env });
process.exit(result.status ?? 1);
