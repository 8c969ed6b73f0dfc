import type { StandaloneKind } from '../policy/types';
import { SCP_SYNTAX_DOC, elementDoc } from './links';

/** The text of one element's hover: what it is, the forms it takes, an example and its reference page. */
interface ElementDoc {
  /** One or two sentences; inline Markdown (`code`, **bold**) allowed. */
  summary: string;
  /** Further paragraphs for the hover only. */
  details?: string[];
  /** A JSON fragment, shown as a code block. */
  example?: string;
  /** [title, url] of the reference pages. */
  links: [string, string][];
}

/** `description` (plain, for clients without Markdown) and `markdownDescription` (hover) of a schema node. */
export interface Described {
  description: string;
  markdownDescription: string;
}

function render(doc: ElementDoc): Described {
  const parts = [doc.summary, ...(doc.details ?? [])];
  if (doc.example) parts.push(`Example:\n\n\`\`\`json\n${doc.example}\n\`\`\``);
  parts.push(doc.links.map(([title, url]) => `[${title}](${url})`).join(' · '));
  return { description: plain(doc.summary), markdownDescription: parts.join('\n\n') };
}

/** Inline Markdown reduced to text: code spans and emphasis lose their marks, links keep their title. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}

/** Each kind with its article, for "Each statement of …". */
const KIND_NAME: Record<StandaloneKind, string> = {
  identity: 'an identity policy',
  trust: 'a role trust policy or resource policy',
  scp: 'a service control policy (SCP)',
};

const STRING_OR_LIST = 'A string, or an array of strings.';

