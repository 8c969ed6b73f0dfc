import type { ExtractedTemplate } from '../types';
import { readJson } from './json';
import { findPolicies } from './resources';
import { readYaml } from './yaml';

export type CloudFormationFormat = 'cloudformation-yaml' | 'cloudformation-json';

/** JSON when the first character that is not blank (or a byte order mark) is `{`. */
export function detectCloudFormationFormat(text: string): CloudFormationFormat {
  const m = /^[\s\uFEFF]*(\S)/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return m && m[1] === '{' ? 'cloudformation-json' : 'cloudformation-yaml';
}

/**
 * Reads the IAM policies of a CloudFormation, SAM or CDK-output template (YAML or JSON): pure and synchronous, it
 * never throws on bad input; what cannot be read is reported as `template-syntax` findings.
 */
export function extractCloudFormation(text: string, format?: CloudFormationFormat): ExtractedTemplate {
  const fmt = format ?? detectCloudFormationFormat(text);
  const json = fmt === 'cloudformation-json';
  const doc = json ? readJson(text) : readYaml(text);
  const { policies, findings } = findPolicies(text, doc, json);
  return { format: fmt, policies, findings: [...doc.findings, ...findings].sort((a, b) => a.span.offset - b.span.offset) };
}

export { looksLikeCloudFormation } from '../detect';
