import * as vscode from 'vscode';
import type { LintFinding } from '../../core/lint';

/** Values longer than this are shortened in titles. */
const MAX_SHOWN = 80;

/** The title of the quick fix of one finding: what the fix does, in the user's language. */
export function fixTitle(finding: LintFinding): string {
  const data = finding.data ?? {};
  const value = newValue(finding);
  const suggestion = shorten(data.suggestion ?? value ?? '');
  switch (finding.ruleId) {
    case 'version-missing':
      return vscode.l10n.t('Add "Version": "2012-10-17"');
    case 'version-outdated':
    case 'version-invalid':
      return vscode.l10n.t('Set "Version" to "2012-10-17"');
    case 'effect-value':
      return vscode.l10n.t('Change Effect to "{0}"', suggestion);
    case 'condition-wildcard-in-equals':
      return vscode.l10n.t('Change {0} to {1}', data.operator ?? '', suggestion);
    case 'condition-operator-unknown':
      return vscode.l10n.t('Rename the condition operator to "{0}"', suggestion);
    case 'condition-key-unknown':
      return vscode.l10n.t('Change the condition key to "{0}"', suggestion);
    case 'action-unknown':
    case 'action-unknown-service':
    case 'action-missing-prefix':
      return vscode.l10n.t('Change the action to "{0}"', suggestion);
    case 'action-redundant':
      return vscode.l10n.t('Remove the redundant action "{0}"', shorten(data.action ?? ''));
    case 'principal-service':
      return value !== undefined
        ? vscode.l10n.t('Change the service principal to "{0}"', shorten(value))
        : vscode.l10n.t('Write each service principal as a string of its own');
    case 'principal-aws-format':
      return vscode.l10n.t('Change the principal to "{0}"', suggestion);
    case 'ssm-service-setting-id':
      return data.suggestion
        ? vscode.l10n.t('Change the service setting to "{0}"', suggestion)
        : vscode.l10n.t('Change the ARN to "{0}"', shorten(value ?? ''));
    case 'ssm-dhmc-role-path':
      return vscode.l10n.t('Add the /service-role/ path to the role ARN');
    case 'passrole-no-passed-to-service':
      return vscode.l10n.t('Add an iam:PassedToService condition for ssm.amazonaws.com');
    case 'ssm-session-manager-channels':
      return vscode.l10n.t('Add {0}', data.missing ?? '');
    case 'ssm-document-account':
      return vscode.l10n.t('Remove the account from the ARN of the AWS-owned document {0}', shorten(data.name ?? ''));
    case 'json-comments':
      return vscode.l10n.t('Remove the comment');
    case 'json-trailing-comma':
      return vscode.l10n.t('Remove the trailing comma');
    case 'trust-policy-resource':
      return vscode.l10n.t('Remove "{0}" from the trust policy statement', data.element ?? '');
    case 'unknown-element':
      return vscode.l10n.t('Rename "{0}" to "{1}"', data.key ?? '', suggestion);
    case 'sid-format':
      return vscode.l10n.t('Rename the Sid to "{0}"', shorten(value ?? ''));
    case 'arn-syntax':
      return vscode.l10n.t('Write the ARN prefix in lower case');
  }
  if (value !== undefined) return vscode.l10n.t('Change to "{0}"', shorten(value));
  return vscode.l10n.t('Fix this {0} problem', finding.ruleId);
}

/** The string a fix writes when it replaces one value with another string (the usual did-you-mean fix). */
function newValue(finding: LintFinding): string | undefined {
  const edits = finding.fix ?? [];
  const only = edits.length === 1 ? edits[0] : undefined;
  if (!only?.content.startsWith('"')) return undefined;
  try {
    const parsed: unknown = JSON.parse(only.content);
    return typeof parsed === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function shorten(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}
