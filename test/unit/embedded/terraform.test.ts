import { strict as assert } from 'node:assert';
import { extractTerraform, looksLikeTerraform, TERRAFORM_WASM_FILES } from '../../../src/core/embedded/terraform';
import type { EmbeddedPolicy, ExtractedTemplate, LiteralString, SourceSpan, TemplateObject, TemplateValue } from '../../../src/core/embedded/types';

const at = (text: string, s: SourceSpan): string => text.slice(s.offset, s.offset + s.length);

/** The value under a path of keys and indexes. */
function get(v: TemplateValue, ...path: (string | number)[]): TemplateValue {
  let cur = v;
  for (const p of path) {
    if (typeof p === 'number') {
      assert.equal(cur.type, 'array', `expected an array at ${p}`);
      cur = (cur as { items: TemplateValue[] }).items[p] as TemplateValue;
    } else {
      assert.equal(cur.type, 'object', `expected an object at ${p}`);
      const e = (cur as TemplateObject).entries.find((x) => x.key === p);
      assert.ok(e, `no key ${p}`);
      cur = e.value;
    }
    assert.ok(cur, `nothing at ${String(p)}`);
  }
  return cur;
}

/** The plain JSON of a value without unknowns (templates as `<…>`). */
function plain(v: TemplateValue): unknown {
  switch (v.type) {
    case 'object':
      return Object.fromEntries(v.entries.map((e) => [e.key, plain(e.value)]));
    case 'array':
      return v.items.map(plain);
    case 'template':
      return v.parts.map((p) => (typeof p === 'string' ? p : `<${p.shape}:${p.text}>`)).join('');
    case 'unknown':
      return `<unknown:${v.shape}>`;
    default:
      return v.value;
  }
}

async function one(text: string): Promise<{ r: ExtractedTemplate; p: EmbeddedPolicy }> {
  const r = await extractTerraform(text);
  assert.equal(r.policies.length, 1, JSON.stringify(r.findings));
  return { r, p: r.policies[0] as EmbeddedPolicy };
}

const JSONENCODE = (resource: string, attr = 'policy', extra = ''): string => `resource "${resource}" "x" {
  ${extra}
  ${attr} = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ssm:GetParameter", Resource = "*" }]
  })
}
`;

