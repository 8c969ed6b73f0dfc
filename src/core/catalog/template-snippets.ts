import { catalog, placeholderOccurrences } from './index';
import type { ManagedPolicyName } from './managed-names';
import type { VsCodeSnippet } from './snippets';
import type { CatalogEntry, CatalogRole } from './types';

/**
 * The documented policies of the catalog written as infrastructure code: CloudFormation YAML and Terraform. Each
 * renderer returns the snippet body (tab stops for the user's own values) and the same text without tab stops.
 * A Region or account placeholder of the catalog becomes the template's own value (`${AWS::Region}`,
 * `data.aws_region.current.name` …), as does the `aws` partition of every ARN; any other placeholder
 * (`key-name`, `tag_key1` …) stays a tab stop, like the logical ids and resource names.
 */

/** A documented policy as template text. */
export interface TemplateText {
  /** The snippet body: tab stops `${n:default}` (one number for every occurrence of a value), `$` and `\` escaped. */
  body: string[];
  /** The text with every tab stop at its default: the catalog's placeholders keep their documented names (`key-name`). */
  plain: string;
  /** The text with the catalog's placeholders filled with their examples, as `fillPlaceholders()` fills the policy. */
  filled: string;
}

/** How the guide pairs the policies of a role: the trust policy, an instance profile, the AWS managed policies it attaches. */
interface RoleShape {
  /** The catalog entry of the role's trust policy. */
  trustId: string;
  /** A role the guide names exactly (the DHMC role) and its path. */
  roleName?: string;
  path?: string;
  instanceProfile: boolean;
  managed: ManagedPolicyName[];
}

const ROLE_SHAPES: Partial<Record<CatalogRole, RoleShape>> = {
  // EC2 instances: Quick Setup's instance profile, trusted by EC2, with AmazonSSMManagedInstanceCore.
  'instance-profile': { trustId: 'ssm-quick-setup-ec2-trust', instanceProfile: true, managed: ['AmazonSSMManagedInstanceCore'] },
  // Servers and VMs of a hybrid environment: a service role trusted by Systems Manager, with AmazonSSMManagedInstanceCore.
  'hybrid-service-role': { trustId: 'ssm-hybrid-service-role-trust', instanceProfile: false, managed: ['AmazonSSMManagedInstanceCore'] },
  'dhmc-role': {
    trustId: 'ssm-dhmc-trust',
    roleName: 'AWSSystemsManagerDefaultEC2InstanceManagementRole',
    path: '/service-role/',
    instanceProfile: false,
    managed: ['AmazonSSMManagedEC2InstanceDefaultPolicy'],
  },
  'quick-setup-role': { trustId: 'ssm-quick-setup-service-role-trust', instanceProfile: false, managed: [] },
};

/** Documented policies that are the contents of an AWS managed policy: their role does not attach it again. */
const CONTENTS_OF: Readonly<Record<string, ManagedPolicyName>> = { 'ssm-quick-setup-instance-core': 'AmazonSSMManagedInstanceCore' };

/** The resources a documented policy becomes. */
export type TemplatePlanKind = 'role' | 'managed-policy' | 'scp';

/** What a documented policy becomes in a template, shared by the CloudFormation and Terraform renderers. */
export interface TemplatePlan {
  kind: TemplatePlanKind;
  entry: CatalogEntry;
  /** For a role: its trust policy (the entry itself for a trust policy). */
  trust?: CatalogEntry;
  /** For a role: the entry's permissions, written inline on the role (identity policies only). */
  permissions?: CatalogEntry;
  /** For a role: the AWS managed policies the guide attaches to it. */
  managed: CatalogEntry[];
  instanceProfile: boolean;
  roleName?: string;
  path?: string;
}

