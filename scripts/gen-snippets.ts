/**
 * Writes the snippet files from the policy catalog (run by `npm run gen`): snippets/ssm-policies.json (JSON and
 * JSONC), snippets/ssm-policies.cloudformation.json (YAML) and snippets/ssm-policies.terraform.json (Terraform).
 * A test fails when a checked-in file differs from what this produces.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '../src/core/catalog';
import { buildSnippets, type VsCodeSnippet } from '../src/core/catalog/snippets';
import { buildCloudFormationSnippets, buildTerraformSnippets } from '../src/core/catalog/template-snippets';

/** The JSON snippets file, relative to the repository. */
export const SNIPPETS_FILE = join('snippets', 'ssm-policies.json');

/** Every snippets file, relative to the repository, with the snippets it holds. */
export const SNIPPET_FILES: readonly { path: string; build: () => Record<string, VsCodeSnippet> }[] = [
  { path: SNIPPETS_FILE, build: () => buildSnippets(catalog) },
  { path: join('snippets', 'ssm-policies.cloudformation.json'), build: () => buildCloudFormationSnippets(catalog) },
  { path: join('snippets', 'ssm-policies.terraform.json'), build: () => buildTerraformSnippets(catalog) },
];

/** The text of a snippets file (by default the JSON snippets). */
export function renderSnippets(path: string = SNIPPETS_FILE): string {
  const file = SNIPPET_FILES.find((f) => f.path === path);
  if (!file) throw new Error(`not a snippets file: ${path}`);
  return `${JSON.stringify(file.build(), null, 2)}\n`;
}

if (require.main === module) {
  for (const file of SNIPPET_FILES) {
    writeFileSync(join(__dirname, '..', file.path), renderSnippets(file.path));
    console.log(`${file.path}: ${Object.keys(file.build()).length} snippets`);
  }
}
