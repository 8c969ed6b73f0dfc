import type { IamIndex } from '../iam';
import { applyFixes, type LintConfig, type LintFinding } from '../lint';
import { extractorFor } from './load';
import { lintTemplate, type TemplateLintResult } from './lint';
import type { TemplateFormat } from './types';

export * from './detect';
export type * from './types';
export type { TemplateLintResult } from './lint';

/** Options for {@link lintTemplateText}. */
export interface TemplateTextOptions {
  fileName: string;
  format: TemplateFormat;
  config?: LintConfig;
  iam?: IamIndex;
  budgetMs?: number;
}

/** Lints a template of a known format, loading its parser on first use. */
export async function lintTemplateText(text: string, options: TemplateTextOptions): Promise<TemplateLintResult> {
  return lintTemplate(text, { ...options, extract: await extractorFor(options.format) });
}

/**
 * Lints and applies the fixes repeatedly (at most 10 passes) until none applies, as fixText does for a policy. Every
 * fix of a template is an edit of one literal that the source can rewrite exactly (see src/core/embedded/lint.ts).
 */
export async function fixTemplateText(text: string, options: TemplateTextOptions): Promise<{ text: string; findings: LintFinding[]; passes: number }> {
  let current = text;
  for (let pass = 1; pass <= 10; pass++) {
    const { findings } = await lintTemplateText(current, options);
    const next = applyFixes(current, findings);
    if (next === current) return { text: current, findings, passes: pass - 1 };
    current = next;
  }
  return { text: current, findings: (await lintTemplateText(current, options)).findings, passes: 10 };
}
