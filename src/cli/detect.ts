import { isTemplateByName, looksLikeCloudFormation } from '../core/embedded/detect';
import { kindFromFileName, looksLikePolicy } from '../core/policy/detect';

/** Why a file found by the directory walk is linted: which kind of file it is and what told us. */
export interface Detection {
  /** The file kind's name, e.g. "IAM policy". */
  kind: string;
  /** What decided, e.g. "file name (identity)" or "content". */
  reason: string;
}

/**
 * A kind of file the CLI lints. The walk reads a file when some kind `considers` its name, then lints it when
 * `detect` recognises it. Other kinds (CloudFormation or Terraform templates holding policies) plug in here with
 * their own names and content tests, and then a lint function of their own.
 */
export interface FileKind {
  name: string;
  /** Whether a file of this name may be of this kind, so the walk reads it (by extension, cheaply). */
  considers(fileName: string): boolean;
  /** Whether the name alone says the file is of this kind: then a file that cannot be read or decoded is an error. */
  claimedByName(fileName: string): boolean;
  /** Why the file is of this kind, or undefined when it is not. */
  detect(fileName: string, text: string): string | undefined;
  /** Why a considered file was not detected, for --verbose. */
  notDetected: string;
}

/**
 * IAM policies, recognised as the editor recognises them (src/features/common/policy-documents.ts without the
 * settings the CLI does not have): a conventional file name (`*.policy.json`, `*-trust.json`, `*.scp.json` …), else
 * content that looks like a policy. JSON and JSONC files only, the languages the editor lints.
 */
export const IAM_POLICY_FILES: FileKind = {
  name: 'IAM policy',
  considers: (fileName) => /\.jsonc?$/i.test(fileName),
  claimedByName: (fileName) => kindFromFileName(fileName) !== undefined,
  detect(fileName, text) {
    const byName = kindFromFileName(fileName);
    if (byName) return `file name (${byName})`;
    return looksLikePolicy(text) ? 'content (a "Statement" with "Effect", "Action" or "NotAction")' : undefined;
  },
  notDetected: 'not a policy (neither a policy file name nor a "Statement" with "Effect", "Action" or "NotAction")',
};

/**
 * CloudFormation and SAM templates in YAML or JSON, and CDK output (`cdk.out/*.template.json`), by content. Asked
 * before IAM_POLICY_FILES: a JSON template holds "Statement"s deep inside, but it is not a policy.
 */
export const CLOUDFORMATION_TEMPLATES: FileKind = {
  name: 'CloudFormation template',
  considers: (fileName) => /\.(ya?ml|json|template)$/i.test(fileName),
  claimedByName: () => false,
  detect: (_fileName, text) => (looksLikeCloudFormation(text) ? 'content (AWSTemplateFormatVersion, the SAM transform, or Resources of AWS:: types)' : undefined),
  notDetected: 'not a CloudFormation template (no AWSTemplateFormatVersion, SAM transform or Resources of AWS:: types)',
};

/** Terraform configuration files (`.tf`), by name. */
export const TERRAFORM_FILES: FileKind = {
  name: 'Terraform configuration',
  considers: isTemplateByName,
  claimedByName: isTemplateByName,
  detect: (fileName) => (isTemplateByName(fileName) ? 'file name (.tf)' : undefined),
  notDetected: 'not a Terraform file',
};

/** The kinds of file the directory walk lints, in the order they are asked. */
export const FILE_KINDS: readonly FileKind[] = [CLOUDFORMATION_TEMPLATES, IAM_POLICY_FILES, TERRAFORM_FILES];

/** Whether a detection is of a template (linted for the policies it holds) rather than of a policy file. */
export function isTemplateDetection(detection: Detection | undefined): boolean {
  return detection?.kind === CLOUDFORMATION_TEMPLATES.name || detection?.kind === TERRAFORM_FILES.name;
}

/** Whether the walk reads a file of this name at all. */
export function isConsidered(fileName: string, kinds: readonly FileKind[] = FILE_KINDS): boolean {
  return kinds.some((k) => k.considers(fileName));
}

/** Whether some kind claims the file by its name alone. */
export function isClaimedByName(fileName: string, kinds: readonly FileKind[] = FILE_KINDS): boolean {
  return kinds.some((k) => k.considers(fileName) && k.claimedByName(fileName));
}

/**
 * Which kind a file is, by name then content; undefined for a file no kind recognises. `anyName` asks every kind
 * whatever the file's extension: for a file named on the command line, which is linted anyway.
 */
export function detectFile(fileName: string, text: string, anyName = false, kinds: readonly FileKind[] = FILE_KINDS): Detection | undefined {
  for (const k of kinds) {
    if (!anyName && !k.considers(fileName)) continue;
    const reason = k.detect(fileName, text);
    if (reason) return { kind: k.name, reason };
  }
  return undefined;
}

/**
 * Why no kind recognised a file: not considered by name, or considered and then not recognised (by the last kind
 * that considered it: for a JSON file, why it is not a policy).
 */
export function notDetectedReason(fileName: string, kinds: readonly FileKind[] = FILE_KINDS): string {
  return kinds.filter((k) => k.considers(fileName)).pop()?.notDetected ?? 'not a JSON, YAML or Terraform file';
}
