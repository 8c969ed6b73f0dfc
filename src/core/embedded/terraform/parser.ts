import { Language, Parser } from 'web-tree-sitter';

/**
 * The Terraform parser: web-tree-sitter with the tree-sitter-hcl grammar's Terraform dialect, loaded lazily and once.
 * Only this folder imports web-tree-sitter, and nothing on the extension's activation path imports this folder.
 */

/** The two wasm files a bundle must ship, relative to node_modules. */
export const TERRAFORM_WASM_FILES = {
  'web-tree-sitter.wasm': 'web-tree-sitter/web-tree-sitter.wasm',
  'tree-sitter-terraform.wasm': '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
} as const;

export type TerraformWasmFile = keyof typeof TERRAFORM_WASM_FILES;

export type LocateWasm = (file: TerraformWasmFile) => string;

/** In tests and development: the installed packages. */
export const defaultLocateWasm: LocateWasm = (file) => require.resolve(TERRAFORM_WASM_FILES[file]);

let loading: Promise<Parser> | undefined;

/** The one parser, loaded on first use; the wasm files are found once, by the first caller's `locateWasm`. */
export function terraformParser(locateWasm: LocateWasm = defaultLocateWasm): Promise<Parser> {
  loading ??= (async () => {
    await Parser.init({ locateFile: () => locateWasm('web-tree-sitter.wasm') });
    const language = await Language.load(locateWasm('tree-sitter-terraform.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  // A failed load (a wasm file not found) is not cached, so a later call with the right locator can succeed.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
