// Lint: typescript-eslint, React hooks, and the layer rules of design/architecture.md
// (each layer imports only downward; no cycles).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { readdirSync, existsSync } from 'node:fs';

const layer = (name) => `./src/${name}`;
const features = existsSync('src/features') ? readdirSync('src/features') : [];

const zones = [
  {
    target: layer('domain'),
    from: [
      'db',
      'sync',
      'search',
      'remote',
      'platform',
      'features',
      'app',
      'api',
      'components',
    ].map(layer),
  },
  {
    target: layer('lib'),
    from: [
      'domain',
      'db',
      'sync',
      'search',
      'remote',
      'platform',
      'features',
      'app',
      'api',
      'components',
    ].map(layer),
  },
  {
    target: layer('db'),
    from: ['sync', 'search', 'remote', 'platform', 'features', 'app', 'api', 'components'].map(
      layer,
    ),
  },
  {
    target: layer('remote'),
    from: ['db', 'sync', 'search', 'platform', 'features', 'app', 'api', 'components'].map(layer),
  },
  {
    target: layer('sync'),
    from: ['search', 'platform', 'features', 'app', 'api', 'components'].map(layer),
  },
  {
    target: layer('search'),
    from: ['sync', 'remote', 'platform', 'features', 'app', 'api', 'components'].map(layer),
  },
  { target: layer('platform'), from: ['features', 'app', 'api', 'components'].map(layer) },
  {
    target: layer('components'),
    from: ['db', 'sync', 'search', 'remote', 'platform', 'features', 'app', 'api'].map(layer),
  },
  {
    target: layer('api'),
    from: ['db', 'sync', 'search', 'remote', 'platform', 'features', 'app', 'components']
      .map(layer)
      .concat('./workers'),
  },
  { target: './workers', from: ['features', 'app', 'components', 'api'].map(layer) },
  { target: layer('features'), from: ['app', 'api', 'remote'].map(layer) },
  ...features.map((name) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message: 'Features do not import each other; share through domain, db or components/ui.',
  })),
];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', '.local', 'coverage', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['dexie', 'dexie-*', '@supabase/*', 'react', 'react-dom', 'openai', 'hono'] },
      ],
    },
  },
  {
    files: ['vite.config.ts', 'vitest.config.ts', 'eslint.config.js', 'netlify/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
