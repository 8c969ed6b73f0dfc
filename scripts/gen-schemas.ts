/**
 * `tsx scripts/gen-schemas.ts`: writes the JSON schemas of schemas/ (English) and schemas/ja/ (Japanese) from
 * src/core/schema. `--check` writes nothing and exits 1 when a file on disk differs from the generator's output.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { POLICY_KINDS } from '../src/core/policy/types';
import { SCHEMA_LOCALES, schemaFiles } from '../src/core/schema/associations';
import { buildSchemas, renderSchema } from '../src/core/schema/build-schemas';

const ROOT = join(__dirname, '..');

/** Each schema file as the generator writes it, by its path relative to the repository root: every kind in every language. */
export function renderSchemaFiles(): { path: string; text: string }[] {
  return SCHEMA_LOCALES.flatMap((locale) => {
    const schemas = buildSchemas(locale);
    const files = schemaFiles(locale);
    return POLICY_KINDS.map((kind) => ({ path: files[kind], text: renderSchema(schemas[kind]) }));
  });
}

/** The schema files that are missing or differ from the generator's output (empty when all are current). */
export function staleSchemaFiles(root: string = ROOT): string[] {
  return renderSchemaFiles()
    .filter(({ path, text }) => {
      const file = join(root, path);
      return !existsSync(file) || readFileSync(file, 'utf8') !== text;
    })
    .map(({ path }) => path);
}

function main(): void {
  if (process.argv.includes('--check')) {
    const stale = staleSchemaFiles();
    for (const path of stale) console.error(`stale: ${path} (run tsx scripts/gen-schemas.ts)`);
    process.exitCode = stale.length > 0 ? 1 : 0;
    return;
  }
  for (const { path, text } of renderSchemaFiles()) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), text);
    console.log(`${path}: ${text.length} bytes`);
  }
}

if (require.main === module) main();
