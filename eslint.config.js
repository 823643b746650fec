// Lint rules that keep Tinsel's seams honest: the core never imports an
// adapter, and files stay small enough to hold in mind.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const adapters = ['@tinsel/store-duckdb', '@tinsel/store-clickhouse', '@tinsel/server', '@duckdb/node-api', '@clickhouse/client'];
const corePackages = ['model', 'store', 'ingest', 'query'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.bench/**', '**/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', performance: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', AbortController: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['error', { max: 350, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['warn', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.test.ts', '**/conformance/**/*.ts'],
    rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' },
  },
  {
    files: corePackages.map((p) => `packages/${p}/src/**/*.ts`),
    rules: {
      'no-restricted-imports': ['error', {
        paths: adapters.map((name) => ({ name, message: 'Core packages never import an adapter; the server wires backends in.' })),
        patterns: [{ group: ['**/store-duckdb/**', '**/store-clickhouse/**', '**/server/**'], message: 'Core packages never import an adapter.' }],
      }],
    },
  },
  {
    files: ['packages/model/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@tinsel/*', '!@tinsel/model'], message: 'model depends on nothing.' }] }],
    },
  },
);
