import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Some run the validator on whole fixture trees (child processes, the compiler):
          // seconds on a quiet machine, more on a busy shared one. No test asserts a time.
          testTimeout: 30_000,
        },
      },
      {
        // The GitHub login relay (services/cms-auth): its own servers and Chromium, no site build.
        test: {
          name: 'relay',
          include: ['tests/relay/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/setup/build-site.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: CI has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
