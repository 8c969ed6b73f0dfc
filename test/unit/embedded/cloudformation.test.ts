import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { extractCloudFormation, looksLikeCloudFormation } from '../../../src/core/embedded/cloudformation';
import { lintTemplate } from '../../../src/core/embedded/lint';
import type {
  EmbeddedPolicy,
  ExtractedTemplate,
  LiteralString,
  SourceSpan,
  TemplateFinding,
  TemplateObject,
  TemplateString,
  TemplateValue,
  UnknownPart,
  UnknownValue,
} from '../../../src/core/embedded/types';
import { rng } from '../rng';

function slice(text: string, span: SourceSpan): string {
  return text.slice(span.offset, span.offset + span.length);
}

/** The value at a path of keys and indexes. */
function at(value: TemplateValue, ...path: (string | number)[]): TemplateValue {
  let v = value;
  for (const step of path) {
    if (typeof step === 'number') {
      assert.equal(v.type, 'array', `not an array at ${step}`);
      v = (v as { items: TemplateValue[] }).items[step] as TemplateValue;
    } else {
      assert.equal(v.type, 'object', `not an object at ${step}`);
      const entry = (v as TemplateObject).entries.find((e) => e.key === step);
      assert.ok(entry, `no key ${step}`);
      v = entry.value;
    }
    assert.ok(v, `nothing at ${String(step)}`);
  }
  return v;
}

function keys(value: TemplateValue): string[] {
  assert.equal(value.type, 'object');
  return (value as TemplateObject).entries.map((e) => e.key);
}

function policy(r: ExtractedTemplate, location: string): EmbeddedPolicy {
  const p = r.policies.find((x) => x.location === location);
  assert.ok(p, `no policy at ${location}; found ${r.policies.map((x) => x.location).join(', ')}`);
  return p;
}

function only(r: ExtractedTemplate, messageId: string): TemplateFinding {
  const f = r.findings.filter((x) => x.messageId === messageId);
  assert.equal(f.length, 1, JSON.stringify(r.findings.map((x) => x.messageId)));
  return f[0] as TemplateFinding;
}

/** A YAML template with one AWS::IAM::Policy whose document is `doc` (indented by 8). */
function yamlPolicy(doc: string): string {
  return `Resources:\n  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n${doc}`;
}

