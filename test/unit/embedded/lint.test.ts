import { strict as assert } from 'node:assert';
import { parseTree, type Node } from 'jsonc-parser';
import { applyFixes } from '../../../src/core/lint';
import { lintTemplate } from '../../../src/core/embedded/lint';
import { project } from '../../../src/core/embedded/project';
import type { EmbeddedPolicy, ExtractedTemplate, TemplateValue, UnknownPart, UnknownShape } from '../../../src/core/embedded/types';
import type { PolicyKind } from '../../../src/core/policy/types';

/**
 * A test-only reader: JSON text whose strings may hold `${AWS::Region}`-style parts (as in Fn::Sub) or be `!Ref X`
 * (wholly unknown), so the engine's side of embedded policies is tested without any template format.
 */
const SHAPES: Record<string, UnknownShape> = { 'AWS::Region': 'region', 'AWS::AccountId': 'account', 'AWS::Partition': 'partition', 'AWS::URLSuffix': 'url-suffix' };

function toValue(node: Node, text: string): TemplateValue {
  const span = { offset: node.offset, length: node.length };
  switch (node.type) {
    case 'object':
      return {
        type: 'object',
        span,
        entries: (node.children ?? []).map((prop) => {
          const [k, v] = prop.children as [Node, Node];
          return { key: k.value as string, keySpan: { offset: k.offset, length: k.length }, keyContentOffset: k.offset + 1, writeKey: (s: string) => JSON.stringify(s), value: toValue(v, text), span: { offset: prop.offset, length: prop.length } };
        }),
      };
    case 'array':
      return { type: 'array', span, items: (node.children ?? []).map((c) => toValue(c, text)) };
    case 'string': {
      const s = node.value as string;
      const ref = /^!Ref (.+)$/.exec(s);
      if (ref) return { type: 'unknown', text: s, shape: SHAPES[ref[1] as string] ?? 'opaque', span };
      if (!s.includes('${')) return { type: 'string', value: s, span, write: (v) => JSON.stringify(v), contentOffset: node.offset + 1 };
      const parts: (string | UnknownPart)[] = [];
      const re = /\$\{([^}]+)\}/g;
      let last = 0;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        if (m.index > last) parts.push(s.slice(last, m.index));
        parts.push({ text: m[0], shape: SHAPES[m[1] as string] ?? 'opaque', span: { offset: node.offset + 1 + m.index, length: m[0].length } });
        last = m.index + m[0].length;
      }
      if (last < s.length) parts.push(s.slice(last));
      return { type: 'template', parts, span };
    }
    case 'number':
    case 'boolean':
    case 'null':
      return { type: node.type, value: node.value as number | boolean | null, span };
    default:
      throw new Error(node.type);
  }
}

function extractor(kind: PolicyKind, verbatim = false): (text: string) => ExtractedTemplate {
  return (text) => {
    const root = parseTree(text) as Node;
    const policy: EmbeddedPolicy = { kind, value: toValue(root, text), location: 'Policy' };
    if (verbatim) policy.verbatim = text;
    return { format: 'cloudformation-json', policies: [policy], findings: [] };
  };
}

const slice = (text: string, f: { offset: number; length: number }): string => text.slice(f.offset, f.offset + f.length);

async function lint(text: string, kind: PolicyKind = 'identity', verbatim = false) {
  return lintTemplate(text, { fileName: 'template.json', extract: extractor(kind, verbatim) });
}

