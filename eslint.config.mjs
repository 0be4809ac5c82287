// Lint of the whole workspace (`pnpm lint`): typescript-eslint's type-aware
// recommended rules, React's hook rules in the SPA, and the layers of
// ../shared/architecture.md as import restrictions. Formatting is Prettier's
// (`pnpm format`), so no stylistic rule runs here.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Unused bindings are errors, except a name starting with `_` (a parameter a
 * signature needs, a skipped tuple slot) and the fields named next to a rest
 * element (`const { password: _, ...visible } = user` leaves them out of `visible`).
 */
const unusedVars = [
  'error',
  { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
];

/** `no-restricted-imports` patterns, each with the rule of the layout it keeps. */
const layer = (patterns) => ['error', { patterns }];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/dist-check/**', 'data/**', 'apps/web/src/api/schema.d.ts', '**/coverage/**'],
  },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-unused-vars': unusedVars },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-unused-vars': unusedVars },
  },
  {
    // The browser tests run in Node but pass callbacks to page.evaluate(), which
    // runs them in the page: `document` and `window` there are the browser's.
    files: ['e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The HTTP tests read supertest's `response.body`, which is `any` by design
    // (the body is whatever the server sent); the tests assert its shape with
    // expect(), so typing every body first would add casts and check nothing more.
    files: ['apps/api/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
    languageOptions: { globals: { ...globals.browser } },
  },
  // The layers
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': layer([
        { group: ['**/apps/**', '@crm/api', '@crm/web'], message: 'libs/domain is shared by the API and the SPA: it imports nothing of the apps.' },
      ]),
    },
  },
  {
    files: ['apps/api/src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': layer([
        {
          group: ['**/modules/**', '**/entities', '**/demo/**'],
          message: 'platform/ is what every module uses and knows no module: hand it what it needs (see openDatabase and ENTITIES).',
        },
      ]),
    },
  },
  {
    // a module uses another only through its index.ts, the public face that says what others may use
    files: ['apps/api/src/modules/*/*.ts'],
    rules: {
      'no-restricted-imports': layer([
        { regex: String.raw`^\.\./(?!\.\.)[^/]+/.+`, message: "Import another module through its index.ts ('../partners'), not its files." },
      ]),
    },
  },
  {
    files: ['apps/api/src/modules/*/*/**/*.ts'],
    rules: {
      'no-restricted-imports': layer([
        { regex: String.raw`^\.\./\.\./(?!\.\.|platform/)[^/]+/.+`, message: "Import another module through its index.ts ('../../partners'), not its files." },
      ]),
    },
  },
  {
    files: ['apps/web/src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': layer([{ group: ['**/features/**'], message: 'ui/ holds shared components: they know no feature.' }]),
    },
  },
  prettier,
);
