// ESLint: typescript-eslint's recommended rules, the engine's import boundary, and above all no
// regular expression in the extension, the language server or the CLI that backtracks
// super-linearly on user text (issue #9): every document, completion request, quick fix and
// `.podwise.yaml` goes through these regexes, so one catastrophic pattern hangs the server for
// minutes. Layout is prettier's (.prettierrc.json); of eslint-plugin-regexp's recommended rules,
// the stylistic ones are off.
// https://ota-meshi.github.io/eslint-plugin-regexp/rules/no-super-linear-backtracking.html
// https://ota-meshi.github.io/eslint-plugin-regexp/rules/no-super-linear-move.html
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

const STYLE_RULES_OFF = {
  'regexp/negation': 'off',
  'regexp/no-unused-capturing-group': 'off',
  'regexp/no-useless-character-class': 'off',
  'regexp/prefer-character-class': 'off',
  'regexp/prefer-d': 'off',
  'regexp/prefer-w': 'off',
  'regexp/use-ignore-case': 'off',
};

// The engine is pure (ARCHITECTURE.md, "Invariants"): no editor, LSP, CLI or Node I/O. Files and
// schemas reach it through what a front end injects (schema/schema-source.ts, classify-file's probe).
const ENGINE_BOUNDARY = {
  paths: [
    'fs',
    'node:fs',
    'fs/promises',
    'node:fs/promises',
    'path',
    'node:path',
    'module',
    'node:module',
    'child_process',
    'node:child_process',
    'os',
    'node:os',
    'net',
    'node:net',
    'http',
    'node:http',
    'https',
    'node:https',
    'vscode',
  ].map((name) => ({
    name,
    message: 'The engine is pure: file access and I/O are injected by the front end.',
  })),
  patterns: [
    {
      group: ['vscode-*', '**/lsp/**', '**/cli/**', '**/node/**', '**/client/**', '**/shared/read-bounded'],
      message: 'The engine imports no front end (LSP, CLI, Node I/O, VS Code).',
    },
  ],
};

export default [
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['server/src/**/*.ts', 'client/src/**/*.ts'] })),
  {
    files: ['server/src/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', ENGINE_BOUNDARY] },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { regexp },
    rules: {
      ...regexp.configs.recommended.rules,
      ...STYLE_RULES_OFF,
      // `potential`: also what needs an unusual input to blow up; user text is unusual on purpose.
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      // Also regexes used with test()/exec() once (ignorePartial: false): a failing try from each
      // start position is what makes `/\s+$/` quadratic.
      'regexp/no-super-linear-move': ['error', { report: 'potential', ignoreSticky: false, ignorePartial: false }],
    },
  },
];
