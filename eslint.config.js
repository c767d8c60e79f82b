// One flat config for the whole repository; the Power Apps checker rules apply to every control.
const tseslint = require('typescript-eslint');
const powerApps = require('@microsoft/eslint-plugin-power-apps');

module.exports = tseslint.config(
  {
    ignores: ['**/node_modules/**', 'controls/.build-test/**', '**/dist/**', '**/out/**', '**/generated/**', 'solution/bin/**', 'solution/src/Controls/**', 'test-artifacts/**', '**/*.d.ts'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['controls/**/*.{ts,tsx}'],
    plugins: { '@microsoft/power-apps': powerApps },
    rules: {
      ...powerApps.configs.paCheckerHosted.rules,
      // Controls must not print to the user's console in production: errors go to the MessageBar.
      'no-console': 'error',
    },
    settings: powerApps.configs.paCheckerHosted.settings,
  },
  {
    files: ['**/*.test.{ts,tsx}', 'controls/shared/test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
