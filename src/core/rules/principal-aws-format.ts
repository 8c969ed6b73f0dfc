import { partitionById } from '../iam/partitions';
import { parseArn } from '../policy/arn';
import { replaceNode } from '../policy/edits';
import { findPlaceholders } from '../policy/placeholders';
import { WEB_IDENTITY_PROVIDERS } from '../policy/service-principals';
import type { Located } from '../policy/types';
import { ownEntry } from '../util/own';
import { hasWildcard } from '../util/wildcard';
import type { Finding, PolicyRule } from './rule';

const INVALID = 'IAM rejects it ("Invalid principal in policy")';
const FORMS =
  'Under "AWS" write "*", a 12-digit account ID, or an ARN such as arn:aws:iam::<account ID>:root, arn:aws:iam::<account ID>:role/<name>, arn:aws:iam::<account ID>:user/<name>, arn:aws:sts::<account ID>:assumed-role/<role>/<session> or arn:aws:sts::<account ID>:federated-user/<name>.';

/** Characters IAM allows in user and role names and paths. */
const NAME_PATH = /^[\w+=,.@/-]+$/;
/** Characters IAM allows in a role session name or a federated user name. */
const SESSION_NAME = /^[\w+=,.@-]+$/;
/** Unique IDs (AIDA…, AROA…) that IAM shows for a deleted user or role; not this rule's business. */
const UNIQUE_ID = /^A[A-Z]{3}[A-Z0-9]{12,28}$/;
/** Host names of service principals (ssm.amazonaws.com, alexa-appkit.amazon.com). */
const SERVICE_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:amazonaws\.com(?:\.cn)?|amazon\.com)$/i;

type Problem = { messageId: string; data?: Record<string, string>; suggestion?: string };

/** A value under "AWS" in Principal or NotPrincipal that IAM rejects or that can never match a principal. */
export const principalAwsFormat: PolicyRule = {
  id: 'principal-aws-format',
  meta: {
    description: 'Values under "AWS" in a principal must be "*", a 12-digit account ID, or the ARN of an account, IAM user or role, or STS session.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['trust', 'resource'],
    messages: {
      whitespace: `"{{value}}" has white space around it, so ${INVALID}. Write "{{suggestion}}".`,
      accountLength: `"{{value}}" has {{count}} digits, but an AWS account ID has exactly 12 (keep leading zeros), so ${INVALID}. Check the account ID.`,
      accountSeparators: `"{{value}}" is an account ID written with separators, so ${INVALID}. Write the 12 digits alone: "{{suggestion}}".`,
      bareName: `"{{value}}" is a name, not a principal: ${INVALID}. Write the ARN, such as "{{suggestion}}" with your 12-digit account ID.`,
      serviceInAws: `"{{value}}" is a service principal listed under "AWS", so ${INVALID}. Move it under "Service": { "Service": "{{value}}" }.`,
      federatedInAws: `"{{value}}" is an identity provider listed under "AWS", so ${INVALID}. Move it under "Federated" and grant {{action}}.`,
      otherService: `"{{value}}" is an ARN of the "{{service}}" service, not a principal, so ${INVALID}. ${FORMS} A resource belongs in "Resource"; to let a service act for it, name the service under "Service" with an "aws:SourceArn" condition.`,
      group: `"{{value}}" is an IAM group, and groups cannot be principals, so ${INVALID}. Name the users, or a role that the group's members may assume.`,
      wildcard: `"{{value}}" has a wildcard inside a principal, and ${INVALID}: "*" alone means every principal, but it cannot match part of an account or ARN. Write "*" (or the account) and narrow it with a condition such as {{condition}}.`,
      wrongNamespace: `"{{value}}" puts {{what}} in the "{{service}}" namespace, but such ARNs are in "{{expected}}", so ${INVALID}. Write "{{suggestion}}".`,
      sessionMissing: `"{{value}}" names an assumed role without a session, so ${INVALID}. An assumed-role principal is arn:aws:sts::<account ID>:assumed-role/<role>/<session>; to trust every session of the role, write the role ARN "{{suggestion}}" (with the role's path, if it has one).`,
      arnAccount: `The account "{{account}}" in "{{value}}" is not a 12-digit account ID, so ${INVALID}. Write the 12 digits (keep leading zeros).`,
      malformed: `"{{value}}" is not a valid principal: {{problem}}{{problemValue}}{{problemEnd}}. IAM rejects it ("Invalid principal in policy"). ${FORMS}`,
      changePrincipal: 'Change the principal to "{{suggestion}}"',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const block of [st.principal, st.notPrincipal]) {
        for (const entry of block?.entries ?? []) {
          if (entry.type !== 'AWS') continue;
          for (const item of entry.values) {
            const problem = diagnose(item.value);
            if (problem) findings.push(toFinding(item, problem));
          }
        }
      }
    }
    return findings;
  },
};

