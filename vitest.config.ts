import { defineConfig } from 'vitest/config';

// On PostgreSQL each test migrates a fresh schema: on a 2-core PC whose other core is busy, a few of the longest
// tests (nomenclature import and conversion) come close to 30 s, so that engine gets twice the time.
const limite = process.env.GM2I_TEST_ENGINE === 'postgres' ? 60_000 : 30_000;

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/fault/**/*.test.ts'],
    testTimeout: limite,
    hookTimeout: limite,
    pool: 'forks',
  },
});
