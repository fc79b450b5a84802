import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Import boundaries (DESIGN §4): core ← model ← store ← routes; web sees only core and schemas.
const noPlatformOrIo = [
  {
    group: ['**/platform/**', 'kysely', 'better-sqlite3', 'pg', 'fastify', 'node:fs', 'node:fs/*'],
    message: 'model.ts and core hold pure rules: no I/O, no platform.',
  },
  {
    group: ['./store*', './routes*', './service*', './documents*'],
    message: 'model.ts is imported by store and routes, never the reverse.',
  },
];

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'gm2i-data/**', '.tmp/**', 'test-results/**', 'playwright-report/**', 'bin/**', 'scripts/**'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...noPlatformOrIo, { group: ['**/modules/**'], message: 'core imports nothing of the modules.' }] },
      ],
    },
  },
  { files: ['src/modules/*/model.ts'], rules: { 'no-restricted-imports': ['error', { patterns: noPlatformOrIo }] } },
  {
    files: ['src/modules/*/store.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['./routes*', './service*'], message: 'store.ts holds SQL only; routes call it, not the reverse.' }] },
      ],
    },
  },
  {
    files: ['src/platform/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/**', '**/cli/**'],
              message: 'platform is plumbing: it never imports a module (the composition root in cli/ wires them).',
            },
          ],
        },
      ],
    },
  },
  {
    // The one exception: the database type is composed of the modules' table types (type-only, erased at build).
    files: ['src/platform/db/schema.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/**', '!**/modules/*/tables.js', '**/cli/**'],
              message: 'platform is plumbing: it never imports a module (the composition root in cli/ wires them).',
            },
            {
              group: ['**/modules/*/tables.js'],
              allowTypeImports: true,
              message: 'schema.ts composes the DB type from modules/*/tables.ts with `import type` only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/modules/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[^./]+/(?!index\\.js$|schemas\\.js$)',
              message: 'A module uses another only through its index.ts (or its schemas.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)src/(?!core/|modules/[^/]+/schemas|platform/[^/]+/schemas)',
              message: 'The web imports only core and schemas.ts from the server.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
);