/** What a documented policy becomes: a role with its trust policy where the guide pairs them, else a managed policy or an SCP. */
export function templatePlan(entry: CatalogEntry): TemplatePlan {
  if (entry.managed) throw new Error(`${entry.id}: an AWS managed policy is attached by name, not written out`);
  if (entry.kind === 'scp') return { kind: 'scp', entry, managed: [], instanceProfile: false };
  const shape = ROLE_SHAPES[entry.role];
  if (entry.kind === 'trust' || (entry.kind === 'identity' && shape)) {
    const trust = entry.kind === 'trust' ? entry : catalog.find((e) => e.id === shape?.trustId);
    if (!trust) throw new Error(`${entry.id}: no trust policy ${shape?.trustId ?? ''} in the catalog`);
    const managed = (shape?.managed ?? [])
      .filter((name) => CONTENTS_OF[entry.id] !== name)
      .map((name) => {
        const found = catalog.find((e) => e.managed?.name === name);
        if (!found) throw new Error(`${entry.id}: no AWS managed policy ${name} in the catalog`);
        return found;
      });
    return {
      kind: 'role',
      entry,
      trust,
      permissions: entry.kind === 'identity' ? entry : undefined,
      managed,
      instanceProfile: shape?.instanceProfile ?? false,
      roleName: shape?.roleName,
      path: shape?.path,
    };
  }
  if (entry.kind === 'identity') return { kind: 'managed-policy', entry, managed: [], instanceProfile: false };
  throw new Error(`${entry.id}: no template form for a ${entry.kind} policy`);
}

// ---------------------------------------------------------------------------------------------------------------
// Marked text: the renderers write tab stops and the template's own values as private-use characters, which
// finish() turns into snippet syntax or defaults. None of them can occur in a policy of the catalog.

const SLOT_OPEN = '\uE000';
const SLOT_CLOSE = '\uE001';
const REGION = '\uE010';
const ACCOUNT = '\uE011';
const PARTITION = '\uE012';
const PSEUDO = /[\uE010-\uE012]/;
const SLOT = /\uE000(\d+)\uE001/g;

type Pseudo = 'region' | 'account' | 'partition';
const PSEUDO_OF: Record<string, Pseudo> = { [REGION]: 'region', [ACCOUNT]: 'account', [PARTITION]: 'partition' };

interface Slot {
  key: string;
  default: string;
  example?: string;
}

/** The tab stops and template values one rendering uses. */
class Marks {
  readonly slots: Slot[] = [];
  readonly pseudo = new Set<Pseudo>();

  /** The marker of the tab stop with this key (one key, one tab stop, wherever it is written). */
  slot(key: string, dflt: string, example?: string): string {
    let i = this.slots.findIndex((s) => s.key === key);
    if (i < 0) i = this.slots.push({ key, default: dflt, example }) - 1;
    return `${SLOT_OPEN}${i}${SLOT_CLOSE}`;
  }

  /** The length of a marked text as the user first sees it (tab stops at their defaults). */
  width(text: string): number {
    return text.replace(SLOT, (_, i: string) => this.slots[Number(i)]?.default ?? '').length;
  }
}

/**
 * The entry's policy as a value whose strings carry markers: the Region and account placeholders and the `aws`
 * partition of ARNs as template values, every other placeholder as a tab stop.
 */
function markedPolicy(entry: CatalogEntry, marks: Marks): unknown {
  let text = '';
  let last = 0;
  for (const o of placeholderOccurrences(entry)) {
    if (o.offset < last) continue;
    const p = o.placeholder;
    const mark = p.kind === 'region' ? REGION : p.kind === 'account' ? ACCOUNT : marks.slot(`placeholder:${p.name}`, p.name, p.example);
    text += entry.text.slice(last, o.offset) + mark;
    last = o.offset + o.length;
  }
  text += entry.text.slice(last);
  const withPartition = (v: unknown): unknown => {
    if (typeof v === 'string') return v.startsWith('arn:aws:') ? `arn:${PARTITION}:${v.slice('arn:aws:'.length)}` : v;
    if (Array.isArray(v)) return v.map(withPartition);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withPartition(x)]));
    return v;
  };
  return withPartition(JSON.parse(text));
}

/** Turns marked text into the snippet body, the plain text and the filled text; tab stops numbered in order of appearance. */
function finish(text: string, marks: Marks): TemplateText {
  const numbers = new Map<number, number>();
  for (const m of text.matchAll(SLOT)) if (!numbers.has(Number(m[1]))) numbers.set(Number(m[1]), numbers.size + 1);
  let body = '';
  let last = 0;
  for (const m of text.matchAll(SLOT)) {
    const slot = marks.slots[Number(m[1])] as Slot;
    body += escapeText(text.slice(last, m.index)) + `\${${numbers.get(Number(m[1]))}:${escapePlaceholder(slot.default)}}`;
    last = m.index + m[0].length;
  }
  body += escapeText(text.slice(last));
  const fill = (example: boolean) => text.replace(SLOT, (_, i: string) => {
    const slot = marks.slots[Number(i)] as Slot;
    return example ? (slot.example ?? slot.default) : slot.default;
  });
  if (PSEUDO.test(text) || /[\uE000\uE001]/.test(fill(false))) throw new Error('a marker was left in the rendered text');
  return { body: body.split('\n'), plain: fill(false), filled: fill(true) };
}

