import { defineConfig } from 'vitest/config';

/**
 * Browser end-to-end tests: the production build in Debian's chromium (playwright-core), launched
 * for real through the sandbox EHR. One worker: the tests share one browser-heavy machine.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/globalSetup.ts'],
    reporters: ['default', './tests/support/summaryReporter.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
