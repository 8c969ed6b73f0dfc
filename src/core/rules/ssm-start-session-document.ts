import { parseArn, type ArnParts } from '../policy/arn';
import { appendValues } from '../policy/edits';
import { moveToNewStatement } from '../policy/statement-edits';
import type { Located, ParsedPolicy, Statement } from '../policy/types';
import { allowItemGranting } from '../ssm/action-grants';
import { awsOwnedDocumentPrefix } from '../ssm/aws-owned-documents';
import { untaggedDenyingKey } from '../ssm/document-tags';
import { wildcardToRegExp } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

const START_SESSION = 'ssm:StartSession';
const ACCESS_CHECK = 'ssm:sessiondocumentaccesscheck';
/** The default session document, created in each account and Region from the session preferences. */
const DEFAULT_DOCUMENT = 'SSM-SessionManagerRunShell';

/** The Session documents AWS owns, started with `aws ssm start-session --document-name …`, and the default one. */
export const SESSION_DOCUMENTS: ReadonlySet<string> = new Set([
  DEFAULT_DOCUMENT,
  'AWS-StartPortForwardingSession',
  'AWS-StartPortForwardingSessionToRemoteHost',
  'AWS-StartPortForwardingSessionToSocket',
  'AWS-StartSSHSession',
  'AWS-StartInteractiveCommand',
  'AWS-StartNonInteractiveCommand',
  'AWS-PasswordReset',
]);

/**
 * ssm:StartSession granted on nodes where the policy shows that a session document is needed, but no grant of
 * StartSession reaches that document: Session Manager checks StartSession against the document named in
 * `--document-name` (port forwarding, SSH …), and against the default document when ssm:SessionDocumentAccessCheck is
 * true, so those sessions are denied.
 */
export const ssmStartSessionDocument: PolicyRule = {
  id: 'ssm-start-session-document',
  meta: {
    description: 'ssm:StartSession must also be granted on the session documents the policy shows it uses (port forwarding, SSH, the document access check).',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity'],
    messages: {
      accessCheckWithoutDocument:
        'ssm:SessionDocumentAccessCheck is true, so Session Manager checks ssm:StartSession against the session document as well as the node, also for sessions started without --document-name (the default {{document}}). ' +
        'No statement of this policy grants ssm:StartSession on a document, so every session is denied. Add the document ARN, e.g. "{{suggestion}}", to the Resource of this statement.',
      untaggedDocument:
        'ssm:StartSession on "{{arn}}" is allowed only when the resource has the tag in "{{key}}". Session Manager checks StartSession against the session document too, and AWS-owned documents carry no tags, ' +
        'so sessions that use {{document}} are denied. Grant the document in a statement without the tag condition.',
      documentNotGranted:
        'This policy names the session document {{document}}, but ssm:StartSession is granted only on {{targets}}. A session started with --document-name {{document}} is checked against the document, so it is denied. ' +
        'Add "{{suggestion}}" to the Resource of the ssm:StartSession statement.',
      addDocument: 'Add "{{suggestion}}" to the ssm:StartSession statement',
      moveDocument: 'Grant "{{arn}}" in a statement of its own without the condition',
    },
  },
  check(policy) {
    const grants = policy.statements.filter((st) => allowItemGranting(st, START_SESSION) && st.resource);
    if (grants.length === 0) return [];
    return [...accessCheckFindings(policy, grants), ...untaggedFindings(policy, grants), ...notGrantedFindings(policy, grants)];
  },
};