/** Outside tab stops `$` and `\` are escaped (as in snippets.ts): `${AWS::Region}` and `${aws:username}` stay literal. */
function escapeText(text: string): string {
  return text.replace(/[\\$]/g, '\\$&');
}

function escapePlaceholder(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** `ssm-session-manager-kms` → `session-manager-kms`. */
function shortId(entry: CatalogEntry): string {
  return entry.id.replace(/^ssm-/, '');
}

function pascal(id: string): string {
  return id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function snake(id: string): string {
  return id.replace(/-/g, '_');
}

// ---------------------------------------------------------------------------------------------------------------
// CloudFormation YAML

/** A short-form intrinsic function with a scalar argument: `!Ref InstanceRole`. */
class Tagged {
  constructor(
    readonly tag: '!Ref',
    readonly value: string,
  ) {}
}

const YAML_RESERVED = /^(?:y|n|yes|no|true|false|on|off|null)$/i;
const ONLY_SLOT = /^\uE000\d+\uE001$/;

function yamlQuote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A YAML scalar: plain when that cannot be read as anything else, `!Sub` when it holds template values, else quoted. */
function yamlString(s: string, marks: Marks): string {
  if (PSEUDO.test(s)) {
    const sub = s
      .replace(/\$\{/g, '${!')
      .replace(/[\uE010-\uE012]/g, (c) => {
        const pseudo = PSEUDO_OF[c] as Pseudo;
        marks.pseudo.add(pseudo);
        return { region: '${AWS::Region}', account: '${AWS::AccountId}', partition: '${AWS::Partition}' }[pseudo];
      });
    return `!Sub ${yamlQuote(sub)}`;
  }
  // A logical id is a tab stop of its own; a value of the policy the user fills in is quoted, whatever it is.
  if (ONLY_SLOT.test(s) && !marks.slots[Number(s.slice(1, -1))]?.key.startsWith('placeholder:')) return s;
  if (/^[A-Za-z][A-Za-z0-9_./:-]*$/.test(s) && !YAML_RESERVED.test(s)) return s;
  return yamlQuote(s);
}

function yamlKey(k: string, marks: Marks): string {
  if (PSEUDO.test(k)) throw new Error(`a template value in a key: ${k}`);
  return yamlString(k, marks);
}

function yamlIsBlock(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return !!v && typeof v === 'object' && !(v instanceof Tagged) && Object.keys(v).length > 0;
}

function yamlScalar(v: unknown, marks: Marks): string {
  if (v instanceof Tagged) return `${v.tag} ${yamlString(v.value, marks)}`;
  if (typeof v === 'string') return yamlString(v, marks);
  if (Array.isArray(v)) return '[]';
  if (v && typeof v === 'object') return '{}';
  return String(v);
}

/** The lines of a mapping or sequence, each indented by `indent`. */
function yamlBlock(v: unknown, indent: string, marks: Marks): string[] {
  if (Array.isArray(v)) {
    return v.flatMap((item: unknown) => {
      if (!yamlIsBlock(item)) return [`${indent}- ${yamlScalar(item, marks)}`];
      const lines = yamlBlock(item, `${indent}  `, marks);
      lines[0] = `${indent}- ${(lines[0] as string).slice(indent.length + 2)}`;
      return lines;
    });
  }
  return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) =>
    yamlIsBlock(x) ? [`${indent}${yamlKey(k, marks)}:`, ...yamlBlock(x, `${indent}  `, marks)] : [`${indent}${yamlKey(k, marks)}: ${yamlScalar(x, marks)}`],
  );
}

/** The CloudFormation resource types a plan writes, in order. */
export function cloudFormationTypes(plan: TemplatePlan): string[] {
  if (plan.kind === 'scp') return ['AWS::Organizations::Policy'];
  if (plan.kind === 'managed-policy') return ['AWS::IAM::ManagedPolicy'];
  return plan.instanceProfile ? ['AWS::IAM::Role', 'AWS::IAM::InstanceProfile'] : ['AWS::IAM::Role'];
}

function managedArn(managed: CatalogEntry): string {
  const arn = managed.managed?.arn ?? '';
  return arn.startsWith('arn:aws:') ? `arn:${PARTITION}:${arn.slice('arn:aws:'.length)}` : arn;
}

/**
 * The entry as CloudFormation resources, to paste under `Resources:`: a role (`AWS::IAM::Role` with its trust
 * policy as `AssumeRolePolicyDocument`, the entry's permissions inline under `Policies`, the AWS managed policies
 * under `ManagedPolicyArns`, an `AWS::IAM::InstanceProfile` for EC2 instances), an `AWS::IAM::ManagedPolicy`, or
 * an `AWS::Organizations::Policy` of type `SERVICE_CONTROL_POLICY`.
 */
export function cloudFormationYamlFor(entry: CatalogEntry): TemplateText {
  const plan = templatePlan(entry);
  const marks = new Marks();
  const name = pascal(shortId(entry));
  const resources: Record<string, unknown> = {};
  if (plan.kind === 'scp') {
    resources[marks.slot('id', `${name}Policy`)] = {
      Type: 'AWS::Organizations::Policy',
      Properties: {
        Name: entry.id,
        Description: entry.title.en,
        Type: 'SERVICE_CONTROL_POLICY',
        Content: markedPolicy(entry, marks),
        TargetIds: [marks.slot('target', 'root-or-ou-id')],
      },
    };
  } else if (plan.kind === 'managed-policy') {
    resources[marks.slot('id', `${name}Policy`)] = {
      Type: 'AWS::IAM::ManagedPolicy',
      Properties: { Description: entry.title.en, PolicyDocument: markedPolicy(entry, marks) },
    };
  } else {
    const role = marks.slot('id', `${name}Role`);
    const properties: Record<string, unknown> = {};
    if (plan.roleName) properties.RoleName = plan.roleName;
    if (plan.path) properties.Path = plan.path;
    properties.AssumeRolePolicyDocument = markedPolicy(plan.trust as CatalogEntry, marks);
    if (plan.managed.length > 0) properties.ManagedPolicyArns = plan.managed.map(managedArn);
    if (plan.permissions) properties.Policies = [{ PolicyName: plan.permissions.id, PolicyDocument: markedPolicy(plan.permissions, marks) }];
    resources[role] = { Type: 'AWS::IAM::Role', Properties: properties };
    if (plan.instanceProfile) {
      resources[marks.slot('profile', `${name}InstanceProfile`)] = { Type: 'AWS::IAM::InstanceProfile', Properties: { Roles: [new Tagged('!Ref', role)] } };
    }
  }
  return finish(yamlBlock(resources, '', marks).join('\n'), marks);
}

// ---------------------------------------------------------------------------------------------------------------
// Terraform

/** An attribute (value lines: the first follows `=`, the others carry their own indentation), a block or a blank line. */
type HclItem = { attr: string; value: HclValue } | { block: string; body: HclItem[] } | 'blank';

/** An attribute's value: its lines, or a function of the attribute's indentation that renders them. */
type HclValue = string[] | ((indent: string) => string[]);

const HCL_PSEUDO: Record<Pseudo, string> = {
  region: '${data.aws_region.current.name}',
  account: '${data.aws_caller_identity.current.account_id}',
  partition: '${data.aws_partition.current.partition}',
};

/** The data sources behind {@link HCL_PSEUDO}, in the order they are declared. */
const HCL_DATA: Record<Pseudo, string> = {
  partition: 'data "aws_partition" "current"',
  region: 'data "aws_region" "current"',
  account: 'data "aws_caller_identity" "current"',
};

/** An HCL quoted string; template values become interpolations, a literal `${` or `%{` is escaped. */
function hclString(s: string, marks: Marks): string {
  const escaped = s
    .replace(/[\\"]/g, '\\$&')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\$\{/g, '$$$${')
    .replace(/%\{/g, '%%{')
    .replace(/[\uE010-\uE012]/g, (c) => {
      const pseudo = PSEUDO_OF[c] as Pseudo;
      marks.pseudo.add(pseudo);
      return HCL_PSEUDO[pseudo];
    });
  return `"${escaped}"`;
}

function hclKey(k: string, marks: Marks): string {
  if (PSEUDO.test(k)) throw new Error(`a template value in a key: ${k}`);
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : hclString(k, marks);
}

function hclScalar(v: unknown, marks: Marks): string {
  return typeof v === 'string' ? hclString(v, marks) : v === null ? 'null' : String(v);
}

/** The lines of an HCL expression for a JSON value: objects and lists over several lines, a list of one scalar on one. */
function hclValue(v: unknown, indent: string, marks: Marks): string[] {
  if (Array.isArray(v)) {
    if (v.length === 0) return ['[]'];
    if (v.length === 1 && (v[0] === null || typeof v[0] !== 'object')) return [`[${hclScalar(v[0], marks)}]`];
    const inner = `${indent}  `;
    const items = v.flatMap((item: unknown) => {
      const lines = hclValue(item, inner, marks);
      lines[0] = inner + (lines[0] as string);
      lines[lines.length - 1] += ',';
      return lines;
    });
    return ['[', ...items, `${indent}]`];
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v);
    if (entries.length === 0) return ['{}'];
    const items: HclItem[] = entries.map(([k, x]) => ({ attr: hclKey(k, marks), value: (at: string) => hclValue(x, at, marks) }));
    return ['{', ...hclBody(items, `${indent}  `, marks), `${indent}}`];
  }
  return [hclScalar(v, marks)];
}

/** Lines of a body; the `=` of adjacent attributes aligned as `terraform fmt` aligns them. */
function hclBody(items: readonly HclItem[], indent: string, marks: Marks): string[] {
  const out: string[] = [];
  let group: { attr: string; value: string[] }[] = [];
  const flush = () => {
    const width = Math.max(0, ...group.map((a) => marks.width(a.attr)));
    for (const a of group) {
      out.push(`${indent}${a.attr}${' '.repeat(width - marks.width(a.attr))} = ${a.value[0] as string}`, ...a.value.slice(1));
    }
    group = [];
  };
  for (const item of items) {
    if (item === 'blank') {
      flush();
      out.push('');
    } else if ('block' in item) {
      flush();
      out.push(item.body.length === 0 ? `${indent}${item.block} {}` : `${indent}${item.block} {`, ...(item.body.length === 0 ? [] : [...hclBody(item.body, `${indent}  `, marks), `${indent}}`]));
    } else {
      const value = typeof item.value === 'function' ? item.value(indent) : item.value;
      group.push({ attr: item.attr, value });
      if (value.length > 1) flush();
    }
  }
  flush();
  return out;
}

/** `jsonencode({ … })`, or a reference to a policy document data source. */
type PolicyExpression = (entry: CatalogEntry, label: string) => HclValue;

/** How an entry's policies are written in the resources, and the data blocks that go with them. */
interface TerraformStyle {
  policy: PolicyExpression;
  /** Data sources the style declares (before the resources). */
  data: HclItem[];
}

function jsonencodeStyle(marks: Marks): TerraformStyle {
  return {
    policy: (entry) => {
      const policy = markedPolicy(entry, marks);
      return (indent) => {
        const lines = hclValue(policy, indent, marks);
        lines[0] = `jsonencode(${lines[0] as string}`;
        lines[lines.length - 1] += ')';
        return lines;
      };
    },
    data: [],
  };
}

function policyDocumentStyle(marks: Marks): TerraformStyle {
  const style: TerraformStyle = {
    policy: (entry, label) => {
      style.data.push({ block: `data "aws_iam_policy_document" "${label}"`, body: policyDocumentBody(markedPolicy(entry, marks), marks) }, 'blank');
      return [`data.aws_iam_policy_document.${label}.json`];
    },
    data: [],
  };
  return style;
}

const STATEMENT_LISTS: Record<string, string> = { Action: 'actions', NotAction: 'not_actions', Resource: 'resources', NotResource: 'not_resources' };

function listOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

/** The body of `data "aws_iam_policy_document"` for a policy: `statement` blocks with principals and conditions as blocks. */
function policyDocumentBody(policy: unknown, marks: Marks): HclItem[] {
  const doc = policy as Record<string, unknown>;
  const body: HclItem[] = [];
  for (const key of Object.keys(doc)) if (!['Version', 'Id', 'Statement'].includes(key)) throw new Error(`no policy document argument for ${key}`);
  if (doc.Version !== undefined) body.push({ attr: 'version', value: [hclScalar(doc.Version, marks)] });
  if (doc.Id !== undefined) body.push({ attr: 'policy_id', value: [hclScalar(doc.Id, marks)] });
  for (const statement of listOf(doc.Statement) as Record<string, unknown>[]) {
    const items: HclItem[] = [];
    for (const [key, value] of Object.entries(statement)) {
      if (key === 'Sid' || key === 'Effect') items.push({ attr: key.toLowerCase(), value: [hclScalar(value, marks)] });
      else if (STATEMENT_LISTS[key]) items.push({ attr: STATEMENT_LISTS[key], value: (at: string) => hclValue(listOf(value), at, marks) });
      else if (key === 'Principal' || key === 'NotPrincipal') {
        const block = key === 'Principal' ? 'principals' : 'not_principals';
        const principals = value === '*' ? { '*': ['*'] } : (value as Record<string, unknown>);
        for (const [type, ids] of Object.entries(principals)) {
          items.push({ block, body: [{ attr: 'type', value: [hclString(type, marks)] }, { attr: 'identifiers', value: (at: string) => hclValue(listOf(ids), at, marks) }] });
        }
      } else if (key === 'Condition') {
        for (const [test, keys] of Object.entries(value as Record<string, Record<string, unknown>>)) {
          for (const [variable, values] of Object.entries(keys)) {
            items.push({
              block: 'condition',
              body: [
                { attr: 'test', value: [hclString(test, marks)] },
                { attr: 'variable', value: [hclString(variable, marks)] },
                { attr: 'values', value: (at: string) => hclValue(listOf(values), at, marks) },
              ],
            });
          }
        }
      } else throw new Error(`no policy document argument for ${key}`);
    }
    body.push({ block: 'statement', body: items });
  }
  return body;
}

/** The Terraform text of an entry in a style: its resources, then the data sources of the template values it reads. */
function terraformText(entry: CatalogEntry, marks: Marks, style: TerraformStyle): string {
  const plan = templatePlan(entry);
  const label = marks.slot('name', snake(shortId(entry)));
  const resources: HclItem[] = [];
  const policy = (e: CatalogEntry, suffix: string) => style.policy(e, `${label}${suffix}`);
  if (plan.kind === 'scp') {
    resources.push(
      {
        block: `resource "aws_organizations_policy" "${label}"`,
        body: [
          { attr: 'name', value: [hclString(entry.id, marks)] },
          { attr: 'description', value: [hclString(entry.title.en, marks)] },
          { attr: 'type', value: ['"SERVICE_CONTROL_POLICY"'] },
          { attr: 'content', value: policy(entry, '') },
        ],
      },
      'blank',
      {
        block: `resource "aws_organizations_policy_attachment" "${label}"`,
        body: [
          { attr: 'policy_id', value: [`aws_organizations_policy.${label}.id`] },
          { attr: 'target_id', value: [`"${marks.slot('target', 'root-or-ou-id')}"`] },
        ],
      },
    );
  } else if (plan.kind === 'managed-policy') {
    resources.push({
      block: `resource "aws_iam_policy" "${label}"`,
      body: [
        { attr: 'name', value: [hclString(entry.id, marks)] },
        { attr: 'description', value: [hclString(entry.title.en, marks)] },
        { attr: 'policy', value: policy(entry, '') },
      ],
    });
  } else {
    const role: HclItem[] = [];
    if (plan.roleName) role.push({ attr: 'name', value: [hclString(plan.roleName, marks)] });
    if (plan.path) role.push({ attr: 'path', value: [hclString(plan.path, marks)] });
    role.push({ attr: 'assume_role_policy', value: policy(plan.trust as CatalogEntry, plan.permissions ? '_trust' : '') });
    resources.push({ block: `resource "aws_iam_role" "${label}"`, body: role });
    if (plan.permissions) {
      resources.push('blank', {
        block: `resource "aws_iam_role_policy" "${label}"`,
        body: [
          { attr: 'name', value: [hclString(plan.permissions.id, marks)] },
          { attr: 'role', value: [`aws_iam_role.${label}.id`] },
          { attr: 'policy', value: policy(plan.permissions, '') },
        ],
      });
    }
    for (const managed of plan.managed) {
      resources.push('blank', {
        block: `resource "aws_iam_role_policy_attachment" "${label}_${snake(shortId(managed))}"`,
        body: [
          { attr: 'role', value: [`aws_iam_role.${label}.name`] },
          { attr: 'policy_arn', value: [hclString(managedArn(managed), marks)] },
        ],
      });
    }
    if (plan.instanceProfile) {
      resources.push('blank', {
        block: `resource "aws_iam_instance_profile" "${label}"`,
        body: [{ attr: 'role', value: [`aws_iam_role.${label}.name`] }],
      });
    }
  }
  // The partition, Region and account are known once every policy is rendered.
  const lines = hclBody([...style.data, ...resources], '', marks);
  const pseudo = (Object.keys(HCL_DATA) as Pseudo[]).filter((p) => marks.pseudo.has(p));
  if (pseudo.length > 0) lines.push('', ...hclBody(pseudo.map((p) => ({ block: HCL_DATA[p], body: [] })), '', marks));
  return lines.join('\n');
}

/**
 * The entry as Terraform resources with the policies written with `jsonencode({ … })`: `aws_iam_role` (with
 * `aws_iam_role_policy`, `aws_iam_role_policy_attachment` of the AWS managed policies and `aws_iam_instance_profile`
 * where the guide uses them), `aws_iam_policy`, or `aws_organizations_policy` with its attachment; then the data
 * sources of the partition, Region and account it reads.
 */
export function terraformJsonencodeFor(entry: CatalogEntry): TemplateText {
  const marks = new Marks();
  return finish(terraformText(entry, marks, jsonencodeStyle(marks)), marks);
}

/** The same resources as {@link terraformJsonencodeFor}, each policy written as a `data "aws_iam_policy_document"`. */
export function terraformPolicyDocumentFor(entry: CatalogEntry): TemplateText {
  const marks = new Marks();
  return finish(terraformText(entry, marks, policyDocumentStyle(marks)), marks);
}

// ---------------------------------------------------------------------------------------------------------------
// Snippet files

/** Snippet prefixes: `ssm-cfn-dhmc-admin`, `ssm-tf-dhmc-admin`, `ssm-tf-doc-dhmc-admin`. */
export const CLOUDFORMATION_PREFIX = 'ssm-cfn-';
export const TERRAFORM_PREFIX = 'ssm-tf-';
export const TERRAFORM_DOCUMENT_PREFIX = 'ssm-tf-doc-';

function source(entry: CatalogEntry): string {
  return `From: AWS Systems Manager User Guide: ${entry.source.title.en}.`;
}

/** The CloudFormation snippets of the catalog, by name: one per documented policy (AWS managed ones are attached by name). */
export function buildCloudFormationSnippets(entries: readonly CatalogEntry[]): Record<string, VsCodeSnippet> {
  const out: Record<string, VsCodeSnippet> = {};
  for (const entry of entries) {
    if (entry.managed) continue;
    const prefix = `${CLOUDFORMATION_PREFIX}${shortId(entry)}`;
    out[`${entry.title.en}: CloudFormation (${prefix})`] = {
      prefix,
      body: cloudFormationYamlFor(entry).body,
      description: `${entry.description.en} CloudFormation resources to paste under Resources: ${cloudFormationTypes(templatePlan(entry)).join(', ')}. ${source(entry)}`,
    };
  }
  return out;
}

/** The Terraform snippets of the catalog, by name: per documented policy one with `jsonencode` and one with `aws_iam_policy_document`. */
export function buildTerraformSnippets(entries: readonly CatalogEntry[]): Record<string, VsCodeSnippet> {
  const out: Record<string, VsCodeSnippet> = {};
  const data = 'with the data sources of the partition, Region and account it reads (remove those your module already declares)';
  for (const entry of entries) {
    if (entry.managed) continue;
    const prefix = `${TERRAFORM_PREFIX}${shortId(entry)}`;
    out[`${entry.title.en}: Terraform (${prefix})`] = {
      prefix,
      body: terraformJsonencodeFor(entry).body,
      description: `${entry.description.en} Terraform resources, the policy written with jsonencode, ${data}. ${source(entry)}`,
    };
    const docPrefix = `${TERRAFORM_DOCUMENT_PREFIX}${shortId(entry)}`;
    out[`${entry.title.en}: Terraform policy document (${docPrefix})`] = {
      prefix: docPrefix,
      body: terraformPolicyDocumentFor(entry).body,
      description: `${entry.description.en} Terraform resources, the policy written as a data "aws_iam_policy_document", ${data}. ${source(entry)}`,
    };
  }
  return out;
}
