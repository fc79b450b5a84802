import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Layers (DESIGN §4, docs/architecture.md): core ← model ← store ← service ← routes; web sees only core and schemas.
// ESLint keeps only the last options given to a rule for a file, so each kind of file below gets the whole list of
// import patterns that applies to it, built from these pieces.
const pure = [
  {
    group: ['**/platform/**', 'kysely', 'better-sqlite3', 'pg', 'fastify', 'node:fs', 'node:fs/*'],
    message: 'model.ts and core hold pure rules: no I/O, no platform.',
  },
  {
    group: ['./store*', './routes*', './service*', './documents*'],
    message: 'model.ts is imported by store and routes, never the reverse.',
  },
];
const viaIndex = {
  regex: '^\\.\\./[^./]+/(?!index\\.js$|schemas\\.js$)',
  message: 'A module uses another only through its index.ts (or its schemas.ts).',
};
const noCli = { group: ['**/cli/**'], message: 'Only the composition root (cli/) wires the modules.' };
const noTesting = { group: ['**/testing.js'], message: 'Test helpers stay out of the build: only tests import them.' };
const platformOnly = {
  group: ['**/modules/**', '**/cli/**'],
  message: 'platform is plumbing: it never imports a module (the composition root in cli/ wires them).',
};
const storeBelow = { group: ['./routes*', './service*'], message: 'store.ts holds SQL only; services call it, not the reverse.' };
const routesNoStore = {
  group: ['**/store', '**/store.js', '**/store-*'],
  message: 'Routes are glue: they call services, never the store (DESIGN §4).',
};
const routesNoKysely = { name: 'kysely', allowTypeImports: true, message: 'Routes hold no SQL: it lives in store*.ts.' };
const serviceNoSql = { name: 'kysely', importNames: ['sql'], message: 'SQL lives in store*.ts; a service asks the store.' };

const sqlCall = (what) => ({
  selector: 'CallExpression > MemberExpression.callee > Identifier.property[name=/^(selectFrom|insertInto|updateTable|deleteFrom)$/]',
  message: `${what} hold no SQL: it lives in the module's store*.ts.`,
});
const trxCall = {
  selector: "CallExpression > MemberExpression.callee > Identifier.property[name='transaction']",
  message: 'Routes run no transaction: one command = one service function = one transaction (DESIGN §4).',
};
const imports = (patterns, paths = []) => ({
  'no-restricted-imports': 'off',
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...patterns, noTesting], paths }],
});
// Tests and their helpers (testing.ts, left out of the build by tsconfig.build.json).
const tests = ['src/**/*.test.ts', 'src/**/testing.ts'];
// Files of a module that are neither a service nor may be restricted like one.
const notService = ['store*.ts', 'model.ts', 'model-*.ts', 'actions.ts', 'schemas.ts', 'tables.ts', 'documents.ts', 'demo.ts', 'routes.ts', 'index.ts'];

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'gm2i-data/**', '.tmp/**', 'test-results/**', 'playwright-report/**', 'bin/**', 'livraison/sortie/**', '.runtime/**'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  { files: ['src/**/*.ts'], ignores: tests, rules: imports([]) },
  {
    files: ['src/core/**/*.ts'],
    ignores: tests,
    rules: imports([...pure, { group: ['**/modules/**'], message: 'core imports nothing of the modules.' }]),
  },
  { files: ['src/platform/**/*.ts'], ignores: tests, rules: imports([platformOnly]) },
  {
    // The one exception: the database type is composed of the modules' table types (type-only, erased at build).
    files: ['src/platform/db/schema.ts'],
    rules: imports([
      { group: ['**/modules/**', '!**/modules/*/tables.js', '**/cli/**'], message: platformOnly.message },
      {
        group: ['**/modules/*/tables.js'],
        allowTypeImports: true,
        message: 'schema.ts composes the DB type from modules/*/tables.ts with `import type` only.',
      },
    ]),
  },
  { files: ['src/modules/**/*.ts'], ignores: tests, rules: imports([viaIndex, noCli]) },
  {
    files: ['src/modules/*/model.ts', 'src/modules/*/model-*.ts', 'src/modules/*/actions.ts'],
    ignores: ['**/*.test.ts'],
    rules: imports([viaIndex, noCli, ...pure]),
  },
  { files: ['src/modules/*/store*.ts'], ignores: tests, rules: imports([viaIndex, noCli, storeBelow]) },
  {
    files: ['src/modules/*/routes.ts'],
    rules: {
      ...imports([viaIndex, noCli, routesNoStore], [routesNoKysely]),
      'no-restricted-syntax': ['error', trxCall, sqlCall('Routes')],
    },
  },
  {
    files: ['src/platform/*/routes.ts'],
    rules: {
      ...imports([platformOnly, routesNoStore], [routesNoKysely]),
      'no-restricted-syntax': ['error', trxCall, sqlCall('Routes')],
    },
  },
  {
    files: ['src/modules/*/*.ts'],
    ignores: [...tests, ...notService.map((f) => `src/modules/*/${f}`)],
    rules: { ...imports([viaIndex, noCli], [serviceNoSql]), 'no-restricted-syntax': ['error', sqlCall('Services')] },
  },
  {
    files: ['src/platform/*/service.ts'],
    rules: { ...imports([platformOnly], [serviceNoSql]), 'no-restricted-syntax': ['error', sqlCall('Services')] },
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
  {
    // Node scripts: start, test, bundle, the delivery tests and the upgrade tool shipped in the bundles.
    files: ['scripts/**/*.mjs', 'livraison/**/*.mjs', 'tests/livraison/**/*.mjs'],
    languageOptions: {
      globals: Object.fromEntries(['process', 'console', 'fetch', 'setTimeout', 'clearTimeout', 'URL', 'Buffer'].map((g) => [g, 'readonly'])),
    },
  },
);
