import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractCloudFormation } from './cloudformation';
import { extractTerraform, TERRAFORM_WASM_FILES, type TerraformWasmFile } from './terraform';
import type { ExtractedTemplate, TemplateFormat } from './types';

/**
 * The template parsers, loaded on demand (src/core/embedded/load.ts); bundled alone as dist/templates.js, which
 * esbuild.mjs ships with the WebAssembly files of web-tree-sitter and the Terraform grammar beside it.
 */

/** A WebAssembly file beside the bundle (dist/), else from its package (tests and development). */
function locateWasm(file: TerraformWasmFile): string {
  const beside = join(__dirname, file);
  return existsSync(beside) ? beside : require.resolve(TERRAFORM_WASM_FILES[file]);
}

/** Reads a template of a format. */
export async function extract(format: TemplateFormat, text: string): Promise<ExtractedTemplate> {
  if (format === 'terraform') return extractTerraform(text, { locateWasm });
  return extractCloudFormation(text, format);
}
