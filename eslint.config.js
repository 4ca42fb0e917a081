// ESLint 9 flat config. Syntax-only rules (no type information) so lint stays fast on small CI
// machines. The layering of docs/architecture.md is enforced here with `no-restricted-imports`.
//
// Flat config does not merge the options of one rule across config objects: the last matching
// object wins. So every layer below states its COMPLETE import rule (global bans + its own).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { webLintConfig } from './apps/web/lint.config.js';

const CODE = ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'];
// Test files and test helpers may use timers, node:* modules and test-only packages.
const TESTS = [
  '**/*.test.{ts,tsx}',
  '**/*.spec.{ts,tsx}',
  '**/test-*.ts',
  '**/testing/**',
  '**/test-support/**',
  '**/test-utils/**',
  '**/__tests__/**',
  '**/fixtures/**',
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const BUILTINS = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))];
const BUILTIN_RE = `(?:node:.*|(?:${BUILTINS.map(escape).join('|')})(?:/.*)?)`;
const RELATIVE_RE = String.raw`\.{1,2}(?:/.*)?`;

/** Regex matching every import source EXCEPT the allowed ones (relative files always allowed). */
// Built-ins are never matched here: a layer bans them with its own pattern (clearer message).
function onlyAllow(allowed) {
  const names = allowed.map((a) => (a.endsWith('/*') ? `${escape(a.slice(0, -2))}(?:/.*)?` : escape(a)));
  return `^(?!(?:${[RELATIVE_RE, BUILTIN_RE, ...names].join('|')})$)`;
}

// ---------------------------------------------------------------- import bans, by layer
const GLOBAL_PATHS = [
  { name: 'vm', message: 'User code and expressions run only inside isolated-vm (@shopwire/sandbox).' },
  { name: 'node:vm', message: 'User code and expressions run only inside isolated-vm (@shopwire/sandbox).' },
];
const DEEP_IMPORT = {
  regex: String.raw`^@shopwire/[^/]+/(?:src|dist)(?:/|$)`,
  message: 'Import the package by name (@shopwire/x): its public surface is src/index.ts.',
};
const PATH_IMPORT = {
  regex: String.raw`^(?:\.\./)+(?:packages|nodes|apps)/`,
  message: 'Import workspace packages by name (@shopwire/x), not by path.',
};
const GLOBAL_PATTERNS = [
  DEEP_IMPORT,
  PATH_IMPORT,
  {
    regex: String.raw`^(?:\.\./){2,}[\w.-]+/(?:src|dist)(?:/|$)`,
    message: "No relative imports into another package's src/dist: import it by name (@shopwire/x).",
  },
];
const NO_NODE_BUILTINS = {
  // vm is already banned everywhere (GLOBAL_PATHS): not reported twice
  regex: `^(?!(?:node:)?vm$)${BUILTIN_RE}$`,
  message:
    'The engine has no I/O of its own: take it through a contract from @shopwire/sdk (Clock, HttpClient, ...).',
};
// (relative paths into apps/ and nodes/ are caught by GLOBAL_PATTERNS)
const NOT_FROM_PACKAGES = [
  {
    regex: String.raw`^@shopwire/(?:server|web|nodes-[\w.-]+)(?:/|$)`,
    message: 'packages/* sit below apps/ and nodes/: they must not import them (docs/architecture.md).',
  },
];
// Other workspace packages, except those reported by a more specific pattern (server, nodes, deep).
const otherWorkspacePackages = (allowed) =>
  String.raw`^@shopwire/(?!(?:${allowed.map(escape).join('|')}|server|web|nodes-[\w.-]+)(?:/|$))`;

const restrict = (patterns) => [
  'error',
  { paths: GLOBAL_PATHS, patterns: [...GLOBAL_PATTERNS, ...patterns] },
];

