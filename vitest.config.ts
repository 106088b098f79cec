import { defineConfig } from 'vitest/config';

// One project per kind of test; `npm test` runs them all. Each project starts only what it needs:
// integration starts DynamoDB Local, e2e starts the whole platform and drives Debian's Chromium.
export default defineConfig({
  test: {
    // Both cores: the e2e files and the other projects' files run side by side.
    maxWorkers: 2,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/dynamodb-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: { name: 'infra', include: ['tests/infra/**/*.test.ts'], testTimeout: 180_000 },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/platform-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two browsers at a time against the one platform (the machines have two cores).
          fileParallelism: true,
        },
      },
    ],
  },
});
