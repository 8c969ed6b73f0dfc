import type { ExtractedTemplate } from '../types';
import { extractFromTree } from './extract';
import { defaultLocateWasm, TERRAFORM_WASM_FILES, terraformParser, type LocateWasm } from './parser';

/**
 * The Terraform extractor: reads the IAM policies of a `.tf` file (jsonencode, JSON heredocs and strings,
 * `aws_iam_policy_document` data sources) with tree-sitter's HCL grammar, and checks `aws_ssm_service_setting` ids.
 */

export type { LocateWasm, TerraformWasmFile } from './parser';

/** The package-relative paths of the two wasm files a bundle must ship. */
export const TERRAFORM_WASM_FILE_PATHS: readonly string[] = Object.values(TERRAFORM_WASM_FILES);
export { TERRAFORM_WASM_FILES };

/** A Terraform configuration file: `.tf` (not `.tf.json`, not `.tfvars`). */
export function looksLikeTerraform(fileName: string): boolean {
  return /\.tf$/i.test(fileName);
}

export interface ExtractTerraformOptions {
  /** Where each wasm file is; defaults to the installed packages. The first call's locator loads the parser. */
  locateWasm?: LocateWasm;
}

/** The policies and template findings of a Terraform file. Never throws on any input text. */
export async function extractTerraform(text: string, options: ExtractTerraformOptions = {}): Promise<ExtractedTemplate> {
  const parser = await terraformParser(options.locateWasm ?? defaultLocateWasm);
  const tree = parser.parse(text);
  if (!tree) return { format: 'terraform', policies: [], findings: [{ ruleId: 'template-syntax', messageId: 'hclError', data: { detail: '' }, span: { offset: 0, length: 0 } }] };
  try {
    return extractFromTree(tree, text);
  } finally {
    tree.delete();
  }
}
