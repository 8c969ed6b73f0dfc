import * as assert from 'node:assert/strict';
import { parse as parseYaml, type ScalarTag } from 'yaml';
import { catalog, fillPlaceholders, type CatalogEntry } from '../../../src/core/catalog';
import type { VsCodeSnippet } from '../../../src/core/catalog/snippets';
import {
  buildCloudFormationSnippets,
  buildTerraformSnippets,
  cloudFormationYamlFor,
  CLOUDFORMATION_PREFIX,
  templatePlan,
  TERRAFORM_DOCUMENT_PREFIX,
  TERRAFORM_PREFIX,
  terraformJsonencodeFor,
  terraformPolicyDocumentFor,
  type TemplateText,
} from '../../../src/core/catalog/template-snippets';
import { expand } from './snippet-body';

// web-tree-sitter ships CommonJS typings of its own; the test needs only a few members of a node.
interface TsNode {
  type: string;
  text: string;
  isError: boolean;
  isMissing: boolean;
  namedChildren: TsNode[];
  children: TsNode[];
  childForFieldName(name: string): TsNode | null;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Parser, Language } = require('web-tree-sitter') as {
  Parser: { init(): Promise<void>; new (): { setLanguage(l: unknown): void; parse(text: string): { rootNode: TsNode } | null } };
  Language: { load(path: string): Promise<unknown> };
};

const documented = catalog.filter((e) => !e.managed);
const short = (e: CatalogEntry) => e.id.replace(/^ssm-/, '');

/** The template values the renderers write for the catalog's Region and account placeholders and the `aws` partition. */
type Pseudo = 'partition' | 'region' | 'account';

/**
 * What a template value stands for in the catalog's policy: the partition `aws`, and the Region and account
 * placeholders of the entry (their names, or their examples when `filled`).
 */
function pseudoValues(entry: CatalogEntry, filled: boolean): Record<Pseudo, string> {
  const of = (kind: string) => {
    const p = entry.placeholders.find((x) => x.kind === kind);
    return p ? (filled ? p.example : p.name) : `<no ${kind} placeholder in ${entry.id}>`;
  };
  return { partition: 'aws', region: of('region'), account: of('account') };
}

/** The user's tab stops (`${n:default}`) of a body with the value to give each: the catalog placeholder's example. */
function exampleValues(body: string[], entry: CatalogEntry): Map<number, string> {
  const values = new Map<number, string>();
  for (const m of body.join('\n').matchAll(/\$\{(\d+):((?:\\.|[^}\\])*)\}/g)) {
    const p = entry.placeholders.find((x) => x.name === (m[2] ?? '').replace(/\\(.)/g, '$1'));
    if (p) values.set(Number(m[1]), p.example);
  }
  return values;
}

/** The policies a plan writes, as the catalog documents them: [trust, permissions] of a role, else the entry's. */
function expectedPolicies(entry: CatalogEntry, filled: boolean): { trust?: unknown; policy?: unknown } {
  const plan = templatePlan(entry);
  const read = (e: CatalogEntry) => JSON.parse(filled ? fillPlaceholders(e) : e.text) as unknown;
  if (plan.kind !== 'role') return { policy: read(entry) };
  return { trust: read(plan.trust as CatalogEntry), policy: plan.permissions ? read(plan.permissions) : undefined };
}

