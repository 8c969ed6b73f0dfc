/**
 * The cold first lint of a Terraform file in a fresh process: prints, as JSON, the milliseconds from nothing loaded
 * to the web-tree-sitter parser ready (its module, its wasm and the Terraform grammar's), and to the file linted
 * (the IAM data loading included). The text is read before the clock starts. Run by bench/run.ts, bundled.
 */
import { readFileSync } from 'node:fs';

async function main(): Promise<void> {
  const file = process.argv[2] ?? '';
  const text = readFileSync(file, 'utf8');
  const t0 = performance.now();
  const [{ extractTerraform }, { terraformParser }, { lintTemplate }] = await Promise.all([
    import('../src/core/embedded/terraform'),
    import('../src/core/embedded/terraform/parser'),
    import('../src/core/embedded/lint'),
  ]);
  await terraformParser();
  const parserMs = performance.now() - t0;
  const result = await lintTemplate(text, { fileName: file, extract: (t) => extractTerraform(t) });
  const lintMs = performance.now() - t0;
  process.stdout.write(`${JSON.stringify({ parserMs, lintMs, policies: result.policies.length })}\n`);
}

void main();