function toFinding(item: Located<string>, problem: Problem): Finding {
  const value = item.value.length > 200 ? `${item.value.slice(0, 200)}…` : item.value;
  const data: Record<string, string> = { value, ...problem.data };
  const finding: Finding = { messageId: problem.messageId, node: item.node, data };
  if (problem.suggestion !== undefined) {
    data.suggestion = problem.suggestion;
    // A bare name's suggestion holds an "<account ID>" placeholder: not an edit to offer.
    if (problem.messageId !== 'bareName') finding.suggestions = [{ messageId: 'changePrincipal', fix: replaceNode(item.node, problem.suggestion) }];
  }
  return finding;
}

/** What is wrong with one value under "AWS"; undefined when it is valid or belongs to another rule. */
function diagnose(value: string): Problem | undefined {
  // Empty strings are empty-value's, huge ones are not principals anyone wrote by hand.
  if (value === '' || value === '*' || value.length > 2048) return undefined;
  // Documentation placeholders ("account-id", "<ACCOUNT_ID>", "{{Account}}") are the placeholder rule's.
  if (findPlaceholders(value, 'principal').length > 0) return undefined;
  // Policy variables and template expressions: what they become is not known here.
  if (value.includes('${')) return undefined;
  const trimmed = value.trim();
  if (trimmed !== value) {
    if (trimmed === '') return undefined;
    return { messageId: 'whitespace', suggestion: trimmed };
  }
  if (/^\d+$/.test(value)) {
    return value.length === 12 ? undefined : { messageId: 'accountLength', data: { count: String(value.length) } };
  }
  if (/^\d[\d .-]*\d$/.test(value)) {
    const digits = value.replace(/\D/g, '');
    if (digits.length === 12) return { messageId: 'accountSeparators', suggestion: digits };
    return { messageId: 'accountLength', data: { count: String(digits.length) } };
  }
  if (UNIQUE_ID.test(value)) return undefined;
  if (WEB_IDENTITY_PROVIDERS.includes(value.toLowerCase())) {
    return { messageId: 'federatedInAws', data: { action: 'sts:AssumeRoleWithWebIdentity' } };
  }
  if (SERVICE_HOST.test(value)) return { messageId: 'serviceInAws' };
  if (value.startsWith('arn:')) return diagnoseArn(value);
  if (hasWildcard(value)) return wildcard(value);
  if (NAME_PATH.test(value)) return { messageId: 'bareName', suggestion: exampleArn(value) };
  return malformed('it is neither an account ID nor an ARN');
}

/**
 * A malformed principal: the problem's words, and the value they name with the words after it apart
 * (`"aws-xx"`, ' is not an AWS partition …'), so that the words can be translated.
 */
function malformed(problem: string, problemValue = '', problemEnd = ''): Problem {
  return { messageId: 'malformed', data: { problem, problemValue, problemEnd } };
}

function wildcard(value: string): Problem {
  const condition = value.startsWith('arn:')
    ? `"ArnLike": { "aws:PrincipalArn": "${value}" }`
    : /^[\d*?]+$/.test(value)
      ? `"StringLike": { "aws:PrincipalAccount": "${value}" }`
      : '"aws:PrincipalOrgID" or "ArnLike" on "aws:PrincipalArn"';
  return { messageId: 'wildcard', data: { condition } };
}

