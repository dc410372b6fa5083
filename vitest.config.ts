import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for a page or a server to get there (browser tests): on a busy 2-core
    // machine a page that renders in 1 s when quiet can take several. Patience, not a timing.
    expect: { poll: { timeout: 30_000, interval: 100 } },
    // Storage suites share one PostgreSQL server; each uses its own schema, but keep files
    // from starving the 2-core machine.
    maxWorkers: 2,
  },
});
