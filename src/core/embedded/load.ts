import type { ExtractedTemplate, TemplateFormat } from './types';

/**
 * The one lazy loader of the template parsers. `yaml`, `web-tree-sitter` and the Terraform grammar load on the
 * first template, through a dynamic `import('./extractors')` that esbuild.mjs leaves to run time as
 * `require('./templates.js')` (dist/templates.js, beside the WebAssembly files): opening a JSON policy, or
 * activating the extension, never evaluates them.
 */
let loaded: Promise<typeof import('./extractors')> | undefined;

/** The extractor of a template format. */
export async function extractorFor(format: TemplateFormat): Promise<(text: string) => Promise<ExtractedTemplate>> {
  const extractors = await (loaded ??= import('./extractors'));
  return (text) => extractors.extract(format, text);
}
