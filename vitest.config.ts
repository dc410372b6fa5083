import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Storage suites share one PostgreSQL server; each uses its own schema, but keep files
    // from starving the 2-core machine.
    maxWorkers: 2,
  },
});