describe('embedded policies: linting what a template holds', () => {
  it('places a finding on the source element it is about', async () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:GetParamter"],"Resource":"*"}]}';
    const { findings } = await lint(`   ${text}`);
    const f = findings.find((x) => x.ruleId === 'action-unknown');
    assert.ok(f, JSON.stringify(findings));
    assert.equal(slice(`   ${text}`, f), '"ssm:GetParamter"');
  });

  it('still finds a misspelled setting id inside an ARN built from pseudo parameters, and names the ARN as the source writes it', async () => {
    const arn = 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:servicesetting/ssm/managed-instance/default-ec2-instance-managment-role';
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ssm:GetServiceSetting', Resource: arn }] });
    const { findings } = await lint(text);
    const f = findings.find((x) => x.ruleId === 'ssm-service-setting-id');
    assert.ok(f, JSON.stringify(findings));
    assert.equal(slice(text, f), JSON.stringify(arn));
    assert.ok(!/305419896012|us-east-1/.test(f.message), f.message);
  });

  it('reports nothing caused by an unknown part: a whole ARN from a reference, a wholly unknown value', async () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:PutObject', Resource: '${LogBucket.Arn}/*' },
        { Effect: 'Allow', Action: ['ssm:GetParameter'], Resource: '!Ref ParameterArn' },
        { Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${KeyId}' },
      ],
    });
    const result = await lint(text);
    assert.deepEqual(result.findings.map((f) => `${f.ruleId} ${slice(text, f)}`), []);
    assert.equal(result.unknownValues, 2);
  });

  it('keeps a finding about what is known next to an unknown value', async () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ssm:GetParamter'], Resource: '!Ref ParameterArn' }] });
    const { findings } = await lint(text);
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${slice(text, f)}`), ['action-unknown "ssm:GetParamter"']);
  });

  it('does not judge a statement by a condition it cannot see', async () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: '!Ref Cond' }] });
    const known = text.replace('"!Ref Cond"', '{}').replace(',"Condition":{}', '');
    assert.ok((await lint(known, 'resource')).findings.some((f) => f.ruleId === 'principal-wildcard'), 'the rule fires without the condition');
    assert.deepEqual((await lint(text, 'resource')).findings.map((f) => f.ruleId), []);
  });

  it('maps a fix onto the literal it edits, and applying it fixes the source', async () => {
    const text = '{ "Version": "2012-10-17", "Statement": [ { "Effect": "allow", "Action": "ssm:GetParameter", "Resource": "${AWS::AccountId}" } ] }';
    const { findings } = await lint(text);
    const f = findings.find((x) => x.ruleId === 'effect-value');
    assert.ok(f?.fix, JSON.stringify(findings));
    assert.equal(slice(text, f), '"allow"');
    assert.match(applyFixes(text, findings), /"Effect": "Allow"/);
  });

  it('offers no fix where the literal cannot be rewritten exactly', async () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"ssm:GetParameter","Resource":"*"}]}';
    const result = await lintTemplate(text, {
      fileName: 't.json',
      extract: (t) => {
        const x = extractor('identity')(t);
        const st = ((x.policies[0]?.value as { entries: { value: TemplateValue }[] }).entries[1]?.value as { items: { entries: { value: TemplateValue }[] }[] }).items[0];
        delete (st?.entries[0]?.value as { write?: unknown }).write;
        return x;
      },
    });
    const f = result.findings.find((x) => x.ruleId === 'effect-value');
    assert.ok(f);
    assert.equal(f.fix, undefined);
  });

  it('lints a policy held as exact JSON text as it stands, fixes included', async () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": ["ssm:GetParameter", "ssm:GetParameter"], "Resource": "*",}]\n}';
    const { findings } = await lint(text, 'identity', true);
    assert.ok(findings.some((f) => f.ruleId === 'json-trailing-comma' && f.fix), JSON.stringify(findings.map((f) => f.ruleId)));
    assert.ok(!applyFixes(text, findings).includes('"*",}'));
  });

  it('counts a wholly unknown policy and lints nothing of it', async () => {
    const result = await lintTemplate('x', {
      fileName: 't',
      extract: () => ({ format: 'terraform', findings: [], policies: [{ kind: 'identity', location: 'p', value: { type: 'unknown', text: 'file("p.json")', shape: 'opaque', span: { offset: 0, length: 1 } } }] }),
    });
    assert.deepEqual(result.findings, []);
    assert.equal(result.unknownValues, 1);
  });

  it('formats the extractor\'s own findings with the rule\'s messages and honours the configuration', async () => {
    const extract = (): ExtractedTemplate => ({ format: 'cloudformation-yaml', policies: [], findings: [{ ruleId: 'template-syntax', messageId: 'unknownTag', data: { tag: '!Foo' }, span: { offset: 3, length: 4 } }] });
    const on = await lintTemplate('a: !Foo x', { fileName: 't.yaml', extract });
    assert.equal(on.findings[0]?.message.startsWith('Unknown tag !Foo'), true);
    assert.deepEqual(on.findings[0]?.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 7 } });
    const off = await lintTemplate('a: !Foo x', { fileName: 't.yaml', extract, config: { rules: { 'template-syntax': 'off' } } });
    assert.deepEqual(off.findings, []);
  });

  it('projects stand-ins that differ between variants, and shaped values for pseudo parameters', () => {
    const value = toValue(parseTree('{"a":"!Ref X","b":"${AWS::Region}","c":"arn:aws:iam::${Acct}:role/r"}') as Node, '');
    const texts = [0, 1, 2].map((v) => project(value, v).text);
    assert.equal(new Set(texts).size, 3);
    assert.match(texts[0] as string, /"b":"us-east-1"/);
    assert.match(texts[0] as string, /"c":"arn:aws:iam::305419896012:role\/r"/);
  });
});