const layers = [
  // packages/* (db, sandbox, http, registry): @shopwire/sdk + their own third-party libraries.
  {
    name: 'layers/packages',
    files: ['packages/*/src/**'],
    rules: {
      'no-restricted-imports': restrict([
        ...NOT_FROM_PACKAGES,
        {
          regex: otherWorkspacePackages(['sdk']),
          message:
            'packages/* may import only @shopwire/sdk among workspace packages (docs/architecture.md).',
        },
      ]),
    },
  },
  // @shopwire/testing: helpers for node-package tests (a NodeContext with real HTTP); tests only.
  {
    name: 'layers/testing',
    files: ['packages/testing/**'],
    rules: {
      'no-restricted-imports': restrict([
        ...NOT_FROM_PACKAGES,
        {
          regex: otherWorkspacePackages(['sdk', 'http', 'sandbox']),
          message: '@shopwire/testing may import only @shopwire/sdk, @shopwire/http and @shopwire/sandbox.',
        },
      ]),
    },
  },
  // sdk: the bottom layer, runs anywhere.
  {
    name: 'layers/sdk',
    files: ['packages/sdk/**'],
    rules: {
      'no-restricted-imports': restrict([
        ...NOT_FROM_PACKAGES,
        { regex: onlyAllow(['zod', 'zod/*']), message: '@shopwire/sdk may import only zod.' },
        NO_NODE_BUILTINS_FOR('@shopwire/sdk runs anywhere: no node:* modules.'),
      ]),
    },
  },
  {
    name: 'layers/sdk-tests',
    files: TESTS.map((t) => `packages/sdk/${t}`),
    rules: {
      'no-restricted-imports': restrict([
        ...NOT_FROM_PACKAGES,
        {
          regex: onlyAllow(['zod', 'zod/*', 'vitest']),
          message: '@shopwire/sdk tests may import only zod and vitest.',
        },
      ]),
    },
  },
  // engine: only @shopwire/sdk, no node:* modules, no timers/fetch/clock globals.
  {
    name: 'layers/engine',
    files: ['packages/engine/src/**'],
    rules: {
      'no-restricted-imports': restrict([
        ...NOT_FROM_PACKAGES,
        { regex: onlyAllow(['@shopwire/sdk']), message: '@shopwire/engine may import only @shopwire/sdk.' },
        NO_NODE_BUILTINS,
      ]),
      'no-restricted-globals': ['error', ...engineGlobals()],
      'no-restricted-properties': ['error', ...engineProperties()],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'The engine reads time only through the Clock contract (ctx clock.now()).',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message:
            'The engine reads time only through the Clock contract: new Date() without arguments reads the system clock.',
        },
      ],
    },
  },
  {
    name: 'layers/engine-tests',
    files: TESTS.map((t) => `packages/engine/${t}`),
    rules: {
      'no-restricted-imports': restrict([
        ...NOT_FROM_PACKAGES,
        {
          // the real sandbox, so expression tests run real isolated-vm rather than a fake
          regex: onlyAllow(['@shopwire/sdk', '@shopwire/sandbox', 'vitest']),
          message:
            '@shopwire/engine tests may import @shopwire/sdk, @shopwire/sandbox, vitest and node:* modules; other cross-package tests go in tests/.',
        },
      ]),
      'no-restricted-globals': 'off',
      'no-restricted-properties': 'off',
      'no-restricted-syntax': 'off',
    },
  },
  // node packages: only @shopwire/sdk among workspace packages (plus their own third-party libraries).
  {
    name: 'layers/nodes',
    files: ['nodes/*/src/**'],
    rules: {
      'no-restricted-imports': restrict([
        {
          regex: String.raw`^@shopwire/(?!sdk(?:/|$))`,
          message: 'Node packages may import only @shopwire/sdk among workspace packages.',
        },
      ]),
    },
  },
  {
    name: 'layers/nodes-tests',
    files: TESTS.map((t) => `nodes/*/${t}`),
    rules: {
      'no-restricted-imports': restrict([
        {
          regex: String.raw`^@shopwire/(?!(?:sdk|http|sandbox|testing)(?:/|$))`,
          message:
            'Node package tests may import @shopwire/sdk, @shopwire/http, @shopwire/sandbox and @shopwire/testing only.',
        },
      ]),
    },
  },
];

function NO_NODE_BUILTINS_FOR(message) {
  return { ...NO_NODE_BUILTINS, message };
}

function engineGlobals() {
  const msg = 'The engine has no I/O of its own: use the Clock / HttpClient / Logger contracts passed in.';
  return [
    'setTimeout',
    'setInterval',
    'setImmediate',
    'clearTimeout',
    'clearInterval',
    'clearImmediate',
    'fetch',
  ]
    .map((name) => ({ name, message: msg }))
    .concat([
      { name: 'process', message: 'The engine must not read process state: configuration is passed in.' },
    ]);
}

function engineProperties() {
  const msg = 'The engine has no I/O of its own: use the Clock / HttpClient contracts passed in.';
  return ['globalThis', 'window', 'global', 'self'].flatMap((object) =>
    ['setTimeout', 'setInterval', 'setImmediate', 'fetch'].map((property) => ({
      object,
      property,
      message: msg,
    })),
  );
}

// ---------------------------------------------------------------- the config
export default tseslint.config(
  {
    name: 'ignores',
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'data/**',
      '.tmp/**',
      'tests/bench/results/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  { name: 'js/recommended', files: CODE, ...js.configs.recommended },
  ...tseslint.configs.recommended,
  {
    name: 'shopwire/base',
    files: CODE,
    plugins: { 'import-x': importX },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json', '.node'],
          // workspace packages resolve to their TypeScript sources, as in tsconfig and vitest
          conditionNames: ['source', 'import', 'node', 'default'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'] },
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-imports': restrict([]),
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  ...layers,
  // apps/web: browser bundle, React; type-only imports from the sdk and the server (apps/web/lint.config.js)
  ...webLintConfig({
    tests: TESTS,
    globalPaths: GLOBAL_PATHS,
    deepImport: DEEP_IMPORT,
    pathImport: PATH_IMPORT,
    nodeBuiltins: NO_NODE_BUILTINS,
  }),
  {
    name: 'shopwire/plain-js',
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
