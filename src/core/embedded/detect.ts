import type { TemplateFormat } from './types';

/**
 * Which template format a file is, cheaply (no parse): asked for every file the CLI walks and every document the
 * editor opens, before any parser is loaded.
 */

/** File names whose YAML or JSON may be a CloudFormation/SAM template (CDK writes `*.template.json`). */
const CLOUDFORMATION_NAME = /\.(ya?ml|json|template)$/i;

/** Terraform's native syntax (not `.tf.json`, not `.tfvars`). */
const TERRAFORM_NAME = /\.tf$/i;

/** How much of a text the content test reads. */
const HEAD = 200_000;

/**
 * True when a YAML or JSON text looks like a CloudFormation or SAM template: `AWSTemplateFormatVersion`, the SAM
 * transform, or a `Resources` section whose entries have a `Type` of `AWS::…` (CDK output has no version line).
 */
export function looksLikeCloudFormation(text: string): boolean {
  const head = text.length > HEAD ? text.slice(0, HEAD) : text;
  if (/["']?AWSTemplateFormatVersion["']?\s*:/.test(head)) return true;
  if (/["']?Transform["']?\s*:\s*(?:\[\s*)?["']?AWS::Serverless-2016-10-31/.test(head)) return true;
  // Minified CDK output starts `{"Resources":{`.
  return /(?:^|[\s{,])["']?Resources["']?\s*:/.test(head) && /["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/.test(head);
}

/**
 * The template format of a file, by its name and content (and, for an editor's document, its language: a
 * `terraform` document is Terraform whatever its name); undefined when it is not a template.
 */
export function templateFormatOf(fileName: string, text: string, languageId?: string): TemplateFormat | undefined {
  if (languageId === 'terraform' || TERRAFORM_NAME.test(fileName)) return 'terraform';
  if (!CLOUDFORMATION_NAME.test(fileName) && fileName !== '-') return undefined;
  if (!looksLikeCloudFormation(text)) return undefined;
  return /^\s*\{/.test(text.replace(/^\uFEFF/, '')) ? 'cloudformation-json' : 'cloudformation-yaml';
}

/** Whether the directory walk reads a file of this name as a possible template. */
export function mayBeTemplate(fileName: string): boolean {
  return TERRAFORM_NAME.test(fileName) || CLOUDFORMATION_NAME.test(fileName);
}

/** Whether a file of this name is a template by its name alone (so an unreadable one is an error). */
export function isTemplateByName(fileName: string): boolean {
  return TERRAFORM_NAME.test(fileName);
}
