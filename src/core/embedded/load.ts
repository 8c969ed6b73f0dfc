import type { ExtractedTemplate, TemplateFormat } from './types';

/**
 * The one lazy loader of the template parsers. `yaml`, `web-tree-sitter` and the Terraform grammar load on the
 * first template, through a `require('./extractors')` that esbuild.mjs leaves to run time as
 * `require('./templates.js')` (dist/templates.js, beside the WebAssembly files): opening a JSON policy, or
 * activating the extension, never evaluates them. (A `require`, not an `import()`: the bundles and the tests' module
 * loader are CommonJS.)
 */
let loaded: typeof import('./extractors') | undefined;

/** The extractor of a template format. */
export async function extractorFor(format: TemplateFormat): Promise<(text: string) => Promise<ExtractedTemplate>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand (see above)
  loaded ??= require('./extractors') as typeof import('./extractors');
  const extractors = loaded;
  return (text) => extractors.extract(format, text);
}
