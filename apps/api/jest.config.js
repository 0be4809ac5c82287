// Two projects: pure-logic unit tests next to the code, and HTTP tests that
// boot the real app on a real PostgreSQL (one fresh database per test file).
const shared = {
  transform: { '^.+\\.(t|j)s$': ['@swc/jest'] },
  // NestJS 12 and uuid ship as ES modules only: let SWC turn them into CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/|@nestjs/|uuid/|nodemailer/|fractional-indexing/)'],
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'api',
      testMatch: ['<rootDir>/test/**/*.api-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  // a global option (ignored inside a project): HTTP tests on a loaded 2-core machine need more than 5 s for their hooks
  testTimeout: 30000,
};