/** A Resource item that may name some SSM document: "*", or an ARN of ssm (or a wildcard service) whose resource part may start with "document/". */
function reachesDocuments(item: Located<string>): boolean {
  if (/^\*+$/.test(item.value)) return true;
  const arn = parseArn(item.value);
  if (!arn || !/^(?:ssm|\*+)$/i.test(arn.service)) return false;
  const literal = arn.resource.split(/[*?]|\$\{/)[0] ?? '';
  return literal.length < arn.resource.length ? 'document/'.startsWith(literal) || literal.startsWith('document/') : literal.startsWith('document/');
}

/** A Resource item that may name the document of the given name. */
function coversDocument(item: Located<string>, name: string): boolean {
  if (/^\*+$/.test(item.value)) return true;
  const arn = parseArn(item.value);
  if (!arn || !/^(?:ssm|\*+)$/i.test(arn.service)) return false;
  return wildcardToRegExp(arn.resource).test(`document/${name}`);
}

/** The document named by an ssm document ARN without wildcards, with its parsed ARN. */
function documentName(item: Located<string>): { name: string; arn: ArnParts } | undefined {
  const arn = parseArn(item.value);
  if (!arn || arn.service !== 'ssm' || !arn.resource.startsWith('document/')) return undefined;
  const name = arn.resource.slice('document/'.length);
  return /^[A-Za-z0-9_.-]+$/.test(name) ? { name, arn } : undefined;
}

/** An ARN for a document in the Region and account of the statement's node ARNs (or "*"). */
function documentArn(st: Statement, name: string, owned: boolean): string {
  const node = (st.resource?.items ?? []).map((r) => parseArn(r.value)).find((a) => a && /^(?:instance|managed-instance)\//.test(a.resource));
  const partition = node?.partition && !/[*?]/.test(node.partition) ? node.partition : 'aws';
  const region = node?.region || '*';
  const account = owned ? '' : node?.account || '*';
  return `arn:${partition}:ssm:${region}:${account}:document/${name}`;
}

function accessCheckFindings(policy: ParsedPolicy, grants: Statement[]): Finding[] {
  if (grants.some((st) => (st.resource?.items ?? []).some(reachesDocuments))) return [];
  const findings: Finding[] = [];
  for (const st of grants) {
    for (const op of st.condition?.operators ?? []) {
      if (!/^Bool(?:IfExists)?$/.test(op.operator)) continue;
      for (const entry of op.entries) {
        if (entry.key.toLowerCase() !== ACCESS_CHECK || !entry.values.some((v) => String(v.value).toLowerCase() === 'true')) continue;
        const suggestion = documentArn(st, DEFAULT_DOCUMENT, false);
        const resource = st.resource;
        findings.push({
          messageId: 'accessCheckWithoutDocument',
          node: entry.keyNode,
          data: { document: DEFAULT_DOCUMENT, suggestion },
          suggestions: resource ? [{ messageId: 'addDocument', data: { suggestion }, fix: appendValues(policy.text, resource.node, [suggestion]) }] : [],
        });
      }
    }
  }
  return findings;
}

function untaggedFindings(policy: ParsedPolicy, grants: Statement[]): Finding[] {
  const findings: Finding[] = [];
  for (const st of grants) {
    const key = untaggedDenyingKey(st);
    if (!key) continue;
    for (const item of st.resource?.items ?? []) {
      const doc = documentName(item);
      if (!doc || doc.arn.account !== '' || !awsOwnedDocumentPrefix(doc.name)) continue;
      // Another grant without such a condition reaches the document: sessions with it work.
      if (grants.some((g) => g !== st && !untaggedDenyingKey(g) && (g.resource?.items ?? []).some((r) => coversDocument(r, doc.name)))) continue;
      const fix = moveToNewStatement(policy, st, item, 'Resource', START_SESSION, false);
      findings.push({
        messageId: 'untaggedDocument',
        node: item.node,
        data: { arn: item.value, key: key.key, document: doc.name },
        suggestions: fix.length > 0 ? [{ messageId: 'moveDocument', data: { arn: item.value }, fix }] : [],
      });
    }
  }
  return findings;
}

function notGrantedFindings(policy: ParsedPolicy, grants: Statement[]): Finding[] {
  const findings: Finding[] = [];
  const target = grants.find((st) => st.resource?.node.type === 'array' || st.resource?.node.type === 'string');
  const targets = [...new Set(grants.flatMap((st) => (st.resource?.items ?? []).map((r) => `"${r.value}"`)))].slice(0, 3).join(', ');
  for (const st of policy.statements) {
    if (st.effect?.value !== 'Allow' || grants.includes(st)) continue;
    for (const item of st.resource?.items ?? []) {
      const doc = documentName(item);
      if (!doc || !SESSION_DOCUMENTS.has(doc.name)) continue;
      if (grants.some((g) => (g.resource?.items ?? []).some((r) => coversDocument(r, doc.name)))) continue;
      const suggestion = target ? documentArn(target, doc.name, awsOwnedDocumentPrefix(doc.name) !== undefined) : item.value;
      const resource = target?.resource;
      findings.push({
        messageId: 'documentNotGranted',
        node: item.node,
        data: { document: doc.name, targets, suggestion },
        suggestions: resource ? [{ messageId: 'addDocument', data: { suggestion }, fix: appendValues(policy.text, resource.node, [suggestion]) }] : [],
      });
    }
  }
  return findings;
}