/** An ARN for a name written without one: "MyRole" → arn:aws:iam::<account ID>:role/MyRole. */
function exampleArn(value: string): string {
  const path = value.replace(/^\/+/, '');
  if (/^(?:role|user)\//.test(path)) return `arn:aws:iam::<account ID>:${path}`;
  if (path === 'root') return 'arn:aws:iam::<account ID>:root';
  return `arn:aws:iam::<account ID>:role/${path}`;
}

function diagnoseArn(value: string): Problem | undefined {
  const arn = parseArn(value);
  if (!arn) return malformed('an ARN has six fields separated by colons (arn:partition:service:region:account:resource)');
  const { partition, service, region, account, resource } = arn;
  if (service !== 'iam' && service !== 'sts' && !hasWildcard(service)) {
    return { messageId: 'otherService', data: { service: service || 'unnamed' } };
  }
  if (hasWildcard(value)) return wildcard(value);
  if (!partitionById(partition)) {
    return malformed('', `"${partition}"`, ' is not an AWS partition (aws, aws-cn, aws-us-gov …)');
  }
  // CloudFront origin access identities are IAM users of the "cloudfront" account (S3 bucket policies).
  if (service === 'iam' && account === 'cloudfront' && resource.startsWith('user/CloudFront Origin Access Identity ')) return undefined;
  const slash = resource.indexOf('/');
  const type = slash < 0 ? resource : resource.slice(0, slash);
  const rest = slash < 0 ? '' : resource.slice(slash + 1);
  if (type === 'saml-provider') return { messageId: 'federatedInAws', data: { action: 'sts:AssumeRoleWithSAML' } };
  if (type === 'oidc-provider') return { messageId: 'federatedInAws', data: { action: 'sts:AssumeRoleWithWebIdentity' } };
  if (type === 'group') return { messageId: 'group' };
  if (region !== '') {
    return malformed('IAM and STS are global, so their ARNs have no Region (', `"${region}"`, ')');
  }
  if (!/^\d{12}$/.test(account)) return { messageId: 'arnAccount', data: { account } };
  const iamTypes: Record<string, string> = { root: 'the account root', user: 'an IAM user', role: 'an IAM role' };
  const stsTypes: Record<string, string> = { 'assumed-role': 'an assumed-role session', 'federated-user': 'a federated user session' };
  const swap = (expected: string, what: string): Problem => ({
    messageId: 'wrongNamespace',
    data: { what, service, expected },
    suggestion: `arn:${partition}:${expected}::${account}:${resource}`,
  });
  const iamType = ownEntry(iamTypes, type);
  const stsType = ownEntry(stsTypes, type);
  if (service === 'sts' && iamType) return swap('iam', iamType);
  if (service === 'iam' && stsType) return swap('sts', stsType);
  switch (type) {
    case 'root':
      return resource === 'root' ? undefined : malformed('an account principal ends in ":root"');
    case 'user':
    case 'role': {
      const name = rest.split('/').pop() ?? '';
      const user = type === 'user';
      if (name === '') return malformed(user ? 'the user name is missing after "user/"' : 'the role name is missing after "role/"');
      if (!NAME_PATH.test(rest)) {
        return malformed('', `"${rest}"`, user ? ' has characters that IAM user names and paths cannot contain' : ' has characters that IAM role names and paths cannot contain');
      }
      return undefined;
    }
    case 'assumed-role': {
      const parts = rest.split('/');
      if (parts.length === 1 && parts[0] !== '') {
        return { messageId: 'sessionMissing', suggestion: `arn:${partition}:iam::${account}:role/${parts[0] ?? ''}` };
      }
      if (parts.length !== 2 || !parts.every((p) => SESSION_NAME.test(p))) {
        return malformed('an assumed-role principal is "assumed-role/<role name>/<session name>"');
      }
      return undefined;
    }
    case 'federated-user':
      return SESSION_NAME.test(rest) ? undefined : malformed('a federated user principal is "federated-user/<user name>"');
    default:
      return malformed('', `"${type}"`, ' is not a principal type (IAM principal ARNs end in root, user/…, role/…; STS ones in assumed-role/… or federated-user/…)');
  }
}