/** The policy document itself. */
export function documentDoc(kind: StandaloneKind): Described {
  const what: Record<StandaloneKind, string> = {
    identity:
      'An IAM identity policy: attached to a user, group or role, it says which actions that identity may perform on which resources.',
    trust:
      'A role trust policy (who may assume the role) or a resource policy (who may act on the resource): every statement names a `Principal`.',
    scp: 'An AWS Organizations service control policy: it sets the maximum permissions of the IAM users and roles in the accounts it is attached to, and grants nothing itself.',
  };
  return render({
    summary: what[kind],
    details: ['Top-level elements: `Version`, `Id` (optional) and `Statement`.'],
    links: kind === 'scp' ? [['SCP syntax', SCP_SYNTAX_DOC]] : [['IAM JSON policy grammar', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html']],
  });
}

/** The hover of `Version`; an SCP must name 2012-10-17. */
export function versionDoc(kind: StandaloneKind): Described {
  return render({
    summary:
      kind === 'scp'
        ? 'The version of the policy language. Every SCP must include `"Version": "2012-10-17"`.'
        : 'The version of the policy language, not a date of your choosing. Always write `"2012-10-17"`.',
    details: [
      '`"2012-10-17"` is the current language. `"2008-10-17"` is an outdated one: policy variables such as `${aws:username}` are treated as literal text. Without a `Version`, IAM uses `"2008-10-17"`.',
    ],
    example: '"Version": "2012-10-17"',
    links: kind === 'scp' ? [['Version', elementDoc('version')], ['SCP syntax', SCP_SYNTAX_DOC]] : [['Version', elementDoc('version')]],
  });
}

/** The Version values completion offers, with their descriptions. */
export const VERSION_VALUES: readonly { value: string; markdown: string }[] = [
  { value: '2012-10-17', markdown: 'The current version of the policy language. Use it for every policy.' },
  {
    value: '2008-10-17',
    markdown: '**Outdated.** An earlier version of the policy language: policy variables such as `${aws:username}` are not substituted. Do not use it for new policies.',
  },
];

/** The hover of `Id`. */
export function idDoc(kind: StandaloneKind): Described {
  return render({
    summary: 'An optional identifier for the policy, such as a UUID.',
    details: [
      kind === 'trust'
        ? 'Some services (Amazon SQS, Amazon SNS) use it in resource policies and may require it to be unique.'
        : 'Identity policies and SCPs rarely use it; the policy name identifies the policy.',
    ],
    example: '"Id": "cd3ad3d9-2776-4ef1-a904-4c229d1642ee"',
    links: [['Id', elementDoc('id')]],
  });
}

/** The hover of the `Statement` element: which elements a statement of this kind needs. */
export function statementDoc(kind: StandaloneKind): Described {
  const needs: Record<StandaloneKind, string> = {
    identity: '`Effect`, `Action` or `NotAction`, and `Resource` or `NotResource`; optionally `Sid` and `Condition`',
    trust: '`Effect`, `Principal` or `NotPrincipal`, and `Action` or `NotAction`; optionally `Sid`, `Resource` or `NotResource` (resource policies), and `Condition`',
    scp: '`Effect`, `Action` or `NotAction`, and `Resource` or `NotResource`; optionally `Sid` and `Condition`',
  };
  const example: Record<StandaloneKind, string> = {
    identity: '"Statement": [\n  {\n    "Sid": "StartSessions",\n    "Effect": "Allow",\n    "Action": "ssm:StartSession",\n    "Resource": "arn:aws:ec2:us-east-2:123456789012:instance/*"\n  }\n]',
    trust: '"Statement": [\n  {\n    "Effect": "Allow",\n    "Principal": { "Service": "ssm.amazonaws.com" },\n    "Action": "sts:AssumeRole"\n  }\n]',
    scp: '"Statement": [\n  {\n    "Sid": "DenyServiceSettingChanges",\n    "Effect": "Deny",\n    "Action": ["ssm:UpdateServiceSetting", "ssm:ResetServiceSetting"],\n    "Resource": "*"\n  }\n]',
  };
  return render({
    summary: `The statements of the policy: one statement object, or an array of them. Each statement of ${KIND_NAME[kind]} has ${needs[kind]}.`,
    example: example[kind],
    links: [['Statement', elementDoc('statement')]],
  });
}

/** A single statement (the object inside `Statement`). */
export function statementObjectDoc(kind: StandaloneKind): Described {
  return render({
    summary: `One statement of ${KIND_NAME[kind]}: an effect, the actions, and ${kind === 'trust' ? 'the principals' : 'the resources'} it applies to, with optional conditions.`,
    links: [['Statement', elementDoc('statement')]],
  });
}

/** The hover of `Sid`, with the character rule of the kind. */
export function sidDoc(kind: StandaloneKind): Described {
  return render({
    summary: 'An optional statement ID: a short name that says what the statement is for. Unique within the policy.',
    details: [
      kind === 'trust'
        ? 'In role trust policies use ASCII letters and digits only (`A-Z`, `a-z`, `0-9`); some resource policies (Amazon S3, AWS KMS …) also accept spaces.'
        : 'Only ASCII letters and digits (`A-Z`, `a-z`, `0-9`): IAM and AWS Organizations reject spaces, hyphens and other characters.',
    ],
    example: '"Sid": "AllowSessionManager"',
    links: [['Sid', elementDoc('sid')]],
  });
}

/** The hover of `Effect`. */
export function effectDoc(): Described {
  return render({
    summary: 'Whether the statement allows or denies access: `"Allow"` or `"Deny"` (case-sensitive). An explicit deny overrides any allow.',
    example: '"Effect": "Allow"',
    links: [['Effect', elementDoc('effect')]],
  });
}

/** The Effect values completion offers, with their descriptions. */
export const EFFECT_VALUES: readonly { value: string; markdown: string }[] = [
  { value: 'Allow', markdown: 'Grants the listed actions on the listed resources (unless another policy denies them).' },
  { value: 'Deny', markdown: 'Denies the listed actions on the listed resources; overrides any allow.' },
];

/** The hover of `Action`. */
export function actionDoc(kind: StandaloneKind): Described {
  return render({
    summary: `The actions the statement ${kind === 'scp' ? 'allows or denies for the accounts' : 'allows or denies'}, each written \`service-prefix:ActionName\`. ${STRING_OR_LIST}`,
    details: [
      'The service prefix is lowercase (`ssm`, `ec2`, `iam`); action names are case-insensitive. `*` matches any run of characters and `?` one character: `"ssm:Describe*"`, or `"*"` for every action.',
    ],
    example: kind === 'trust' ? '"Action": "sts:AssumeRole"' : '"Action": [\n  "ssm:StartSession",\n  "ssm:TerminateSession"\n]',
    links: [['Action', elementDoc('action')]],
  });
}

/** The hover of `NotAction`. */
export function notActionDoc(): Described {
  return render({
    summary: `Every action **except** those listed. Use it instead of \`Action\`, never together with it. ${STRING_OR_LIST}`,
    details: [
      'With `"Effect": "Allow"` it grants every other action, including those of services added later, so it is mostly used with `"Effect": "Deny"`.',
    ],
    example: '"NotAction": [\n  "iam:*",\n  "organizations:*"\n]',
    links: [['NotAction', elementDoc('notaction')]],
  });
}

/** The hover of `Resource`. */
export function resourceDoc(kind: StandaloneKind): Described {
  return render({
    summary: `The resources the statement covers, as ARNs; \`"*"\` for all resources. ${STRING_OR_LIST}`,
    details: [
      'Wildcards `*` and `?` may appear in any part of an ARN, and policy variables such as `${aws:username}` in the resource path.',
      ...(kind === 'trust' ? ['Resource policies (S3 bucket, KMS key …) name their resources here; a role trust policy has no `Resource`.'] : []),
    ],
    example: '"Resource": [\n  "arn:aws:ssm:us-east-2:123456789012:document/MyDocument",\n  "arn:aws:ec2:us-east-2:123456789012:instance/*"\n]',
    links: [['Resource', elementDoc('resource')]],
  });
}

/** The hover of `NotResource`. */
export function notResourceDoc(): Described {
  return render({
    summary: `Every resource **except** those listed, as ARNs. Use it instead of \`Resource\`, never together with it. ${STRING_OR_LIST}`,
    example: '"NotResource": "arn:aws:s3:::amzn-s3-demo-bucket/*"',
    links: [['NotResource', elementDoc('notresource')]],
  });
}

/** The hover of `Condition`. */
export function conditionDoc(): Described {
  return render({
    summary:
      'When the statement applies: an object whose keys are condition operators, each mapping condition keys to a value or an array of values. All operators must match; within one key, any one value may match.',
    details: [
      'Operators such as `StringEquals`, `ArnLike`, `Bool`, `IpAddress`, `DateLessThan` or `Null` are case-sensitive; most take an `IfExists` suffix, and `ForAllValues:` or `ForAnyValue:` before them compares multivalued keys.',
    ],
    example: '"Condition": {\n  "StringEquals": { "aws:ResourceTag/team": "ops" },\n  "Bool": { "aws:SecureTransport": "true" }\n}',
    links: [
      ['Condition', elementDoc('condition')],
      ['Condition operators', elementDoc('condition_operators')],
    ],
  });
}

/** The hover of `Principal`: its forms in trust policies, why it is rejected elsewhere. */
export function principalDoc(kind: StandaloneKind): Described {
  if (kind !== 'trust') return notAllowedDoc(kind, 'Principal');
  return render({
    summary: 'Who the statement applies to. Required in every statement of a role trust policy or resource policy (or `NotPrincipal`).',
    details: [
      'Forms: `"*"` (anyone, including anonymous users), or an object that maps principal types `AWS`, `Service`, `Federated` and `CanonicalUser` to a string or an array of strings.',
    ],
    example: '"Principal": {\n  "Service": "ssm.amazonaws.com"\n}',
    links: [['Principal', elementDoc('principal')]],
  });
}

/** The hover of `NotPrincipal`: its forms in resource policies, why it is rejected elsewhere. */
export function notPrincipalDoc(kind: StandaloneKind): Described {
  if (kind !== 'trust') return notAllowedDoc(kind, 'NotPrincipal');
  return render({
    summary: 'Every principal **except** those listed; only with `"Effect": "Deny"`, and only in resource policies (not in role trust policies). Same forms as `Principal`.',
    details: ['AWS recommends `"Principal": "*"` with an `ArnNotEquals` condition on `aws:PrincipalArn` instead.'],
    example: '"NotPrincipal": {\n  "AWS": "arn:aws:iam::123456789012:role/Admin"\n}',
    links: [['NotPrincipal', elementDoc('notprincipal')]],
  });
}

function notAllowedDoc(kind: StandaloneKind, element: 'Principal' | 'NotPrincipal'): Described {
  return kind === 'scp'
    ? render({
        summary: `**Not allowed in a service control policy**: AWS Organizations rejects \`${element}\`. An SCP applies to the IAM users and roles of the accounts it is attached to; to single some out, use a condition on \`aws:PrincipalArn\`.`,
        links: [['SCP syntax', SCP_SYNTAX_DOC]],
      })
    : render({
        summary: `**Not allowed in an identity policy**: IAM rejects \`${element}\` ("Policy document should not specify a principal"). The policy applies to the user, group or role it is attached to. \`${element}\` belongs in role trust policies and resource policies.`,
        links: [[element, elementDoc(element.toLowerCase())]],
      });
}

/** The principal types of a Principal object. */
export const PRINCIPAL_TYPES: readonly { name: string; doc: ElementDoc; snippet: string }[] = [
  {
    name: 'AWS',
    snippet: 'arn:aws:iam::123456789012:root',
    doc: {
      summary: `AWS accounts, IAM users, IAM roles and assumed-role sessions. ${STRING_OR_LIST}`,
      details: [
        'Forms: an account ID (`"123456789012"`) or account ARN (`"arn:aws:iam::123456789012:root"`), a user or role ARN (`"arn:aws:iam::123456789012:role/Admin"`), an assumed-role session ARN, or `"*"` for any principal.',
      ],
      example: '"AWS": [\n  "arn:aws:iam::123456789012:root",\n  "arn:aws:iam::123456789012:role/Admin"\n]',
      links: [['AWS account principals', elementDoc('principal')]],
    },
  },
  {
    name: 'Service',
    snippet: 'ssm.amazonaws.com',
    doc: {
      summary: `AWS services, by their service principal, such as \`"ssm.amazonaws.com"\` or \`"ec2.amazonaws.com"\`. ${STRING_OR_LIST}`,
      example: '"Service": [\n  "ssm.amazonaws.com",\n  "ec2.amazonaws.com"\n]',
      links: [['AWS service principals', elementDoc('principal')]],
    },
  },
  {
    name: 'Federated',
    snippet: 'arn:aws:iam::123456789012:saml-provider/MyProvider',
    doc: {
      summary: `Federated identities: the ARN of a SAML or OIDC identity provider in IAM, or a web identity provider such as \`"cognito-identity.amazonaws.com"\` or \`"accounts.google.com"\`. ${STRING_OR_LIST}`,
      example: '"Federated": "arn:aws:iam::123456789012:saml-provider/MyProvider"',
      links: [['Federated principals', elementDoc('principal')]],
    },
  },
  {
    name: 'CanonicalUser',
    snippet: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
    doc: {
      summary: `Amazon S3 canonical user IDs (a 64-character hexadecimal string), used in S3 bucket policies. ${STRING_OR_LIST}`,
      example: '"CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"',
      links: [['Canonical user principals', elementDoc('principal')]],
    },
  },
];

/** The hover of a principal type. */
export function principalTypeDoc(name: string): Described {
  const entry = PRINCIPAL_TYPES.find((p) => p.name === name);
  if (!entry) throw new Error(`Unknown principal type: ${name}`);
  return render(entry.doc);
}
