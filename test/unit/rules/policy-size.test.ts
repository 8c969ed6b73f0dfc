import * as assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { policySize } from '../../../src/core/rules/policy-size';
import { testRule } from '../rule-tester';

const IDENTITY = { Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*' };
const TRUST = { Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' };
const BUCKET = {
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::111122223333:root' },
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*',
};
const SCP = { Effect: 'Deny', Action: 'ssm:StartSession', Resource: '*' };

/** A policy whose minified size is exactly `size`: the statement's Sid is padded to fit. */
function sized(statement: object, size: number, indent?: number): string {
  const build = (sid: string): object => ({ Version: '2012-10-17', Statement: [{ Sid: sid, ...statement }] });
  const base = JSON.stringify(build('')).length;
  const doc = build('A'.repeat(size - base));
  const text = JSON.stringify(doc, null, indent);
  assert.equal(JSON.stringify(doc).length, size);
  return text;
}

const prettyScp = sized(SCP, 5000, 8);
assert.ok(prettyScp.length > 5120, 'the pretty SCP is over the limit only with its white space');

testRule(policySize, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}]}',
    // Exactly at the quota; white space outside strings does not count.
    sized(IDENTITY, 6144),
    sized(IDENTITY, 6144, 8),
    { code: sized(TRUST, 2048), kind: 'trust' },
    { code: sized(TRUST, 2048, 2).replace('{', '{ /* a comment is not counted either */'), kind: 'trust' },
    // A resource policy (S3 bucket) has its service's own quota; the role trust quota does not apply.
    { code: sized(BUCKET, 3000), kind: 'trust' },
    { code: sized(SCP, 5120), kind: 'scp' },
    // No JSON value at all: nothing to measure (json-syntax reports it).
    '',
    '   \n',
  ],
  invalid: [
    {
      name: 'managed policy one character over',
      code: sized(IDENTITY, 6145),
      errors: [{ messageId: 'managed', severity: 'warning', path: [], data: { size: '6,145', limit: '6,144' } }],
      output: null,
    },
    {
      name: 'pretty-printed managed policy over the quota without its white space',
      code: sized(IDENTITY, 7000, 4),
      errors: [{ messageId: 'managed', severity: 'warning', data: { size: '7,000', limit: '6,144' } }],
      output: null,
    },
    {
      name: 'a single statement object',
      code: JSON.stringify({ Version: '2012-10-17', Statement: { Sid: 'A'.repeat(6200), ...IDENTITY } }),
      errors: [{ messageId: 'managed', severity: 'warning', path: [] }],
      output: null,
    },
    {
      name: 'wrong types everywhere still count',
      code: JSON.stringify({ Version: 2012, Statement: [{ Effect: true, Action: Array.from({ length: 2000 }, (_, i) => i) }] }),
      errors: [{ messageId: 'managed', severity: 'warning', path: [] }],
      output: null,
    },
    {
      name: 'larger than any customer policy, managed or inline',
      code: sized(IDENTITY, 10241),
      errors: [{ messageId: 'tooLargeForAny', severity: 'warning', path: [], data: { size: '10,241', limit: '6,144' } }],
      output: null,
    },
    {
      name: 'role trust policy over the default quota',
      code: sized(TRUST, 2049, 2),
      kind: 'trust',
      errors: [{ messageId: 'trust', path: [], data: { size: '2,049', limit: '2,048' } }],
      output: null,
    },
    {
      name: 'role trust policy over the most Service Quotas allows',
      code: sized(TRUST, 4097),
      kind: 'trust',
      errors: [{ messageId: 'trustMax', data: { size: '4,097', limit: '4,096' } }],
      output: null,
    },
    {
      name: 'trust kind detected from the Principal',
      code: sized(TRUST, 3000),
      errors: [{ messageId: 'trust', data: { size: '3,000' } }],
      output: null,
    },
    {
      name: 'SCP over the maximum even minified',
      code: sized(SCP, 5121, 2),
      kind: 'scp',
      errors: [{ messageId: 'scp', path: [], data: { size: '5,121', limit: '5,120' } }],
      output: null,
    },
    {
      name: 'SCP over the maximum only because of its white space',
      code: prettyScp,
      kind: 'scp',
      errors: [{ messageId: 'scpWhitespace', data: { size: '5,000', raw: prettyScp.length.toLocaleString('en-US'), limit: '5,120' } }],
      output: null,
    },
    {
      name: 'SCP detected from the file name',
      code: sized(SCP, 6000),
      fileName: 'deny-ssm.scp.json',
      errors: [{ messageId: 'scp', data: { size: '6,000' } }],
      output: null,
    },
  ],
});

describe('rule policy-size on large documents', () => {
  it('measures a 5 MB policy', async function () {
    this.timeout(60_000);
    const text = sized(IDENTITY, 5_000_000, 2);
    const { findings } = await lintText(text, { rules: [policySize] });
    assert.deepEqual(
      findings.map((f) => [f.messageId, f.severity, f.data?.size]),
      [['tooLargeForAny', 'warning', '5,000,000']],
    );
  });
});
