import { defineConfig } from 'vitest/config';

// Tests import workspace packages through their `source` export condition, so no build is
// needed for unit tests; end-to-end tests spawn the built server (npm test builds first).
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'nodes/*/src/**/*.test.ts',
      'apps/server/src/**/*.test.ts',
      'tests/**/*.test.ts',
      'apps/web/src/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