describe('CloudFormation extractor', () => {
  describe('where policies sit', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  InstanceRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]
      Policies:
        - PolicyName: a
          PolicyDocument: {Statement: []}
        - PolicyName: b
          PolicyDocument: {Statement: []}
  Pol:
    Type: AWS::IAM::Policy
    Properties: {PolicyDocument: {Statement: []}}
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties: {PolicyDocument: {Statement: []}}
  RolePol:
    Type: AWS::IAM::RolePolicy
    Properties: {PolicyDocument: {Statement: []}}
  UserPol:
    Type: AWS::IAM::UserPolicy
    Properties: {PolicyDocument: {Statement: []}}
  GroupPol:
    Type: AWS::IAM::GroupPolicy
    Properties: {PolicyDocument: {Statement: []}}
  User:
    Type: AWS::IAM::User
    Properties: {Policies: [{PolicyName: u, PolicyDocument: {Statement: []}}]}
  Group:
    Type: AWS::IAM::Group
    Properties: {Policies: [{PolicyName: g, PolicyDocument: {Statement: []}}]}
  Scp:
    Type: AWS::Organizations::Policy
    Properties: {Type: SERVICE_CONTROL_POLICY, Content: {Statement: []}}
  ScpNoType:
    Type: AWS::Organizations::Policy
    Properties: {Content: {Statement: []}}
  TagPolicy:
    Type: AWS::Organizations::Policy
    Properties: {Type: TAG_POLICY, Content: {tags: {}}}
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties: {PolicyDocument: {Statement: []}}
  QueuePolicy:
    Type: AWS::SQS::QueuePolicy
    Properties: {PolicyDocument: {Statement: []}}
  TopicPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties: {PolicyDocument: {Statement: []}}
  Key:
    Type: AWS::KMS::Key
    Properties: {KeyPolicy: {Statement: []}}
  Bucket:
    Type: AWS::S3::Bucket
    Properties: {PolicyDocument: {Statement: []}}
`;
    const r = extractCloudFormation(text);

    it('gives each policy the kind of where it sits, its location and its resource', () => {
      const got = r.policies.map((p) => `${p.kind} ${p.resource} ${p.location}`);
      assert.deepEqual(got, [
        'trust InstanceRole Resources.InstanceRole.Properties.AssumeRolePolicyDocument',
        'identity InstanceRole Resources.InstanceRole.Properties.Policies[0].PolicyDocument',
        'identity InstanceRole Resources.InstanceRole.Properties.Policies[1].PolicyDocument',
        'identity Pol Resources.Pol.Properties.PolicyDocument',
        'identity Managed Resources.Managed.Properties.PolicyDocument',
        'identity RolePol Resources.RolePol.Properties.PolicyDocument',
        'identity UserPol Resources.UserPol.Properties.PolicyDocument',
        'identity GroupPol Resources.GroupPol.Properties.PolicyDocument',
        'identity User Resources.User.Properties.Policies[0].PolicyDocument',
        'identity Group Resources.Group.Properties.Policies[0].PolicyDocument',
        'scp Scp Resources.Scp.Properties.Content',
        'scp ScpNoType Resources.ScpNoType.Properties.Content',
        'resource BucketPolicy Resources.BucketPolicy.Properties.PolicyDocument',
        'resource QueuePolicy Resources.QueuePolicy.Properties.PolicyDocument',
        'resource TopicPolicy Resources.TopicPolicy.Properties.PolicyDocument',
        'resource Key Resources.Key.Properties.KeyPolicy',
      ]);
      assert.equal(r.format, 'cloudformation-yaml');
      assert.deepEqual(r.findings, []);
    });

    it('spans each policy, key and value over its own source text', () => {
      const trust = policy(r, 'Resources.InstanceRole.Properties.AssumeRolePolicyDocument').value as TemplateObject;
      assert.equal(slice(text, trust.span), 'Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]');
      const stmt = at(trust, 'Statement', 0) as TemplateObject;
      assert.equal(slice(text, stmt.span), '{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}');
      const principal = stmt.entries[1];
      assert.equal(principal?.key, 'Principal');
      assert.equal(slice(text, principal.keySpan), 'Principal');
      assert.equal(slice(text, principal.span), 'Principal: {Service: ec2.amazonaws.com}');
      assert.equal(principal.keyContentOffset, principal.keySpan.offset);
      const service = at(stmt, 'Principal', 'Service') as LiteralString;
      assert.equal(slice(text, service.span), 'ec2.amazonaws.com');
      assert.equal(service.contentOffset, service.span.offset);
    });
  });

  describe('YAML scalars', () => {
    const text = yamlPolicy(`        Version: 2012-10-17
        Statement:
          - Sid: "Double\\tQuoted"
            Effect: 'It''s'
            Action: [ssm:GetParameter, "ssm:GetParameters"]
            Resource: |
              block
            Condition:
              NumericLessThan: {a: 12}
              Bool: {b: true, c: null, d: '12'}
`);
    const p = extractCloudFormation(text).policies[0] as EmbeddedPolicy;

    it('reads Version: 2012-10-17 as a string, numbers, booleans and null as scalars', () => {
      const version = at(p.value, 'Version');
      assert.deepEqual([version.type, (version as LiteralString).value], ['string', '2012-10-17']);
      assert.deepEqual(at(p.value, 'Statement', 0, 'Condition', 'NumericLessThan', 'a'), { type: 'number', value: 12, span: { offset: text.indexOf('12}'), length: 2 } });
      assert.equal(at(p.value, 'Statement', 0, 'Condition', 'Bool', 'b').type, 'boolean');
      assert.equal(at(p.value, 'Statement', 0, 'Condition', 'Bool', 'c').type, 'null');
      assert.equal(at(p.value, 'Statement', 0, 'Condition', 'Bool', 'd').type, 'string');
    });

    it('sets contentOffset only where the source spells the value exactly', () => {
      const sid = at(p.value, 'Statement', 0, 'Sid') as LiteralString;
      assert.equal(sid.value, 'Double\tQuoted');
      assert.equal(slice(text, sid.span), '"Double\\tQuoted"');
      assert.equal(sid.contentOffset, undefined);
      const effect = at(p.value, 'Statement', 0, 'Effect') as LiteralString;
      assert.equal(effect.value, "It's");
      assert.equal(effect.contentOffset, undefined);
      const quoted = at(p.value, 'Statement', 0, 'Action', 1) as LiteralString;
      assert.equal(quoted.contentOffset, quoted.span.offset + 1);
      const block = at(p.value, 'Statement', 0, 'Resource') as LiteralString;
      assert.equal(block.value, 'block\n');
      assert.equal(block.write, undefined);
      assert.equal(block.contentOffset, undefined);
    });

    /** Writes `value` over the literal and reads the policy's literal back with yaml. */
    function roundTrip(lit: LiteralString, value: string, path: (string | number)[]): void {
      const written = lit.write?.(value);
      assert.ok(written !== undefined, `no writer for ${value}`);
      const out = text.slice(0, lit.span.offset) + written + text.slice(lit.span.offset + lit.span.length);
      const doc = parseDocument(out);
      assert.deepEqual(doc.errors, []);
      const js = doc.toJS() as Record<string, unknown>;
      let v: unknown = (js as { Resources: { P: { Properties: { PolicyDocument: unknown } } } }).Resources.P.Properties.PolicyDocument;
      for (const step of path) v = (v as Record<string | number, unknown>)[step];
      assert.equal(v, value, `wrote ${written}`);
    }

    const tricky = ['ssm:GetParameters', 'a: b', '- x', '#x', '123', 'true', 'null', "it's", 'say "hi"', 'x, y', '[x]', '*', 'tab\there', 'line\nbreak', ' lead', '', '2012-10-17', '${AWS::Region}'];

    it('rewrites a plain scalar in block context as plain or double-quoted, reading back the same value', () => {
      const effect = at(p.value, 'Statement', 0, 'Sid') as LiteralString;
      for (const v of tricky) roundTrip(effect, v, ['Statement', 0, 'Sid']);
      const version = at(p.value, 'Version') as LiteralString;
      assert.equal(version.write?.('2012-10-17'), '2012-10-17');
      assert.equal(version.write?.('123'), '"123"');
      for (const v of tricky) roundTrip(version, v, ['Version']);
    });

    it('rewrites plain and quoted scalars inside a flow sequence', () => {
      const plain = at(p.value, 'Statement', 0, 'Action', 0) as LiteralString;
      const quoted = at(p.value, 'Statement', 0, 'Action', 1) as LiteralString;
      assert.equal(plain.write?.('ssm:GetParameter'), 'ssm:GetParameter');
      assert.equal(plain.write?.('x, y'), '"x, y"');
      for (const v of tricky) {
        roundTrip(plain, v, ['Statement', 0, 'Action', 0]);
        roundTrip(quoted, v, ['Statement', 0, 'Action', 1]);
      }
    });

    it('keeps single quotes, doubling a quote', () => {
      const effect = at(p.value, 'Statement', 0, 'Effect') as LiteralString;
      assert.equal(effect.write?.("Allow's"), "'Allow''s'");
      for (const v of tricky) roundTrip(effect, v, ['Statement', 0, 'Effect']);
    });

    it('rewrites keys', () => {
      const stmt = at(p.value, 'Statement', 0) as TemplateObject;
      const entry = stmt.entries.find((e) => e.key === 'Effect');
      assert.ok(entry?.writeKey);
      assert.equal(entry.writeKey('Effect'), 'Effect');
      assert.equal(entry.writeKey('a: b'), '"a: b"');
    });
  });

  describe('intrinsic functions', () => {
    const text = yamlPolicy(`        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: [ssm:GetParameter, !Ref AWS::NoValue]
            Resource:
              - !Sub 'arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/\${Prefix}/\${!Literal}'
              - !Sub arn:\${AWS::URLSuffix}:\${Bucket.Arn}
              - !Sub "arn:\\u0061ws:s3:::\${Bucket}"
              - !Sub
                - 'arn:aws:s3:::\${Name}/\${Region}/\${Other}'
                - Name: my-bucket
                  Region: !Ref AWS::Region
                  Other: !GetAtt X.Y
              - Fn::Sub: 'arn:aws:sqs:\${AWS::Region}:\${AWS::AccountId}:queue'
              - !Sub plain-text
              - !Ref Param
              - Ref: AWS::AccountId
              - !GetAtt Role.Arn
              - !GetAtt [Role, Arn]
              - Fn::GetAtt: [Role, Arn]
              - !Join ['', ['arn:', !Ref AWS::Partition, ':s3:::', !Sub '\${B}-logs', '/*']]
              - !Join [':', [a, b]]
              - !Join ['', !Split [',', 'a,b']]
              - !If [Cond, a, b]
              - !Select [0, !GetAZs '']
              - !ImportValue Shared
              - !FindInMap [M, K, V]
              - !Base64 x
              - Fn::If: [Cond, a, b]
            Condition: !Ref AWS::NoValue
`);
    const r = extractCloudFormation(text);
    const p = r.policies[0] as EmbeddedPolicy;
    const res = (i: number): TemplateValue => at(p.value, 'Statement', 0, 'Resource', i);

    it('removes what is Ref AWS::NoValue (map entries and list items)', () => {
      assert.deepEqual(keys(at(p.value, 'Statement', 0)), ['Effect', 'Action', 'Resource']);
      const actions = at(p.value, 'Statement', 0, 'Action') as { items: TemplateValue[] };
      assert.equal(actions.items.length, 1);
      assert.deepEqual(r.findings, []);
      assert.equal(p.verbatim, undefined);
    });

    it('splits !Sub into literal and unknown parts, shaped by the pseudo parameter, spanning each ${…}', () => {
      const sub = res(0) as TemplateString;
      assert.equal(sub.type, 'template');
      assert.equal(slice(text, sub.span), "!Sub 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${Prefix}/${!Literal}'");
      const unknown = sub.parts.filter((x): x is UnknownPart => typeof x !== 'string');
      assert.deepEqual(unknown.map((u) => [u.text, u.shape, slice(text, u.span)]), [
        ['${AWS::Partition}', 'partition', '${AWS::Partition}'],
        ['${AWS::Region}', 'region', '${AWS::Region}'],
        ['${AWS::AccountId}', 'account', '${AWS::AccountId}'],
        ['${Prefix}', 'opaque', '${Prefix}'],
      ]);
      assert.equal(sub.parts.map((x) => (typeof x === 'string' ? x : '#')).join(''), 'arn:#:ssm:#:#:parameter/#/${Literal}');
      const plain = res(1) as TemplateString;
      assert.deepEqual(plain.parts.filter((x) => typeof x !== 'string').map((u) => [(u as UnknownPart).shape, slice(text, (u as UnknownPart).span)]), [
        ['url-suffix', '${AWS::URLSuffix}'],
        ['opaque', '${Bucket.Arn}'],
      ]);
    });

    it('spans an unknown part over the whole scalar when the scalar has escapes', () => {
      const sub = res(2) as TemplateString;
      const part = sub.parts.find((x) => typeof x !== 'string') as UnknownPart;
      assert.equal(slice(text, part.span), '"arn:\\u0061ws:s3:::${Bucket}"');
      assert.equal(sub.parts[0], 'arn:aws:s3:::');
    });

    it('substitutes !Sub variables bound to literals, and keeps the others unknown', () => {
      const sub = res(3) as TemplateString;
      assert.deepEqual(
        sub.parts.map((x) => (typeof x === 'string' ? x : [x.text, x.shape, slice(text, x.span)])),
        ['arn:aws:s3:::my-bucket/', ['${Region}', 'region', '${Region}'], '/', ['${Other}', 'opaque', '${Other}']],
      );
    });

    it('reads the long form Fn::Sub as the short one', () => {
      const sub = res(4) as TemplateString;
      assert.equal(slice(text, sub.span), "Fn::Sub: 'arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:queue'");
      assert.deepEqual(sub.parts.filter((x) => typeof x !== 'string').map((x) => slice(text, (x as UnknownPart).span)), ['${AWS::Region}', '${AWS::AccountId}']);
    });

    it('reads a !Sub without ${ as a literal whose writer keeps the tag', () => {
      const lit = res(5) as LiteralString;
      assert.equal(lit.type, 'string');
      assert.equal(lit.value, 'plain-text');
      assert.equal(slice(text, lit.span), 'plain-text');
      assert.equal(lit.contentOffset, lit.span.offset);
      assert.equal(lit.write?.('other'), 'other');
      assert.equal(lit.write?.('${x}'), undefined);
    });

    it('makes Ref an unknown value shaped by the pseudo parameter', () => {
      assert.deepEqual(res(6), { type: 'unknown', text: '!Ref Param', shape: 'opaque', span: { offset: text.indexOf('!Ref Param'), length: 10 } });
      const account = res(7) as UnknownValue;
      assert.deepEqual([account.type, account.shape, account.text, slice(text, account.span)], ['unknown', 'account', '!Ref AWS::AccountId', 'Ref: AWS::AccountId']);
    });

    it('makes GetAtt, in every form, an opaque unknown named for messages', () => {
      for (const i of [8, 9, 10]) {
        const v = res(i) as UnknownValue;
        assert.deepEqual([v.type, v.shape, v.text], ['unknown', 'opaque', '!GetAtt Role.Arn']);
      }
      assert.equal(slice(text, res(8).span), '!GetAtt Role.Arn');
      assert.equal(slice(text, res(9).span), '!GetAtt [Role, Arn]');
    });

    it('joins a literal list into a template string, nesting Ref and Sub parts', () => {
      const join = res(11) as TemplateString;
      assert.equal(join.type, 'template');
      assert.deepEqual(
        join.parts.map((x) => (typeof x === 'string' ? x : [x.text, x.shape])),
        ['arn:', ['!Ref AWS::Partition', 'partition'], ':s3:::', ['${B}', 'opaque'], '-logs', '/*'],
      );
      const literal = res(12) as LiteralString;
      assert.deepEqual([literal.type, literal.value, literal.write], ['string', 'a:b', undefined]);
      const split = res(13) as UnknownValue;
      assert.deepEqual([split.type, split.shape], ['unknown', 'opaque']);
    });

    it('makes the other functions opaque unknown values', () => {
      const texts = [14, 15, 16, 17, 18, 19].map((i) => {
        const v = res(i) as UnknownValue;
        assert.deepEqual([v.type, v.shape], ['unknown', 'opaque']);
        return v.text;
      });
      assert.deepEqual(texts, ['!If …', '!Select …', '!ImportValue Shared', '!FindInMap …', '!Base64 x', '!If …']);
      assert.equal(slice(text, res(14).span), '!If [Cond, a, b]');
    });

    it('reports a function given arguments of the wrong shape, and reads it as unknown', () => {
      const text = yamlPolicy("        Statement:\n          - Resource: !Join 'a,b'\n            Action: !Sub [1, 2, 3]\n            Effect: Allow\n");
      const bad = extractCloudFormation(text);
      assert.deepEqual(
        bad.findings.map((f) => [f.messageId, f.data?.name, slice(text, f.span)]),
        [
          ['intrinsicArguments', '!Join', "!Join 'a,b'"],
          ['intrinsicArguments', '!Sub', '!Sub [1, 2, 3]'],
        ],
      );
      assert.ok(bad.findings.every((f) => f.data?.expected));
      const stmt = at((bad.policies[0] as EmbeddedPolicy).value, 'Statement', 0);
      assert.deepEqual([at(stmt, 'Resource').type, at(stmt, 'Action').type, at(stmt, 'Effect').type], ['unknown', 'unknown', 'string']);
    });
  });

  describe('JSON and CDK output', () => {
    const text = `{
  "Resources": {
    "Role": {
      "Type": "AWS::IAM::Role",
      "Properties": {
        "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ssm.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
        "Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":s3:::", {"Fn::GetAtt": ["Bucket", "Arn"]}, "/*"]]}, "Sid": "A\\u0042", "Condition": {"Ref": "AWS::NoValue"}}]}}]
      }
    }
  }
}`;
    const r = extractCloudFormation(text);

    it('detects JSON and reads CDK Fn::Join over Ref AWS::Partition and Fn::GetAtt', () => {
      assert.equal(r.format, 'cloudformation-json');
      assert.deepEqual(r.findings, []);
      const p = policy(r, 'Resources.Role.Properties.Policies[0].PolicyDocument');
      const join = at(p.value, 'Statement', 0, 'Resource') as TemplateString;
      assert.deepEqual(
        join.parts.map((x) => (typeof x === 'string' ? x : [x.text, x.shape, slice(text, x.span)])),
        ['arn:', ['!Ref AWS::Partition', 'partition', '{"Ref": "AWS::Partition"}'], ':s3:::', ['!GetAtt Bucket.Arn', 'opaque', '{"Fn::GetAtt": ["Bucket", "Arn"]}'], '/*'],
      );
      assert.deepEqual(keys(at(p.value, 'Statement', 0)), ['Effect', 'Action', 'Resource', 'Sid']);
      assert.equal(p.verbatim, undefined);
    });

    it('writes JSON strings with JSON.stringify, with contentOffset only without escapes, and keeps the verbatim text', () => {
      const trust = policy(r, 'Resources.Role.Properties.AssumeRolePolicyDocument');
      assert.equal(trust.kind, 'trust');
      assert.equal(trust.verbatim, slice(text, trust.value.span));
      assert.ok(trust.verbatim?.startsWith('{"Version"'));
      const service = at(trust.value, 'Statement', 0, 'Principal', 'Service') as LiteralString;
      assert.equal(slice(text, service.span), '"ssm.amazonaws.com"');
      assert.equal(service.contentOffset, service.span.offset + 1);
      assert.equal(service.write?.('a"b'), '"a\\"b"');
      const sid = at(policy(r, 'Resources.Role.Properties.Policies[0].PolicyDocument').value, 'Statement', 0, 'Sid') as LiteralString;
      assert.equal(sid.value, 'AB');
      assert.equal(sid.contentOffset, undefined);
      const entry = (at(trust.value, 'Statement', 0) as TemplateObject).entries[0];
      assert.equal(slice(text, entry?.keySpan as SourceSpan), '"Effect"');
      assert.equal(entry?.keyContentOffset, (entry?.keySpan.offset as number) + 1);
      assert.equal(slice(text, entry?.span as SourceSpan), '"Effect": "Allow"');
    });

    it('reads an SCP held as a JSON string, every node spanning the whole string', () => {
      const t = `Resources:\n  Scp:\n    Type: AWS::Organizations::Policy\n    Properties:\n      Content: '{"Statement": [{"Effect": "Deny", "Action": "ssm:*", "Resource": "*"}]}'\n`;
      const x = extractCloudFormation(t);
      const p = policy(x, 'Resources.Scp.Properties.Content');
      assert.equal(p.kind, 'scp');
      const whole = slice(t, p.value.span);
      assert.ok(whole.startsWith(`'{"Statement"`) && whole.endsWith(`}'`));
      const action = at(p.value, 'Statement', 0, 'Action') as LiteralString;
      assert.deepEqual([action.value, action.span, action.write, action.contentOffset], ['ssm:*', p.value.span, undefined, undefined]);
      const bad = extractCloudFormation(t.replace('"Resource"', 'Resource'));
      assert.deepEqual(bad.policies, []);
      assert.equal(slice(t, only(bad, 'jsonError').span).slice(0, 3), `'{"`);
    });
  });

  describe('SAM', () => {
    const text = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - AmazonSSMReadOnlyAccess
        - SSMParameterReadPolicy: {ParameterName: x}
        - Statement: [{Effect: Allow, Action: ssm:GetParameter, Resource: '*'}]
  One:
    Type: AWS::Serverless::Function
    Properties:
      Policies: {Version: '2012-10-17', Statement: [{Effect: Allow, Action: ssm:GetParameter, Resource: '*'}]}
  Named:
    Type: AWS::Serverless::Function
    Properties:
      Policies: AmazonSSMReadOnlyAccess
  Sm:
    Type: AWS::Serverless::StateMachine
    Properties:
      Policies: [{Statement: []}]
`;
    it('reads policy documents and skips managed policy names and policy templates', () => {
      const r = extractCloudFormation(text);
      assert.deepEqual(
        r.policies.map((p) => `${p.kind} ${p.location}`),
        ['identity Resources.Fn.Properties.Policies[2]', 'identity Resources.One.Properties.Policies', 'identity Resources.Sm.Properties.Policies[0]'],
      );
      assert.deepEqual(r.findings, []);
    });
  });

  describe('bad input', () => {
    it('reports a YAML syntax error at its place and extracts the other resources only', () => {
      const text = `Resources:
  Broken:
    Type: AWS::IAM::Policy
    Properties:
      PolicyDocument:
        Statement:
          - Action: [ssm:GetParameter
            Resource: '*'
  Fine:
    Type: AWS::IAM::Policy
    Properties:
      PolicyDocument: {Statement: []}
`;
      const r = extractCloudFormation(text);
      const f = r.findings[0] as TemplateFinding;
      assert.equal(f.ruleId, 'template-syntax');
      assert.equal(f.messageId, 'yamlError');
      assert.ok(f.data?.detail && !/line \d+, column/.test(f.data.detail) && !f.data.detail.includes('\n'), f.data?.detail);
      assert.ok(f.span.offset > text.indexOf('[ssm:') && f.span.offset < text.indexOf('Fine:'), String(f.span.offset));
      assert.deepEqual(r.policies.map((p) => p.resource), ['Fine']);
    });

    it('reports a JSON syntax error and extracts the other resources only', () => {
      const text = '{"Resources": {"A": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": [1 2]}}}, "B": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": []}}}}}';
      const r = extractCloudFormation(text);
      const f = only(r, 'jsonError');
      assert.deepEqual([f.span, f.data], [{ offset: text.indexOf('2]'), length: 1 }, { detail: 'comma expected' }]);
      assert.deepEqual(r.policies.map((p) => p.resource), ['B']);
    });

    it('reports an unknown tag at the tag, and reads its value as unknown', () => {
      const text = yamlPolicy("        Statement:\n          - Effect: Allow\n            Action: !Foo ssm:GetParameter\n            Resource: '*'\n");
      const r = extractCloudFormation(text);
      const f = only(r, 'unknownTag');
      assert.deepEqual([slice(text, f.span), f.data], ['!Foo', { tag: '!Foo' }]);
      const action = at((r.policies[0] as EmbeddedPolicy).value, 'Statement', 0, 'Action') as UnknownValue;
      assert.deepEqual([action.type, action.shape, slice(text, action.span)], ['unknown', 'opaque', '!Foo ssm:GetParameter']);
    });

    it('reports anchors and aliases, and does not resolve an alias', () => {
      const text = yamlPolicy("        Statement:\n          - Effect: Allow\n            Action: &base ssm:GetParameter\n            Resource: *base\n");
      const r = extractCloudFormation(text);
      assert.deepEqual(
        r.findings.map((f) => [f.messageId, f.data?.name, slice(text, f.span)]),
        [
          ['alias', '&base', '&base'],
          ['alias', '*base', '*base'],
        ],
      );
      const stmt = at((r.policies[0] as EmbeddedPolicy).value, 'Statement', 0);
      assert.equal((at(stmt, 'Action') as LiteralString).value, 'ssm:GetParameter');
      assert.deepEqual([at(stmt, 'Resource').type, (at(stmt, 'Resource') as UnknownValue).shape], ['unknown', 'opaque']);
    });

    it('reports a merge key and reads its map as unknown', () => {
      const text = yamlPolicy("        Statement:\n          - <<: {Effect: Allow}\n            Action: ssm:GetParameter\n            Resource: '*'\n");
      const r = extractCloudFormation(text);
      assert.equal(slice(text, only(r, 'mergeKey').span), '<<');
      assert.equal(at((r.policies[0] as EmbeddedPolicy).value, 'Statement', 0).type, 'unknown');
    });

    it('reports several documents at the second one and reads only the first', () => {
      const text = `${yamlPolicy('        Statement: []\n')}---\nResources:\n  Q:\n    Type: AWS::IAM::Policy\n    Properties: {PolicyDocument: {Statement: []}}\n---\n{}\n`;
      const r = extractCloudFormation(text);
      const f = only(r, 'multipleDocuments');
      assert.deepEqual([f.span.offset, slice(text, f.span), f.data], [text.indexOf('---'), '---', { count: '3' }]);
      assert.deepEqual(r.policies.map((p) => p.resource), ['P']);
    });

    it('reads no deeper than 64 levels, and reports where it stops', () => {
      const deep = `${'['.repeat(70)}x${']'.repeat(70)}`;
      const text = yamlPolicy(`        Statement: ${deep}\n`);
      const r = extractCloudFormation(text);
      const f = only(r, 'tooDeep');
      assert.equal(f.data?.depth, '64');
      // Resources(1) P(2) Properties(3) PolicyDocument(4) Statement(5): the 60th bracket is level 65.
      assert.equal(f.span.offset, text.indexOf(deep) + 59);
      assert.equal(r.policies.length, 1);
      let v = at((r.policies[0] as EmbeddedPolicy).value, 'Statement');
      let levels = 0;
      while (v.type === 'array') {
        v = v.items[0] as TemplateValue;
        levels++;
      }
      assert.deepEqual([levels, v.type], [59, 'unknown']);
    });

    it('never overflows the stack on deep or huge nesting', () => {
      const n = 100_000;
      const cases = [
        yamlPolicy(`        Statement: ${'['.repeat(n)}${']'.repeat(n)}\n`),
        yamlPolicy(`        Statement:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(10 + i)}- `).join('\n')}x\n`),
        yamlPolicy(`        Statement: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`),
        `{"Resources": {"P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": ${'['.repeat(n)}${']'.repeat(n)}}}}}}`,
        `{"Resources": {"P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": ${'['.repeat(n)}`,
        '['.repeat(n),
        '{'.repeat(n),
      ];
      for (const text of cases) {
        const r = extractCloudFormation(text);
        assert.ok(r.findings.some((f) => f.messageId === 'tooDeep' || f.messageId === 'jsonError' || f.messageId === 'yamlError'), text.slice(0, 100));
        assert.ok(r.findings.length <= 22, `${r.findings.length} findings`);
      }
    });

    it('reads a JSON template that starts with a byte order mark', () => {
      const text = '\uFEFF{"Resources": {"P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": {"Statement": ["x"]}}}}}';
      const r = extractCloudFormation(text);
      assert.deepEqual([r.format, r.findings], ['cloudformation-json', []]);
      assert.equal(slice(text, at((r.policies[0] as EmbeddedPolicy).value, 'Statement', 0).span), '"x"');
    });

    it('never throws on odd input', () => {
      for (const text of ['', '   ', '{', '[', 'a', '- x', 'Resources: 1', 'Resources: [1]', 'Resources: {P: 1}', 'Resources: {P: {Type: AWS::IAM::Role, Properties: 1}}', 'Resources: {P: {Type: AWS::IAM::Role, Properties: {Policies: 1, AssumeRolePolicyDocument: !Ref X}}}', '? [a]\n: b', '!Ref x', '{"Resources": null}', '\uFEFF{"Resources": {}}', 'Resources: {P: {Type: AWS::IAM::Policy, Properties: {PolicyDocument: !Ref AWS::NoValue}}}']) {
        const r = extractCloudFormation(text);
        assert.ok(Array.isArray(r.policies) && Array.isArray(r.findings));
      }
    });
  });

  it('never throws on mutated fixtures, and keeps every span inside the text and every contentOffset exact', () => {
    const dir = join(__dirname, '..', '..', 'fixtures', 'templates', 'cloudformation');
    const files = [...readdirSync(dir).filter((f) => /\.(yaml|json)$/.test(f) && f !== 'expected.json'), ...readdirSync(join(dir, 'cdk.out')).map((f) => `cdk.out/${f}`)];
    const inserts = ['{', '}', '[', ']', ':', ',', '"', "'", '!', '&', '*', '- ', '\n', ' ', '#', '|', '${', '<<: ', '!Sub ', '\t', '?'];
    const random = rng(12);
    const check = (text: string, v: TemplateValue): void => {
      const inside = (span: SourceSpan): void => assert.ok(span.offset >= 0 && span.length >= 0 && span.offset + span.length <= text.length, JSON.stringify(span));
      inside(v.span);
      if (v.type === 'object') {
        for (const e of v.entries) {
          inside(e.keySpan);
          inside(e.span);
          check(text, e.value);
        }
      } else if (v.type === 'array') {
        for (const item of v.items) check(text, item);
      } else if (v.type === 'template') {
        for (const part of v.parts) if (typeof part !== 'string') inside(part.span);
      } else if (v.type === 'string' && v.contentOffset !== undefined) {
        assert.equal(text.slice(v.contentOffset, v.contentOffset + v.value.length), v.value);
      }
    };
    let policies = 0;
    for (const file of files) {
      const base = readFileSync(join(dir, file), 'utf8');
      for (let k = 0; k < 10; k++) {
        let text = base;
        for (let j = 0, n = 1 + Math.floor(random() * 3); j < n; j++) {
          const at = Math.floor(random() * text.length);
          const op = random();
          if (op < 0.4) text = text.slice(0, at) + (inserts[Math.floor(random() * inserts.length)] as string) + text.slice(at);
          else if (op < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 5));
          else text = text.slice(0, at);
        }
        const r = extractCloudFormation(text);
        policies += r.policies.length;
        for (const p of r.policies) check(text, p.value);
        for (const f of r.findings) assert.ok(f.span.offset >= 0 && f.span.offset + f.span.length <= text.length, f.messageId);
      }
    }
    assert.ok(policies > files.length * 4, String(policies));
  });

  it('extracts a template of 500 resources (several MB) entirely', () => {
    const resource = (i: number): string => `  Role${i}:
    Type: AWS::IAM::Role
    Properties:
      Description: ${'x'.repeat(4000)}
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {Service: ec2.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p${i}
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [ssm:GetParameter, ssm:GetParameters]
                Resource: !Sub 'arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/app${i}/*'
`;
    const text = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${Array.from({ length: 500 }, (_, i) => resource(i)).join('')}`;
    assert.ok(text.length > 2_000_000);
    const r = extractCloudFormation(text);
    assert.equal(r.policies.length, 1000);
    assert.deepEqual(r.findings, []);
    const last = r.policies[999] as EmbeddedPolicy;
    assert.equal(last.location, 'Resources.Role499.Properties.Policies[0].PolicyDocument');
    assert.equal(slice(text, at(last.value, 'Statement', 0, 'Action', 1).span), 'ssm:GetParameters');
  });

  describe('looksLikeCloudFormation', () => {
    it('recognises templates by their head', () => {
      for (const text of [
        "AWSTemplateFormatVersion: '2010-09-09'\n",
        '{"AWSTemplateFormatVersion": "2010-09-09"}',
        'Transform: AWS::Serverless-2016-10-31\nResources: {}',
        'Resources:\n  R:\n    Type: AWS::IAM::Role\n',
        '{\n "Resources": {\n  "R": {\n   "Type": "AWS::IAM::Policy"}}}',
      ]) {
        assert.equal(looksLikeCloudFormation(text), true, text);
      }
      for (const text of ['{"Version": "2012-10-17", "Statement": []}', 'name: build\non: push\n', 'Resources: {}\n', 'Type: AWS::IAM::Role\n', '']) {
        assert.equal(looksLikeCloudFormation(text), false, text);
      }
    });
  });
});

describe('cloudformation: a policy document wholly unknown offline', () => {
  it('is handed over as unknown, so it is counted and never linted', async () => {
    const text = `Conditions:\n  C: !Equals [a, b]\nResources:\n  R:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: !If [C, {Version: '2012-10-17', Statement: []}, !Ref AWS::NoValue]\n`;
    const extracted = extractCloudFormation(text);
    assert.equal(extracted.policies.length, 1);
    assert.equal(extracted.policies[0]?.value.type, 'unknown');
    const result = await lintTemplate(text, { fileName: 't.yaml', extract: extractCloudFormation });
    assert.deepEqual(result.findings, []);
    assert.equal(result.unknownValues, 1);
  });
});
