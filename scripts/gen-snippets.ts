/**
 * Writes snippets/ssm-policies.json from the policy catalog (run by `npm run gen`); a test fails when the
 * checked-in file differs from what this produces.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '../src/core/catalog';
import { buildSnippets } from '../src/core/catalog/snippets';

/** The snippets file, relative to the repository. */
export const SNIPPETS_FILE = join('snippets', 'ssm-policies.json');

/** The text of the snippets file. */
export function renderSnippets(): string {
  return `${JSON.stringify(buildSnippets(catalog), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(join(__dirname, '..', SNIPPETS_FILE), renderSnippets());
  console.log(`${SNIPPETS_FILE}: ${Object.keys(buildSnippets(catalog)).length} snippets`);
}
