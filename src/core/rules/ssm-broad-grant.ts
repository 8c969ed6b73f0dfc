import { parseArn } from '../policy/arn';
import type { Located, Statement } from '../policy/types';
import { allowItemGranting, describeGrant } from '../ssm/action-grants';
import type { Finding, PolicyRule } from './rule';

/**
 * Condition keys that narrow how or from where a request is made but not which parameters or documents it reaches;
 * any other key (resource tags, aws:ResourceAccount, aws:CalledVia, ssm:Overwrite …) is taken to scope the grant.
 */
const NOT_SCOPING = new Set([
  'aws:securetransport',
  'aws:multifactorauthpresent',
  'aws:multifactorauthage',
  'aws:requestedregion',
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:vpcsourceip',
  'aws:currenttime',
  'aws:epochtime',
  'aws:tokenissuetime',
  'aws:useragent',
]);

interface Category {
  messageId: 'readParameters' | 'writeParameters' | 'shareDocuments';
  actions: string[];
  /** The resource part a Resource ARN covers every resource of the category with (after the type word). */
  type: 'parameter' | 'document';
}

const CATEGORIES: Category[] = [
  { messageId: 'readParameters', actions: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath', 'ssm:GetParameterHistory'], type: 'parameter' },
  { messageId: 'writeParameters', actions: ['ssm:PutParameter', 'ssm:DeleteParameter', 'ssm:DeleteParameters', 'ssm:LabelParameterVersion'], type: 'parameter' },
  { messageId: 'shareDocuments', actions: ['ssm:ModifyDocumentPermission'], type: 'document' },
];

/**
 * Allow statements that grant, without a condition that scopes them, all of Systems Manager or its parameter and
 * document-sharing actions on every parameter or document: security warnings beside ssm-remote-command-unrestricted,
 * which covers Run Command and Session Manager.
 */
export const ssmBroadGrant: PolicyRule = {
  id: 'ssm-broad-grant',
  meta: {
    description: 'Systems Manager grants should not reach every parameter or document: ssm:*, reading or writing all parameters, sharing any document.',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['identity'],
    messages: {
      allSsm:
        '"{{item}}" on {{scope}} grants every Systems Manager action on every resource: reading every SecureString parameter (decrypted with the default aws/ssm key), changing and deleting parameters, ' +
        'sharing documents with other accounts or publicly, and running commands on every managed node. Grant the actions the role needs, on the parameters and documents it uses.',
      readParameters:
        '{{grant}} on {{scope}} reads every parameter of the account, including each SecureString decrypted with the default aws/ssm key (database passwords, API keys). ' +
        'Name the parameter path the role needs, e.g. arn:aws:ssm:us-east-2:111122223333:parameter/app/prod/*, or add a resource tag condition.',
      writeParameters:
        '{{grant}} on {{scope}} can overwrite or delete every parameter of the account, including those other applications read their configuration and secrets from. ' +
        'Name the parameter path the role writes, e.g. arn:aws:ssm:us-east-2:111122223333:parameter/app/prod/*.',
      shareDocuments:
        '{{grant}} on {{scope}} can share any SSM document of the account with other accounts or make it public, with the commands and parameters inside it. ' +
        'Name the documents that may be shared, e.g. arn:aws:ssm:us-east-2:111122223333:document/MyTeam-*.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      if (!st.action || scoped(st)) continue;
      const all = st.effect?.value === 'Allow' ? st.action.items.find((item) => /^ssm:\*+$/i.test(item.value)) : undefined;
      if (all) {
        const scope = everyResource(st, 'parameter');
        if (scope) {
          findings.push({ messageId: 'allSsm', node: all.node, data: { item: all.value, scope } });
          continue;
        }
      }
      for (const category of CATEGORIES) {
        const granted = firstGrant(st, category.actions);
        const scope = granted && everyResource(st, category.type);
        if (!granted || !scope) continue;
        findings.push({ messageId: category.messageId, node: granted.item.node, data: { grant: describeGrant(granted.item, granted.action), scope } });
      }
    }
    return findings;
  },
};

function firstGrant(st: Statement, actions: string[]): { item: Located<string>; action: string } | undefined {
  for (const action of actions) {
    const item = allowItemGranting(st, action);
    if (item) return { item, action };
  }
  return undefined;
}

/** True when a condition key other than the request-context ones above may narrow the resources. */
function scoped(st: Statement): boolean {
  return (st.condition?.operators ?? []).some((op) => op.entries.some((e) => !NOT_SCOPING.has(e.key.toLowerCase())));
}

/**
 * How the statement reaches every resource of the type, quoted for the message ("*", "arn:aws:ssm:*:*:parameter/*",
 * "everything but …" for NotResource), or undefined when it names some only.
 */
function everyResource(st: Statement, type: 'parameter' | 'document'): string | undefined {
  if (st.resource) {
    const item = st.resource.items.find((r) => coversEvery(r.value, type));
    return item ? `"${item.value}"` : undefined;
  }
  if (st.notResource) {
    // NotResource grants everything it does not list: every resource unless it excludes them all.
    if (st.notResource.items.some((r) => coversEvery(r.value, type))) return undefined;
    return `everything but ${st.notResource.items.map((r) => `"${r.value}"`).slice(0, 2).join(', ')} (NotResource)`;
  }
  return undefined;
}

/** `*`, or an ssm ARN (of any Region and account) whose resource part is only wildcards, or the type word and wildcards. */
function coversEvery(value: string, type: string): boolean {
  if (/^\*+$/.test(value)) return true;
  const arn = parseArn(value);
  if (!arn || !/^(?:ssm|\*+)$/i.test(arn.service)) return false;
  // Only an ARN that can match parameters at all: a Region code (or wildcard) and an account ID (or wildcard).
  if (!/^(?:\**|[a-z]{2}(?:-[a-z]+)+-\d+|\$\{[^}]+\})$/.test(arn.region) || !/^(?:\*+|\d{12}|\$\{[^}]+\})$/.test(arn.account)) return false;
  return new RegExp(`^(?:\\*+|${type}\\/?\\*+)$`).test(arn.resource);
}
