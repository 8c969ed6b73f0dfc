/**
 * One cold pass over the managed-policy corpus in a fresh process: prints the milliseconds it took to lint every
 * policy, IAM data loading included (the texts are read before the clock starts). Run by bench/run.ts, bundled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../src/core/lint';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? '';
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  const t0 = performance.now();
  for (const t of texts) await lintText(t);
  process.stdout.write(`${(performance.now() - t0).toFixed(1)}\n`);
}

void main();
