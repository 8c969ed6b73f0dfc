import * as vscode from 'vscode';
import { looksLikeCloudFormation } from '../../core/embedded/detect';
import { kindFromFileName, looksLikePolicy } from '../../core/policy/detect';
import { kindFromGlobs, type PolicyDetection } from '../../core/policy/globs';
import type { PolicyKind, StandaloneKind } from '../../core/policy/types';

/** The languages whose documents may be policies. */
export const POLICY_LANGUAGES: readonly string[] = ['json', 'jsonc'];

/** The selector for providers over policy documents (every scheme: files, untitled, remote). */
export const POLICY_DOCUMENT_SELECTOR: vscode.DocumentSelector = POLICY_LANGUAGES.map((language) => ({ language }));

/** The `ssmPolicy.schemas.*` settings that name policy files by glob, by kind. */
const GLOB_SETTINGS: Readonly<Record<StandaloneKind, string>> = {
  identity: 'schemas.identityPolicyFiles',
  trust: 'schemas.trustPolicyFiles',
  scp: 'schemas.scpFiles',
};

export type { PolicyDetection } from '../../core/policy/globs';

/** A document found to be a policy; `kind` is set when the file name or settings say which kind. */
export interface PolicyDocumentInfo {
  kind?: PolicyKind;
  /** What told: `fileName` documents get their JSON schema from package.json, the others from the extension. */
  detectedBy: PolicyDetection;
}

/** The parts of a document the detection reads, so files can be checked without opening them. */
export interface PolicyDocumentLike {
  uri: vscode.Uri;
  /** Checked when given: only json and jsonc documents are policies. */
  languageId?: string;
  getText(): string;
}

/**
 * Whether a document is a policy the extension works on, and of which kind: a match of the `ssmPolicy.schemas.*`
 * globs first, then a conventional file name (`*.policy.json`, `*-trust.json`, `*.scp.json` …), then, when
 * `ssmPolicy.detectByContent` is on, content that looks like a policy. Undefined for any other document.
 */
export function isPolicyDocument(doc: PolicyDocumentLike): PolicyDocumentInfo | undefined {
  if (doc.languageId !== undefined && !POLICY_LANGUAGES.includes(doc.languageId)) return undefined;
  const config = vscode.workspace.getConfiguration('ssmPolicy', doc.uri);
  // The same order as the diagnostics (core/policy/globs documentPolicyKind), keeping what decided.
  if (doc.uri.scheme !== 'untitled') {
    const globs: Partial<Record<StandaloneKind, string[]>> = {};
    for (const [kind, key] of Object.entries(GLOB_SETTINGS) as [StandaloneKind, string][]) {
      const value = config.get<unknown>(key);
      if (Array.isArray(value)) globs[kind] = value.filter((g): g is string => typeof g === 'string');
    }
    const byGlob = kindFromGlobs(globs, doc.uri.path);
    if (byGlob) return { kind: byGlob, detectedBy: 'setting' };
    const byName = kindFromFileName(doc.uri.path);
    if (byName) return { kind: byName, detectedBy: 'fileName' };
  }
  // A CloudFormation template in JSON holds statements too, but it is a template (see src/core/embedded).
  const text = doc.getText();
  if (config.get<boolean>('detectByContent', true) !== false && looksLikePolicy(text) && !looksLikeCloudFormation(text)) return { detectedBy: 'content' };
  return undefined;
}