describe('catalog: CloudFormation and Terraform snippets', () => {
  const cfn = buildCloudFormationSnippets(catalog);
  const tf = buildTerraformSnippets(catalog);
  const byPrefix = new Map([...Object.values(cfn), ...Object.values(tf)].map((s) => [s.prefix, s]));

  it('give every documented policy one CloudFormation and two Terraform snippets, none for AWS managed policies', () => {
    assert.ok(documented.length >= 15);
    assert.equal(Object.keys(cfn).length, documented.length);
    assert.equal(Object.keys(tf).length, 2 * documented.length);
    for (const e of documented) {
      for (const prefix of [CLOUDFORMATION_PREFIX, TERRAFORM_PREFIX, TERRAFORM_DOCUMENT_PREFIX]) {
        const s = byPrefix.get(`${prefix}${short(e)}`);
        assert.ok(s, `no snippet ${prefix}${short(e)}`);
        assert.ok(s.description.startsWith(e.description.en), s.prefix);
        assert.match(s.description, /From: AWS Systems Manager User Guide: \S.*\.$/);
        assert.doesNotMatch(s.description, /[\u3040-\u30ff\u4e00-\u9fff]/, 'descriptions are English');
      }
    }
    for (const e of catalog.filter((x) => x.managed)) assert.throws(() => cloudFormationYamlFor(e), /attached by name/);
  });

  it('write the guide\'s pairings: instance roles trusted by EC2 with an instance profile, the DHMC role by name, SCPs apart', () => {
    const plan = (id: string) => templatePlan(catalog.find((e) => e.id === id) as CatalogEntry);
    const sm = plan('ssm-session-manager');
    assert.equal(sm.kind, 'role');
    assert.equal(sm.trust?.id, 'ssm-quick-setup-ec2-trust');
    assert.ok(sm.instanceProfile);
    assert.deepEqual(sm.managed.map((m) => m.managed?.name), ['AmazonSSMManagedInstanceCore']);
    assert.deepEqual(plan('ssm-quick-setup-instance-core').managed, [], 'the contents of the managed policy are not attached twice');
    const dhmc = plan('ssm-dhmc-trust');
    assert.deepEqual([dhmc.roleName, dhmc.path, dhmc.instanceProfile], ['AWSSystemsManagerDefaultEC2InstanceManagementRole', '/service-role/', false]);
    assert.deepEqual(dhmc.managed.map((m) => m.managed?.name), ['AmazonSSMManagedEC2InstanceDefaultPolicy']);
    assert.equal(plan('ssm-quick-setup-service-role').trust?.id, 'ssm-quick-setup-service-role-trust');
    assert.equal(plan('ssm-patch-baseline-snapshot-bucket').trust?.id, 'ssm-hybrid-service-role-trust');
    assert.equal(plan('ssm-dhmc-admin').kind, 'managed-policy');
    assert.equal(plan('ssm-dhmc-deny-scp').kind, 'scp');
  });

  describe('CloudFormation YAML', () => {
    /** Reads CloudFormation YAML with its short-form tags as the long forms. */
    const tags: ScalarTag[] = ['Sub', 'Ref'].map((name) => ({
      tag: `!${name}`,
      identify: () => false,
      resolve: (value: string) => ({ [name === 'Ref' ? 'Ref' : `Fn::${name}`]: value }),
    }));
    const read = (text: string) => parseYaml(text, { customTags: tags, prettyErrors: true, strict: true }) as Record<string, { Type: string; Properties: Record<string, unknown> }>;

    /** A policy of the template as the catalog writes it: each `!Sub` string with its template values put back. */
    function fromTemplate(v: unknown, pseudo: Record<Pseudo, string>): unknown {
      if (Array.isArray(v)) return v.map((x) => fromTemplate(x, pseudo));
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o['Fn::Sub'] === 'string') {
          return o['Fn::Sub'].replace(/\$\{(!?)([^}]*)\}/g, (_, bang: string, name: string) => {
            if (bang) return `\${${name}}`;
            const value = { 'AWS::Partition': pseudo.partition, 'AWS::Region': pseudo.region, 'AWS::AccountId': pseudo.account }[name];
            assert.ok(value !== undefined, `an unknown !Sub variable: ${name}`);
            return value;
          });
        }
        return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, fromTemplate(x, pseudo)]));
      }
      return v;
    }

    function check(entry: CatalogEntry, text: string, filled: boolean): void {
      const template = read(text);
      const pseudo = pseudoValues(entry, filled);
      const plan = templatePlan(entry);
      const resources = Object.values(template);
      const expected = expectedPolicies(entry, filled);
      if (plan.kind === 'scp') {
        assert.deepEqual(resources.map((r) => r.Type), ['AWS::Organizations::Policy']);
        const props = resources[0]?.Properties ?? {};
        assert.equal(props.Type, 'SERVICE_CONTROL_POLICY');
        assert.deepEqual(fromTemplate(props.Content, pseudo), expected.policy, entry.id);
      } else if (plan.kind === 'managed-policy') {
        assert.deepEqual(resources.map((r) => r.Type), ['AWS::IAM::ManagedPolicy']);
        assert.deepEqual(fromTemplate(resources[0]?.Properties.PolicyDocument, pseudo), expected.policy, entry.id);
      } else {
        assert.deepEqual(resources.map((r) => r.Type), plan.instanceProfile ? ['AWS::IAM::Role', 'AWS::IAM::InstanceProfile'] : ['AWS::IAM::Role']);
        const [roleId] = Object.keys(template);
        const props = resources[0]?.Properties ?? {};
        assert.deepEqual(fromTemplate(props.AssumeRolePolicyDocument, pseudo), expected.trust, `${entry.id}: trust policy`);
        const inline = (props.Policies ?? []) as { PolicyName: string; PolicyDocument: unknown }[];
        assert.deepEqual(inline.map((p) => fromTemplate(p.PolicyDocument, pseudo)), expected.policy === undefined ? [] : [expected.policy], `${entry.id}: permissions`);
        assert.deepEqual(
          fromTemplate(props.ManagedPolicyArns ?? [], pseudo),
          plan.managed.map((m) => m.managed?.arn),
          `${entry.id}: AWS managed policies`,
        );
        for (const arn of (props.ManagedPolicyArns ?? []) as { 'Fn::Sub': string }[]) assert.match(arn['Fn::Sub'], /^arn:\$\{AWS::Partition\}:iam::aws:policy\/\w+$/);
        if (plan.instanceProfile) assert.deepEqual(resources[1]?.Properties.Roles, [{ Ref: roleId }]);
        if (plan.roleName) assert.deepEqual([props.RoleName, props.Path], [plan.roleName, plan.path]);
      }
    }

    it('parse, tab stops at their defaults, with the short-form tags; the policies inside are the catalog\'s, template values for its Region and account', () => {
      for (const e of documented) {
        const snippet = byPrefix.get(`${CLOUDFORMATION_PREFIX}${short(e)}`) as VsCodeSnippet;
        const text = expand(snippet.body, new Map());
        check(e, text, false);
        assert.equal(text, cloudFormationYamlFor(e).plain, `${e.id}: plain is the body at its defaults`);
      }
    });

    it('filled with the examples, hold the policies fillPlaceholders() fills', () => {
      for (const e of documented) {
        const rendered = cloudFormationYamlFor(e);
        const text = expand(rendered.body, exampleValues(rendered.body, e));
        check(e, text, true);
        assert.equal(text, rendered.filled, e.id);
      }
    });

    it('write the Region, the account and the partition as pseudo parameters in !Sub, and keep tab stops for the user\'s own values', () => {
      const admin = cloudFormationYamlFor(catalog.find((e) => e.id === 'ssm-dhmc-admin') as CatalogEntry);
      assert.ok(admin.plain.includes("Resource: !Sub 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:servicesetting/"), admin.plain);
      const kms = cloudFormationYamlFor(catalog.find((e) => e.id === 'ssm-session-manager-kms') as CatalogEntry);
      assert.ok(kms.body.includes("              Resource: '${2:key-name}'"), kms.body.join('\n'));
      assert.ok(kms.body.includes('      - !Ref ${1:SessionManagerKmsRole}'), kms.body.join('\n'));
      assert.ok(kms.body.includes("      - !Sub 'arn:\\${AWS::Partition}:iam::aws:policy/AmazonSSMManagedInstanceCore'"), kms.body.join('\n'));
      for (const e of documented) {
        const body = cloudFormationYamlFor(e).body.join('\n');
        for (const p of e.placeholders) {
          if (p.kind === 'region' || p.kind === 'account') assert.ok(!body.includes(`:${p.name}}`), `${e.id}: ${p.name} is a template value, not a tab stop`);
          else assert.ok(body.includes(`:${p.name}}`), `${e.id}: no tab stop for ${p.name}`);
        }
      }
    });

    it('keep IAM policy variables literal: escaped for !Sub and for the snippet', () => {
      const base = catalog.find((e) => e.id === 'ssm-dhmc-admin') as CatalogEntry;
      const entry: CatalogEntry = {
        ...base,
        text: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*" }\n  ]\n}',
        placeholders: [],
      };
      const rendered = cloudFormationYamlFor(entry);
      assert.ok(rendered.plain.includes("!Sub 'arn:${AWS::Partition}:s3:::b/${!aws:username}/*'"), rendered.plain);
      assert.ok(rendered.body.join('\n').includes("'arn:\\${AWS::Partition}:s3:::b/\\${!aws:username}/*'"));
      check(entry, expand(rendered.body, new Map()), false);
    });
  });

  describe('Terraform', () => {
    let parser: { parse(text: string): { rootNode: TsNode } | null };
    before(async () => {
      await Parser.init();
      const lang = await Language.load(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'));
      const p = new Parser();
      p.setLanguage(lang);
      parser = p;
    });

    const INTERPOLATIONS: Record<string, Pseudo> = {
      'data.aws_partition.current.partition': 'partition',
      'data.aws_region.current.name': 'region',
      'data.aws_caller_identity.current.account_id': 'account',
    };

    function parse(text: string): TsNode {
      const root = parser.parse(text)?.rootNode;
      assert.ok(root);
      const bad: string[] = [];
      const walk = (n: TsNode) => {
        if (n.isError || n.isMissing || n.type === 'ERROR') bad.push(`${n.type} ${n.text.slice(0, 60)}`);
        n.children.forEach(walk);
      };
      walk(root);
      assert.deepEqual(bad, [], `the Terraform does not parse:\n${text}`);
      return root;
    }

    function unescape(literal: string): string {
      return literal.replace(/\\(["\\nrt])|\$\$\{|%%\{/g, (m, c: string | undefined) =>
        c === undefined ? m.slice(1) : ({ '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[c] ?? c,
      );
    }

    /** An HCL expression of the snippet as a JSON value; interpolations of the partition, Region and account as their catalog values. */
    function value(n: TsNode, pseudo: Record<Pseudo, string>): unknown {
      switch (n.type) {
        case 'expression':
        case 'literal_value':
        case 'collection_value':
        case 'template_expr':
          assert.equal(n.namedChildren.length, 1, n.text);
          return value(n.namedChildren[0] as TsNode, pseudo);
        case 'string_lit':
        case 'quoted_template':
          return n.namedChildren
            .map((c) => {
              if (c.type === 'template_literal') return unescape(c.text);
              if (c.type === 'template_interpolation') {
                const expr = c.namedChildren.find((x) => x.type === 'expression')?.text ?? '';
                const which = INTERPOLATIONS[expr];
                assert.ok(which, `an unexpected interpolation: ${c.text}`);
                return pseudo[which];
              }
              return '';
            })
            .join('');
        case 'numeric_lit':
          return Number(n.text);
        case 'bool_lit':
          return n.text === 'true';
        case 'null_lit':
          return null;
        case 'tuple':
          return n.namedChildren.filter((c) => c.type === 'expression').map((c) => value(c, pseudo));
        case 'object':
          return Object.fromEntries(
            n.namedChildren
              .filter((c) => c.type === 'object_elem')
              .map((c) => {
                const key = c.childForFieldName('key') as TsNode;
                const name = key.namedChildren[0]?.type === 'variable_expr' ? key.text : value(key, pseudo);
                return [name, value(c.childForFieldName('val') as TsNode, pseudo)];
              }),
          );
        default:
          assert.fail(`an HCL ${n.type} where a JSON value was expected: ${n.text}`);
      }
    }

    interface Block {
      type: string;
      labels: string[];
      attrs: Map<string, TsNode>;
      blocks: Block[];
    }

    function blocksOf(body: TsNode | undefined): Block[] {
      return (body?.namedChildren ?? [])
        .filter((c) => c.type === 'block')
        .map((b) => {
          const inner = b.namedChildren.find((c) => c.type === 'body');
          const attrs = new Map<string, TsNode>();
          for (const a of inner?.namedChildren.filter((c) => c.type === 'attribute') ?? []) {
            attrs.set(a.namedChildren[0]?.text ?? '', a.namedChildren[1] as TsNode);
          }
          return {
            type: b.namedChildren[0]?.text ?? '',
            labels: b.namedChildren.filter((c) => c.type === 'string_lit').map((c) => unescape(c.namedChildren.find((x) => x.type === 'template_literal')?.text ?? '')),
            attrs,
            blocks: blocksOf(inner),
          };
        });
    }

    /** The policy a `data "aws_iam_policy_document"` block describes, as JSON (every list a list, one statement a list of one). */
    function documentPolicy(block: Block, pseudo: Record<Pseudo, string>): unknown {
      const attr = (b: Block, name: string) => (b.attrs.has(name) ? value(b.attrs.get(name) as TsNode, pseudo) : undefined);
      const policy: Record<string, unknown> = {};
      if (block.attrs.has('version')) policy.Version = attr(block, 'version');
      policy.Statement = block.blocks.map((s) => {
        assert.equal(s.type, 'statement');
        const out: Record<string, unknown> = {};
        for (const [name, key] of [['sid', 'Sid'], ['effect', 'Effect'], ['actions', 'Action'], ['not_actions', 'NotAction'], ['resources', 'Resource'], ['not_resources', 'NotResource']] as const) {
          if (s.attrs.has(name)) out[key] = attr(s, name);
        }
        for (const p of s.blocks.filter((b) => b.type === 'principals')) {
          out.Principal = { ...(out.Principal as object), [attr(p, 'type') as string]: attr(p, 'identifiers') };
        }
        for (const c of s.blocks.filter((b) => b.type === 'condition')) {
          const cond = (out.Condition ?? {}) as Record<string, Record<string, unknown>>;
          cond[attr(c, 'test') as string] = { ...cond[attr(c, 'test') as string], [attr(c, 'variable') as string]: attr(c, 'values') };
          out.Condition = cond;
        }
        assert.deepEqual(s.blocks.filter((b) => !['principals', 'condition'].includes(b.type)), []);
        return out;
      });
      return policy;
    }

    /** A policy with every single value a list and a single statement a list: what aws_iam_policy_document cannot tell apart. */
    function normalized(policy: unknown): unknown {
      const p = policy as Record<string, unknown>;
      const list = (v: unknown) => (Array.isArray(v) ? v : [v]);
      const statements = list(p.Statement).map((s) =>
        Object.fromEntries(
          Object.entries(s as Record<string, unknown>).map(([k, v]) => {
            if (['Action', 'NotAction', 'Resource', 'NotResource'].includes(k)) return [k, list(v)];
            if (k === 'Principal') return [k, Object.fromEntries(Object.entries(v as object).map(([t, ids]) => [t, list(ids)]))];
            if (k === 'Condition') {
              return [k, Object.fromEntries(Object.entries(v as object).map(([op, keys]) => [op, Object.fromEntries(Object.entries(keys as object).map(([ck, cv]) => [ck, list(cv)]))]))];
            }
            return [k, v];
          }),
        ),
      );
      return { ...p, Statement: statements };
    }

    /** Checks a Terraform text: it parses, its references are declared, the policies are the catalog's. */
    function check(entry: CatalogEntry, text: string, filled: boolean, form: 'jsonencode' | 'document'): void {
      const blocks = blocksOf(parse(text).namedChildren.find((c) => c.type === 'body'));
      const pseudo = pseudoValues(entry, filled);
      const declared = new Set(blocks.map((b) => (b.type === 'data' ? `data.${b.labels.join('.')}` : b.labels.join('.'))));
      for (const m of text.matchAll(/\b((?:data\.)?aws_[a-z_]+\.[A-Za-z0-9_]+)\.(?:id|name|json|partition|account_id|arn)\b/g)) {
        assert.ok(declared.has(m[1] as string), `${entry.id}: ${m[1]} is not declared in\n${text}`);
      }
      const resources = blocks.filter((b) => b.type === 'resource');
      const plan = templatePlan(entry);
      const expected = expectedPolicies(entry, filled);
      const policyOf = (node: TsNode | undefined): unknown => {
        assert.ok(node);
        if (form === 'jsonencode') {
          const call = node.namedChildren[0] as TsNode;
          assert.equal(call.type, 'function_call', node.text);
          assert.equal(call.namedChildren[0]?.text, 'jsonencode');
          const args = call.namedChildren.find((c) => c.type === 'function_arguments') as TsNode;
          return value(args.namedChildren[0] as TsNode, pseudo);
        }
        const ref = /^data\.aws_iam_policy_document\.(\w+)\.json$/.exec(node.text);
        assert.ok(ref, node.text);
        const doc = blocks.find((b) => b.type === 'data' && b.labels[0] === 'aws_iam_policy_document' && b.labels[1] === ref[1]);
        assert.ok(doc, `no policy document ${ref[1]}`);
        return documentPolicy(doc, pseudo);
      };
      const same = (actual: unknown, wanted: unknown, what: string) =>
        form === 'jsonencode' ? assert.deepEqual(actual, wanted, what) : assert.deepEqual(normalized(actual), normalized(wanted), what);
      const of = (type: string) => resources.filter((r) => r.labels[0] === type);
      if (plan.kind === 'scp') {
        assert.deepEqual(resources.map((r) => r.labels[0]), ['aws_organizations_policy', 'aws_organizations_policy_attachment']);
        assert.equal(value(of('aws_organizations_policy')[0]?.attrs.get('type') as TsNode, pseudo), 'SERVICE_CONTROL_POLICY');
        same(policyOf(of('aws_organizations_policy')[0]?.attrs.get('content')), expected.policy, entry.id);
      } else if (plan.kind === 'managed-policy') {
        assert.deepEqual(resources.map((r) => r.labels[0]), ['aws_iam_policy']);
        same(policyOf(resources[0]?.attrs.get('policy')), expected.policy, entry.id);
      } else {
        const role = of('aws_iam_role')[0];
        assert.ok(role);
        same(policyOf(role.attrs.get('assume_role_policy')), expected.trust, `${entry.id}: trust policy`);
        const inline = of('aws_iam_role_policy');
        assert.deepEqual(inline.length, expected.policy === undefined ? 0 : 1);
        if (inline[0]) same(policyOf(inline[0].attrs.get('policy')), expected.policy, `${entry.id}: permissions`);
        assert.deepEqual(
          of('aws_iam_role_policy_attachment').map((a) => value(a.attrs.get('policy_arn') as TsNode, pseudo)),
          plan.managed.map((m) => m.managed?.arn),
        );
        assert.equal(of('aws_iam_instance_profile').length, plan.instanceProfile ? 1 : 0);
        if (plan.roleName) assert.deepEqual([value(role.attrs.get('name') as TsNode, pseudo), value(role.attrs.get('path') as TsNode, pseudo)], [plan.roleName, plan.path]);
      }
    }

    const forms: [string, 'jsonencode' | 'document', (e: CatalogEntry) => TemplateText][] = [
      [TERRAFORM_PREFIX, 'jsonencode', terraformJsonencodeFor],
      [TERRAFORM_DOCUMENT_PREFIX, 'document', terraformPolicyDocumentFor],
    ];

    for (const [prefix, form, render] of forms) {
      it(`${prefix}*: parse with the Terraform grammar, tab stops at their defaults, and hold the catalog's policies`, () => {
        for (const e of documented) {
          const snippet = byPrefix.get(`${prefix}${short(e)}`) as VsCodeSnippet;
          const text = expand(snippet.body, new Map());
          check(e, text, false, form);
          assert.equal(text, render(e).plain, `${e.id}: plain is the body at its defaults`);
        }
      });

      it(`${prefix}*: filled with the examples, hold the policies fillPlaceholders() fills`, () => {
        for (const e of documented) {
          const rendered = render(e);
          const text = expand(rendered.body, exampleValues(rendered.body, e));
          check(e, text, true, form);
          assert.equal(text, rendered.filled, e.id);
        }
      });
    }

    it('read the partition, Region and account from data sources it declares, and keep IAM policy variables literal', () => {
      const admin = terraformJsonencodeFor(catalog.find((e) => e.id === 'ssm-dhmc-admin') as CatalogEntry).plain;
      assert.ok(admin.includes('"arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:servicesetting/'), admin);
      for (const d of ['data "aws_partition" "current" {}', 'data "aws_region" "current" {}', 'data "aws_caller_identity" "current" {}']) assert.ok(admin.includes(d), d);
      const trust = terraformJsonencodeFor(catalog.find((e) => e.id === 'ssm-quick-setup-service-role-trust') as CatalogEntry).plain;
      assert.ok(!trust.includes('data "'), 'no data source that nothing reads');
      const base = catalog.find((e) => e.id === 'ssm-dhmc-admin') as CatalogEntry;
      const entry: CatalogEntry = {
        ...base,
        text: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*" }\n  ]\n}',
        placeholders: [],
      };
      for (const [, form, render] of forms) {
        const rendered = render(entry);
        assert.ok(rendered.plain.includes('s3:::b/$${aws:username}/*"'), rendered.plain);
        check(entry, expand(rendered.body, new Map()), false, form);
      }
    });
  });
});
