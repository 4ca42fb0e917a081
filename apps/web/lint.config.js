// ESLint rules of the editor (apps/web), spread into the root eslint.config.js. Syntax-only like the
// rest of the config. eslint-plugin-react and eslint-plugin-react-hooks are not installed, so the core
// of the Rules of Hooks is approximated with selectors below; tsc and the Playwright tests cover more.
//
// The web app is a browser bundle: it talks to the server over HTTP and may take only TYPES from the
// server and from @shopwire/sdk (`import type`: erased, nothing of them is bundled). Flat config keeps
// only the last options of a rule, so each block states its complete import rule.
import { fileURLToPath } from 'node:url';
import globals from 'globals';

const WEB = 'apps/web';
const WEB_DIR = fileURLToPath(new URL('.', import.meta.url));
const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));

const HOOK_CALL = 'CallExpression[callee.name=/^use[A-Z]/]';
// branches and loops: a hook there runs a different number of times from one render to the next
const HOOK_IN_BRANCH = [
  ...['IfStatement', 'SwitchStatement', 'ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement']
    .concat('DoWhileStatement')
    .map((statement) => `${statement} ${HOOK_CALL}`),
  // `a && useX()`, `a ?? useX()`, `a ? useX() : b`: the hook itself, or inside that operand
  `LogicalExpression > ${HOOK_CALL}.right`,
  `LogicalExpression > .right ${HOOK_CALL}`,
  `ConditionalExpression > ${HOOK_CALL}:matches(.consequent, .alternate)`,
  `ConditionalExpression > :matches(.consequent, .alternate) ${HOOK_CALL}`,
];
const HOOK_RULES = [
  {
    selector: HOOK_IN_BRANCH.join(', '),
    message:
      'Rules of Hooks: call hooks unconditionally (not inside a condition, a loop, `&&`/`??` or `?:`).',
  },
  {
    // a callback inside a component runs later (or never): hooks belong to the component's own body
    selector: `:function :function ${HOOK_CALL}`,
    message:
      'Rules of Hooks: call hooks at the top level of a component or hook, not inside a nested function.',
  },
];
// user data (workflow names, node output, server errors) is rendered as text, never as markup
const NO_RAW_HTML = [
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'No raw HTML: render workflow and server data as text (XSS).',
  },
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No raw HTML: set textContent or render with React (XSS).',
  },
  {
    selector:
      "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/][callee.object.name='document'], CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'No raw HTML: render with React (XSS).',
  },
];
// node globals do not exist in the browser bundle; DOM globals that shadow easy typos (`name`, `event`)
const BROWSER_GLOBALS_BANNED = [
  ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map((name) => ({
    name,
    message: `The editor runs in the browser: no ${name} (Vite exposes build settings on import.meta.env).`,
  })),
  ...['event', 'name', 'status', 'length', 'top', 'parent', 'self', 'opener', 'origin', 'close', 'open'].map(
    (name) => ({ name, message: `\`${name}\` is a window property here: use a local or window.${name}.` }),
  ),
];

/** @param {{ tests: string[], globalPaths: object[], deepImport: object, pathImport: object, nodeBuiltins: object }} shared */
export function webLintConfig({ tests, globalPaths, deepImport, pathImport, nodeBuiltins }) {
  const workspacePatterns = [
    deepImport,
    pathImport,
    {
      // the response types come from the server's zod schemas and views (src/api/types.ts)
      regex: String.raw`^(?:\.\./){2,}server/src/`,
      allowTypeImports: true,
      message:
        'The editor may take only types from the server (`import type`): server code is never bundled into the browser.',
    },
    {
      regex: String.raw`^(?:\.\./){2,}(?!server/src/)[\w.-]+/(?:src|dist)(?:/|$)`,
      message: "No relative imports into another package's src/dist: import it by name (@shopwire/x).",
    },
    {
      regex: String.raw`^@shopwire/sdk$`,
      allowTypeImports: true,
      message:
        'The editor takes only types from @shopwire/sdk (`import type`): its runtime (zod schemas) stays out of the bundle.',
    },
    {
      regex: String.raw`^@shopwire/(?!sdk$)`,
      message:
        'The editor imports no workspace package but @shopwire/sdk (types): it talks to the server over HTTP (src/api/client.ts).',
    },
  ];
  const importRule = (extra) => ['error', { paths: globalPaths, patterns: [...workspacePatterns, ...extra] }];
  const srcTests = tests.map((t) => `${WEB}/src/${t}`);
  const extraneous = (devDependencies) => [
    'error',
    {
      packageDir: [WEB_DIR, ROOT_DIR],
      devDependencies,
      optionalDependencies: false,
      peerDependencies: false,
    },
  ];

  return [
    {
      name: 'web/all',
      files: [`${WEB}/**/*.{ts,tsx,js,mjs}`],
      rules: {
        // the TypeScript version of the rule knows `import type` (allowTypeImports above)
        'no-restricted-imports': 'off',
        '@typescript-eslint/no-restricted-imports': importRule([]),
        // `import { type X }` keeps an empty side-effect import under verbatimModuleSyntax: it would
        // load (and bundle) the module that only types were wanted from
        '@typescript-eslint/no-import-type-side-effects': 'error',
        '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
        // tools and tests may use devDependencies (the root's too: vitest, Playwright)
        'import-x/no-extraneous-dependencies': extraneous(true),
      },
    },
    {
      name: 'web/src',
      files: [`${WEB}/src/**`],
      ignores: srcTests,
      languageOptions: { globals: { ...globals.browser } },
      rules: {
        '@typescript-eslint/no-restricted-imports': importRule([
          { ...nodeBuiltins, message: 'The editor runs in the browser: no node:* modules.' },
        ]),
        'import-x/no-extraneous-dependencies': extraneous(false),
        'no-restricted-globals': ['error', ...BROWSER_GLOBALS_BANNED],
        'no-restricted-syntax': ['error', ...HOOK_RULES, ...NO_RAW_HTML],
      },
    },
    {
      name: 'web/src-tests',
      files: srcTests,
      rules: { 'no-restricted-syntax': ['error', ...HOOK_RULES] },
    },
    {
      // Node tools: Playwright tests, the perf script, Vite/Playwright configs. Their page.evaluate()
      // callbacks run in the browser, hence both sets of globals.
      name: 'web/node-tools',
      files: [`${WEB}/e2e/**`, `${WEB}/perf/**`, `${WEB}/*.{ts,js,mjs}`],
      languageOptions: { globals: { ...globals.node, ...globals.browser } },
    },
  ];
}
