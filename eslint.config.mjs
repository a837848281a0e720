// ESLint runs here for one job only: no regular expression in the extension, the language server
// or the CLI may backtrack super-linearly on user text (issue #9). Every document, completion
// request, quick fix and `.podwise.yaml` goes through these regexes, so one catastrophic pattern
// hangs the server for minutes. Style is left to the TypeScript compiler and review: of
// eslint-plugin-regexp's recommended rules, the stylistic ones are off.
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

export default [
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