describe('Terraform extractor', () => {
  it('recognises .tf files only', () => {
    assert.ok(looksLikeTerraform('main.tf'));
    assert.ok(looksLikeTerraform('/a/b/iam.tf'));
    assert.ok(!looksLikeTerraform('main.tf.json'));
    assert.ok(!looksLikeTerraform('prod.tfvars'));
    assert.ok(!looksLikeTerraform('main.tfstate'));
  });

  it('names the two wasm files a bundle ships, and they resolve', () => {
    assert.deepEqual(Object.values(TERRAFORM_WASM_FILES).sort(), ['@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', 'web-tree-sitter/web-tree-sitter.wasm']);
    for (const p of Object.values(TERRAFORM_WASM_FILES)) assert.ok(require.resolve(p).endsWith('.wasm'));
  });

  describe('kinds and locations', () => {
    const cases: [string, string, string][] = [
      ['aws_iam_role_policy', 'policy', 'identity'],
      ['aws_iam_policy', 'policy', 'identity'],
      ['aws_iam_user_policy', 'policy', 'identity'],
      ['aws_iam_group_policy', 'policy', 'identity'],
      ['aws_iam_role', 'assume_role_policy', 'trust'],
      ['aws_organizations_policy', 'content', 'scp'],
      ['aws_s3_bucket_policy', 'policy', 'resource'],
      ['aws_sqs_queue_policy', 'policy', 'resource'],
      ['aws_sns_topic_policy', 'policy', 'resource'],
      ['aws_kms_key', 'policy', 'resource'],
    ];
    for (const [type, attr, kind] of cases) {
      it(`${type}.${attr} is ${kind}`, async () => {
        const { p } = await one(JSONENCODE(type, attr));
        assert.equal(p.kind, kind);
        assert.equal(p.location, `${type}.x.${attr}`);
        assert.equal(p.resource, `${type}.x`);
      });
    }

    it('reads an organizations policy only when it is an SCP', async () => {
      assert.equal((await one(JSONENCODE('aws_organizations_policy', 'content', 'type = "SERVICE_CONTROL_POLICY"'))).p.kind, 'scp');
      assert.equal((await extractTerraform(JSONENCODE('aws_organizations_policy', 'content', 'type = "TAG_POLICY"'))).policies.length, 0);
    });

    it('reads a role inline_policy as identity', async () => {
      const text = `resource "aws_iam_role" "r" {
  inline_policy {
    policy = jsonencode({ Version = "2012-10-17", Statement = [] })
  }
  inline_policy {
    policy = jsonencode({ Version = "2012-10-17", Statement = [] })
  }
}`;
      const r = await extractTerraform(text);
      assert.deepEqual(
        r.policies.map((p) => [p.kind, p.location]),
        [
          ['identity', 'aws_iam_role.r.inline_policy[0].policy'],
          ['identity', 'aws_iam_role.r.inline_policy[1].policy'],
        ],
      );
    });

    it('ignores policies of other resources', async () => {
      assert.equal((await extractTerraform(JSONENCODE('aws_lambda_function'))).policies.length, 0);
    });
  });

  describe('jsonencode values', () => {
    const text = `data "aws_partition" "p" {}
resource "aws_iam_policy" "x" {
  policy = jsonencode({
    Version = "2012-10-17"
    "Statement" : [{
      Effect = "Allow"
      Action = ["ssm:GetParameter", "a\\"b\\\\c\\n\\u00e9$\${x}%%{y}"]
      Resource = [
        "arn:\${data.aws_partition.p.partition}:ssm:\${data.aws_region.r.name}:\${data.aws_caller_identity.me.account_id}:parameter/\${var.name}",
        "https://s3.\${data.aws_partition.p.dns_suffix}",
        "\${data.aws_region.r.region}\${data.aws_region.r.id}",
      ]
      Condition = {
        NumericLessThan = { "s3:max-keys" = 10 }
        Bool = { "aws:SecureTransport" = true, "aws:ViaAWSService" = null }
        StringEquals = { "aws:PrincipalTag/x" = var.tag, "aws:y" = local.y, "aws:z" = [for v in var.vs : v], "aws:w" = var.a ? "x" : "y", "aws:v" = lower("X"), "aws:u" = var.list[*].id, "aws:t" = "%{ if true }x%{ endif }" }
      }
    }]
  })
}
`;
    let p: EmbeddedPolicy;
    before(async () => {
      p = (await one(text)).p;
    });

    it('reads keys written as identifiers or quoted strings, with = or :', () => {
      assert.deepEqual(
        (p.value as TemplateObject).entries.map((e) => [e.key, at(text, e.keySpan)]),
        [
          ['Version', 'Version'],
          ['Statement', '"Statement"'],
        ],
      );
      assert.equal(p.verbatim, undefined);
      assert.equal(at(text, p.value.span).slice(0, 1), '{');
    });

    it('reads string literals with exact spans, content offsets and escapes', () => {
      const a = get(p.value, 'Statement', 0, 'Action', 0) as LiteralString;
      assert.equal(a.value, 'ssm:GetParameter');
      assert.equal(at(text, a.span), '"ssm:GetParameter"');
      assert.equal(a.contentOffset, a.span.offset + 1);
      const esc = get(p.value, 'Statement', 0, 'Action', 1) as LiteralString;
      assert.equal(esc.type, 'string');
      assert.equal(esc.value, 'a"b\\c\né${x}%{y}');
      assert.equal(esc.contentOffset, undefined);
      assert.equal(at(text, esc.span), '"a\\"b\\\\c\\n\\u00e9$${x}%%{y}"');
    });

    it('reads numbers, booleans and null', () => {
      assert.deepEqual(get(p.value, 'Statement', 0, 'Condition', 'NumericLessThan', 's3:max-keys'), { type: 'number', value: 10, span: { offset: text.indexOf('10 }'), length: 2 } });
      assert.equal(get(p.value, 'Statement', 0, 'Condition', 'Bool', 'aws:SecureTransport').type, 'boolean');
      assert.equal(get(p.value, 'Statement', 0, 'Condition', 'Bool', 'aws:ViaAWSService').type, 'null');
    });

    it('turns interpolations into template parts with shapes', () => {
      assert.deepEqual(plain(get(p.value, 'Statement', 0, 'Resource')), [
        'arn:<partition:${data.aws_partition.p.partition}>:ssm:<region:${data.aws_region.r.name}>:<account:${data.aws_caller_identity.me.account_id}>:parameter/<opaque:${var.name}>',
        'https://s3.<url-suffix:${data.aws_partition.p.dns_suffix}>',
        '<region:${data.aws_region.r.region}><region:${data.aws_region.r.id}>',
      ]);
      const t = get(p.value, 'Statement', 0, 'Resource', 0);
      assert.equal(t.type, 'template');
      if (t.type === 'template') {
        const part = t.parts[1];
        assert.ok(part && typeof part !== 'string');
        assert.equal(at(text, part.span), '${data.aws_partition.p.partition}');
      }
    });

    it('keeps references, for expressions, conditionals, functions, splats and directives unknown', () => {
      const sc = get(p.value, 'Statement', 0, 'Condition', 'StringEquals');
      assert.deepEqual(plain(sc), {
        'aws:PrincipalTag/x': '<unknown:opaque>',
        'aws:y': '<unknown:opaque>',
        'aws:z': '<unknown:opaque>',
        'aws:w': '<unknown:opaque>',
        'aws:v': '<unknown:opaque>',
        'aws:u': '<unknown:opaque>',
        'aws:t': '<unknown:opaque>',
      });
      assert.equal(at(text, get(sc, 'aws:z').span), '[for v in var.vs : v]');
      assert.equal(at(text, get(sc, 'aws:PrincipalTag/x').span), 'var.tag');
    });

    it('writes HCL strings that read back as the same value', async () => {
      const a = get(p.value, 'Statement', 0, 'Action', 0) as LiteralString;
      for (const value of ['ssm:GetParameters', 'a"b\\c\nd\te\r', '${aws:username}', '%{x}', 'é😀']) {
        const written = a.write?.(value);
        assert.ok(written);
        const rewritten = text.slice(0, a.span.offset) + written + text.slice(a.span.offset + a.span.length);
        const again = (await one(rewritten)).p;
        const read = get(again.value, 'Statement', 0, 'Action', 0);
        assert.equal(read.type, 'string');
        assert.equal((read as LiteralString).value, value);
      }
      const entry = (p.value as TemplateObject).entries[0];
      assert.equal(entry?.writeKey?.('Ver"sion'), '"Ver\\"sion"');
    });
  });

  describe('JSON in heredocs and strings', () => {
    it('reads a heredoc exactly, with verbatim text', async () => {
      const body = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "*"}]\n}';
      const text = `resource "aws_iam_policy" "x" {\n  policy = <<EOF\n${body}\nEOF\n}\n`;
      const { p } = await one(text);
      assert.equal(p.verbatim, body);
      assert.equal(p.value.span.offset, text.indexOf(body));
      const a = get(p.value, 'Statement', 0, 'Action') as LiteralString;
      assert.equal(at(text, a.span), '"ssm:GetParameter"');
      assert.equal(a.contentOffset, a.span.offset + 1);
      assert.equal(a.write?.('ssm:${x}'), '"ssm:$${x}"');
    });

    it('maps an indented <<- heredoc 1:1 onto the source', async () => {
      const text = 'resource "aws_iam_policy" "x" {\n  policy = <<-EOT\n    {\n      "Version": "2012-10-17",\n      "Statement": []\n    }\n  EOT\n}\n';
      const { p } = await one(text);
      assert.equal(p.verbatim, '{\n      "Version": "2012-10-17",\n      "Statement": []\n    }');
      assert.equal(at(text, get(p.value, 'Version').span), '"2012-10-17"');
    });

    it('reads interpolations in a heredoc: strings become templates, a bare one an unknown value', async () => {
      const text = `resource "aws_iam_policy" "x" {
  policy = <<EOF
{"Statement": [{"Resource": "arn:\${data.aws_partition.current.partition}:s3:::b/$\${aws:username}/*", "Condition": {"NumericLessThan": {"s3:max-keys": \${var.n}}}, "Action": \${jsonencode(var.actions)}}]}
EOF
}`;
      const { p } = await one(text);
      assert.equal(p.verbatim, undefined);
      assert.deepEqual(plain(get(p.value, 'Statement', 0, 'Resource')), 'arn:<partition:${data.aws_partition.current.partition}>:s3:::b/${aws:username}/*');
      const n = get(p.value, 'Statement', 0, 'Condition', 'NumericLessThan', 's3:max-keys');
      assert.equal(n.type, 'unknown');
      assert.equal(at(text, n.span), '${var.n}');
      const act = get(p.value, 'Statement', 0, 'Action');
      assert.equal(act.type, 'unknown');
      assert.equal(at(text, act.span), '${jsonencode(var.actions)}');
      assert.equal(at(text, get(p.value, 'Statement', 0, 'Resource').span), '"arn:${data.aws_partition.current.partition}:s3:::b/$${aws:username}/*"');
    });

    it('keeps a heredoc with %{} directives wholly unknown', async () => {
      const text = 'resource "aws_iam_policy" "x" {\n  policy = <<EOF\n{"Statement": [%{ for a in var.as }"${a}",%{ endfor }]}\nEOF\n}\n';
      const { p } = await one(text);
      assert.equal(p.value.type, 'unknown');
    });

    it('reads JSON in a quoted string with exact spans and an HCL writer', async () => {
      const text = 'resource "aws_iam_policy" "x" {\n  policy = "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": [{\\"Action\\": \\"ssm:GetParamter\\"}]}"\n}\n';
      const { p } = await one(text);
      const a = get(p.value, 'Statement', 0, 'Action') as LiteralString;
      assert.equal(a.value, 'ssm:GetParamter');
      assert.equal(at(text, a.span), '\\"ssm:GetParamter\\"');
      const fixed = text.slice(0, a.span.offset) + (a.write?.('ssm:GetParameter') ?? '') + text.slice(a.span.offset + a.span.length);
      assert.equal((get((await one(fixed)).p.value, 'Statement', 0, 'Action') as LiteralString).value, 'ssm:GetParameter');
    });

    it('reports a JSON error at its exact place and extracts nothing from it', async () => {
      const text = 'resource "aws_iam_policy" "x" {\n  policy = <<EOF\n{"Version": "2012-10-17" "Statement": []}\nEOF\n}\n';
      const r = await extractTerraform(text);
      assert.equal(r.policies.length, 0);
      assert.equal(r.findings.length, 1);
      const f = r.findings[0];
      assert.equal(f?.messageId, 'jsonError');
      assert.equal(f?.data?.detail, 'CommaExpected');
      assert.equal(at(text, f?.span as SourceSpan), '"Statement"');
    });
  });

  describe('wholly unknown policies', () => {
    for (const expr of ['file("p.json")', 'templatefile("p.tftpl", {})', 'var.policy', 'local.p', 'aws_iam_policy.a.policy', '"${var.policy}"', 'data.aws_iam_policy_document.elsewhere.json', 'jsonencode(local.p)']) {
      it(`${expr} is an unknown policy`, async () => {
        const text = `resource "aws_iam_policy" "x" {\n  policy = ${expr}\n}\n`;
        const { p } = await one(text);
        assert.equal(p.value.type, 'unknown');
        assert.equal(at(text, p.value.span), expr.startsWith('jsonencode') ? 'local.p' : expr);
      });
    }
  });

  describe('aws_iam_policy_document', () => {
    const text = `data "aws_iam_policy_document" "doc" {
  policy_id = "MyPolicy"
  statement {
    sid     = "One"
    actions = ["ssm:SendCommand"]
    not_resources = ["arn:aws:s3:::b"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
    principals {
      type        = "Service"
      identifiers = ["ssm.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["123456789012"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["ops"]
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:ssm:*:123456789012:*"]
    }
  }
  statement {
    effect      = "Deny"
    not_actions = ["s3:*"]
    resources   = ["*"]
  }
  dynamic "statement" {
    for_each = var.extra
    content {
      actions = statement.value
    }
  }
}
`;
    let p: EmbeddedPolicy;
    before(async () => {
      p = (await one(text)).p;
    });

    it('converts to the JSON the provider produces', () => {
      assert.deepEqual(plain(p.value), {
        Version: '2012-10-17',
        Id: 'MyPolicy',
        Statement: [
          {
            Sid: 'One',
            Effect: 'Allow',
            Action: ['ssm:SendCommand'],
            NotResource: ['arn:aws:s3:::b'],
            Principal: { Service: ['ec2.amazonaws.com', 'ssm.amazonaws.com'], AWS: ['arn:aws:iam::123456789012:root'] },
            Condition: {
              StringEquals: { 'aws:SourceAccount': ['123456789012'], 'aws:PrincipalTag/team': ['ops'] },
              ArnLike: { 'aws:SourceArn': ['arn:aws:ssm:*:123456789012:*'] },
            },
          },
          { Effect: 'Deny', NotAction: ['s3:*'], Resource: ['*'] },
          '<unknown:opaque>',
        ],
      });
      assert.equal(p.location, 'data.aws_iam_policy_document.doc');
      assert.equal(p.resource, 'data.aws_iam_policy_document.doc');
      assert.equal(p.kind, 'trust', 'unreferenced, with principals');
    });

    it('gives defaults the spans of the block headers, and keys the spans of their values', () => {
      const doc = p.value as TemplateObject;
      assert.equal(at(text, doc.entries[0]?.value.span as SourceSpan), 'data "aws_iam_policy_document" "doc"');
      const st = get(p.value, 'Statement', 0) as TemplateObject;
      const effect = st.entries.find((e) => e.key === 'Effect');
      assert.equal(at(text, effect?.value.span as SourceSpan), 'statement');
      const principal = get(st, 'Principal') as TemplateObject;
      assert.deepEqual(
        principal.entries.map((e) => at(text, e.keySpan)),
        ['"Service"', '"AWS"'],
      );
      const cond = get(st, 'Condition') as TemplateObject;
      assert.deepEqual(cond.entries.map((e) => at(text, e.keySpan)), ['"StringEquals"', '"ArnLike"']);
      assert.deepEqual((get(cond, 'StringEquals') as TemplateObject).entries.map((e) => at(text, e.keySpan)), ['"aws:SourceAccount"', '"aws:PrincipalTag/team"']);
      assert.equal(at(text, (get(st, 'Sid') as LiteralString).span), '"One"');
      assert.equal(at(text, get(p.value, 'Statement', 2).span).split('\n')[0], 'dynamic "statement" {');
    });

    it('takes the kind from where the file refers to it, and does not lint the referring attribute', async () => {
      const doc = (name: string): string => `data "aws_iam_policy_document" "${name}" {\n  statement {\n    actions = ["s3:GetObject"]\n    resources = ["*"]\n  }\n}\n`;
      const src = `${doc('a')}${doc('b')}${doc('c')}${doc('d')}
resource "aws_iam_role" "r" {
  assume_role_policy = data.aws_iam_policy_document.a.json
}
resource "aws_s3_bucket_policy" "b" {
  policy = data.aws_iam_policy_document.b.minified_json
}
resource "aws_iam_policy" "c" {
  policy = "\${data.aws_iam_policy_document.c.json}"
}`;
      const r = await extractTerraform(src);
      assert.deepEqual(
        r.policies.map((x) => [x.location, x.kind]),
        [
          ['data.aws_iam_policy_document.a', 'trust'],
          ['data.aws_iam_policy_document.b', 'resource'],
          ['data.aws_iam_policy_document.c', 'identity'],
          ['data.aws_iam_policy_document.d', 'identity'],
        ],
      );
    });

    it('lints the declared statements of a document that merges others, and says so', async () => {
      const src = 'data "aws_iam_policy_document" "m" {\n  source_policy_documents = [data.aws_iam_policy_document.base.json]\n  statement {\n    actions = ["ssm:GetParameter"]\n    resources = ["*"]\n  }\n}\n';
      const { p: m } = await one(src);
      assert.match(m.location, /^data\.aws_iam_policy_document\.m .*source_policy_documents/);
      const items = (get(m.value, 'Statement') as { items: TemplateValue[] }).items;
      assert.deepEqual(items.map((i) => i.type), ['object', 'unknown']);
    });
  });

  describe('aws_ssm_service_setting', () => {
    const setting = (id: string): string => `resource "aws_ssm_service_setting" "s" {\n  setting_id    = "${id}"\n  setting_value = "true"\n}\n`;

    it('accepts real ids and ARNs', async () => {
      for (const id of ['/ssm/parameter-store/high-throughput-enabled', 'arn:aws:ssm:us-east-1:123456789012:servicesetting/ssm/managed-instance/default-ec2-instance-management-role', 'arn:${data.aws_partition.p.partition}:ssm:${var.region}:${var.account}:servicesetting/ssm/parameter-store/default-parameter-tier']) {
        assert.deepEqual((await extractTerraform(setting(id))).findings, [], id);
      }
    });

    it('reports a misspelled id with a suggestion that rewrites the literal', async () => {
      const text = setting('/ssm/parameter-store/high-throughput-enabeld');
      const r = await extractTerraform(text);
      assert.equal(r.findings.length, 1);
      const f = r.findings[0];
      assert.equal(f?.ruleId, 'ssm-service-setting-id');
      assert.equal(f?.messageId, 'unknownSettingId');
      assert.deepEqual(f?.data, { id: '/ssm/parameter-store/high-throughput-enabeld', suggestion: '/ssm/parameter-store/high-throughput-enabled' });
      assert.equal(at(text, f?.span as SourceSpan), '"/ssm/parameter-store/high-throughput-enabeld"');
      const edit = f?.suggestions?.[0]?.fix[0];
      assert.ok(edit);
      assert.equal(f?.suggestions?.[0]?.messageId, 'changeId');
      const fixed = text.slice(0, edit.offset) + edit.content + text.slice(edit.offset + edit.length);
      assert.deepEqual((await extractTerraform(fixed)).findings, []);
    });

    it('reports a misspelled id in an interpolated ARN and fixes only the id', async () => {
      const text = setting('arn:${data.aws_partition.p.partition}:ssm:${var.r}:${var.a}:servicesetting/ssm/managed-instance/default-ec2-instance-managment-role');
      const r = await extractTerraform(text);
      assert.equal(r.findings[0]?.messageId, 'unknownSettingId');
      const edit = r.findings[0]?.suggestions?.[0]?.fix[0];
      assert.ok(edit);
      assert.equal(edit.content, '/ssm/managed-instance/default-ec2-instance-management-role');
      const fixed = text.slice(0, edit.offset) + edit.content + text.slice(edit.offset + edit.length);
      assert.deepEqual((await extractTerraform(fixed)).findings, []);
    });

    it('lists the known ids of a closed namespace when nothing is close', async () => {
      const r = await extractTerraform(setting('/ssm/parameter-store/something-else-entirely'));
      assert.equal(r.findings.length, 1);
      assert.equal(r.findings[0]?.messageId, 'unknownSettingIdInNamespace');
      assert.equal(r.findings[0]?.data?.namespace, '/ssm/parameter-store/');
      assert.match(r.findings[0]?.data?.known ?? '', /high-throughput-enabled/);
    });

    it('judges nothing it cannot read', async () => {
      assert.deepEqual((await extractTerraform('resource "aws_ssm_service_setting" "s" {\n  setting_id = var.id\n}\n')).findings, []);
    });
  });

  describe('bad input', () => {
    it('reports HCL errors at their span and still reads the rest of the file', async () => {
      const text = `resource "aws_iam_policy" "broken" {
  policy = jsonencode({ Statement = [{ Action = ["ssm:GetParamter", Resource = "*" }] })
}
resource "aws_iam_policy" "fine" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}
`;
      const r = await extractTerraform(text);
      assert.ok(r.findings.length >= 1);
      for (const f of r.findings) {
        assert.equal(f.ruleId, 'template-syntax');
        assert.equal(f.messageId, 'hclError');
        assert.ok(f.span.offset < text.indexOf('"fine"'));
      }
      assert.deepEqual(r.policies.map((p) => p.resource), ['aws_iam_policy.fine']);
    });

    it('names the text near an error', async () => {
      const text = 'resource "aws_iam_policy" "x" {\n  policy = jsonencode({ a = })\n}\n';
      const r = await extractTerraform(text);
      assert.equal(r.policies.length, 0);
      assert.ok(r.findings.length >= 1);
      const f = r.findings[0];
      assert.equal(f?.messageId, 'hclError');
      assert.equal(f?.data?.detail, f?.span.length ? ` near "${at(text, f.span).replace(/\s+/g, ' ').trim()}"` : '');
    });

    it('never throws on garbage', async () => {
      for (const text of ['', '}}}', '{', 'resource', '"\\', '<<EOF', 'resource "aws_iam_policy" "x" { policy = <<EOF\n{', '\u0000\uffff\ud800', 'a = "${"']) {
        const r = await extractTerraform(text);
        assert.equal(r.format, 'terraform');
        assert.equal(r.policies.filter((p) => p.value.type !== 'unknown').length, 0, JSON.stringify(text));
      }
    });

    it('stops at depth 64 in jsonencode and in heredoc JSON, without overflowing the stack', async () => {
      const n = 5000;
      const hcl = `resource "aws_iam_policy" "x" {\n  policy = jsonencode({ Statement = ${'['.repeat(n)}${']'.repeat(n)} })\n}\n`;
      const r1 = await extractTerraform(hcl);
      assert.ok(r1.findings.some((f) => f.messageId === 'tooDeep'));
      const json = `resource "aws_iam_policy" "x" {\n  policy = <<EOF\n{"Statement": ${'['.repeat(n)}${']'.repeat(n)}}\nEOF\n}\n`;
      const r2 = await extractTerraform(json);
      assert.deepEqual(r2.findings.map((f) => f.messageId), ['tooDeep']);
      assert.equal(r2.policies.length, 0);
    });
  });

  it('gives UTF-16 offsets after non-ASCII text (tree-sitter indexes JS strings in UTF-16 code units)', async () => {
    const text = `# 日本語のコメント 😀😀\nresource "aws_iam_policy" "x" {\n  description = "説明 🎉"\n  policy = jsonencode({ Statement = [{ Action = "ssm:GetParamter", Resource = "arn:aws:s3:::バケット/😀/\${var.x}" }] })\n}\nresource "aws_iam_policy" "y" {\n  policy = <<EOF\n{"Action": "é😀", "Resource": "ssm:GetParamter"}\nEOF\n}\n`;
    const r = await extractTerraform(text);
    const a = get(r.policies[0]?.value as TemplateValue, 'Statement', 0, 'Action') as LiteralString;
    assert.equal(at(text, a.span), '"ssm:GetParamter"');
    assert.equal(a.contentOffset, text.indexOf('ssm:GetParamter'));
    const res = get(r.policies[0]?.value as TemplateValue, 'Statement', 0, 'Resource');
    assert.equal(at(text, res.span), '"arn:aws:s3:::バケット/😀/${var.x}"');
    const h = get(r.policies[1]?.value as TemplateValue, 'Resource') as LiteralString;
    assert.equal(at(text, h.span), '"ssm:GetParamter"');
    assert.equal(r.policies[1]?.verbatim, '{"Action": "é😀", "Resource": "ssm:GetParamter"}');
  });

  it('reads a 2,000-line file', async () => {
    const block = (i: number): string => `resource "aws_iam_policy" "p${i}" {
  name = "p${i}" # コメント
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ssm:GetParameter", "ssm:GetParameters"]
      Resource = "arn:\${data.aws_partition.current.partition}:ssm:*:*:parameter/app${i}/*"
    }]
  })
}
`;
    const text = Array.from({ length: 182 }, (_, i) => block(i)).join('');
    assert.ok(text.split('\n').length >= 2000);
    const r = await extractTerraform(text);
    assert.equal(r.policies.length, 182);
    assert.deepEqual(r.findings, []);
    const last = get(r.policies[181]?.value as TemplateValue, 'Statement', 0, 'Action', 1) as LiteralString;
    assert.equal(at(text, last.span), '"ssm:GetParameters"');
  });
});
