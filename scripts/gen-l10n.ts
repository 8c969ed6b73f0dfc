/**
 * Writes l10n/bundle.l10n.json: every string the extension passes to `vscode.l10n.t` (src/features) or to the
 * injected `t` of the core's text builders (src/core/language, dhmc, aws, service-settings, apply), keyed by itself. A translation is then a
 * copy of this file with the values translated (l10n/bundle.l10n.ja.json); a test fails when it is stale.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..');

/** The source folders and the call names whose first argument is a message. */
const SOURCES: { dir: string; callee: (text: string) => boolean }[] = [
  { dir: join(root, 'src', 'features'), callee: (c) => c === 'vscode.l10n.t' || c === 'l10n.t' },
  { dir: join(root, 'src', 'core', 'language'), callee: (c) => c === 't' },
  { dir: join(root, 'src', 'core', 'dhmc'), callee: (c) => c === 't' },
  { dir: join(root, 'src', 'core', 'aws'), callee: (c) => c === 't' },
  { dir: join(root, 'src', 'core', 'service-settings'), callee: (c) => c === 't' },
  { dir: join(root, 'src', 'core', 'apply'), callee: (c) => c === 't' },
];

import { SERVICE_SETTINGS } from '../src/core/ssm/service-settings';
import { globalKeyMeanings } from '../src/core/language/global-keys';

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every literal message, sorted, as the bundle's keys and values. */
export function collectMessages(): Record<string, string> {
  const found = new Set<string>();
  for (const { dir, callee } of SOURCES) {
    for (const file of tsFiles(dir)) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && callee(node.expression.getText(source))) {
          const first = node.arguments[0];
          if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) found.add(first.text);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  // Texts kept as data and shown through `t`: the service settings' descriptions and the global condition keys' meanings.
  for (const setting of SERVICE_SETTINGS) found.add(setting.description);
  for (const meaning of globalKeyMeanings()) found.add(meaning);
  return Object.fromEntries([...found].sort().map((m) => [m, m]));
}

/** The text of l10n/bundle.l10n.json. */
export function renderBundle(): string {
  return `${JSON.stringify(collectMessages(), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(join(root, 'l10n', 'bundle.l10n.json'), renderBundle());
  console.log(`l10n/bundle.l10n.json: ${Object.keys(collectMessages()).length} messages`);
}
