import * as assert from 'node:assert/strict';
import { managedCorpus } from '../managed-corpus';
import { measurePolicySize, policySize } from '../../../src/core/policy/size';


describe('policy/size', () => {
  it('does not count the layout between tokens', () => {
    const compact = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}]}';
    const pretty = JSON.stringify(JSON.parse(compact), null, 4).replace(/\n/g, '\r\n\t');
    assert.equal(policySize(compact), compact.length);
    assert.equal(policySize(pretty), compact.length);
  });

  it('counts white space inside string values', () => {
    assert.equal(policySize('{ "Id" : "a b\tc" }'), '{"Id":"a b\tc"}'.length);
    assert.equal(policySize('["  "]'), 6);
  });

  it('counts escapes as written and does not end a string at an escaped quote', () => {
    // "a\" b" is one string holding a quote and a space: the space inside it counts.
    assert.equal(policySize('{"k": "a\\" b"}'), '{"k":"a\\" b"}'.length);
    assert.equal(policySize('["\\\\", "x"]'), '["\\\\","x"]'.length);
    assert.equal(policySize('["\\u0041"]'), 10);
  });

  it('does not count comments or a byte order mark', () => {
    assert.equal(policySize('\uFEFF{ // note\n "a": 1 /* more */ }'), '{"a":1}'.length);
    assert.equal(policySize('["//not a comment", "/*nor this*/"]'), '["//not a comment","/*nor this*/"]'.length);
  });

  it('never throws on broken text', () => {
    for (const text of ['', '"', '"abc', '"a\\', '/*', '//', '{"a": "b\n c"}', '\uFEFF', '\\']) {
      assert.equal(typeof policySize(text), 'number', JSON.stringify(text));
    }
    assert.equal(policySize(''), 0);
    assert.equal(policySize(undefined as unknown as string), 0);
    // An unterminated string ends at the line break, so the next line is measured as layout again.
    assert.equal(policySize('"ab\n   c'), 4);
  });

  it('measures the raw size as written, without surrounding layout and comments', () => {
    assert.deepEqual(measurePolicySize('\n  { "a" : 1 }\n\n'), { minified: 7, raw: 11 });
    assert.deepEqual(measurePolicySize('/* c */ {"a":1}'), { minified: 7, raw: 8 });
    assert.deepEqual(measurePolicySize('   '), { minified: 0, raw: 0 });
  });

  it('agrees with JSON.stringify on every AWS managed policy of the corpus', () => {
    const policies = managedCorpus();
    assert.ok(policies.length > 1500);
    for (const { name, text } of policies) assert.equal(policySize(text), JSON.stringify(JSON.parse(text)).length, name);
  });

  it('measures a 5 MB document exactly (its speed is in npm run bench)', () => {
    const statement = '{\n      "Effect": "Allow",\n      "Action": ["ssm:GetParameter", "ssm:GetParameters"],\n      "Resource": "arn:aws:ssm:*:*:parameter/app/*"\n    }';
    const text = `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${Array.from({ length: 40_000 }, () => statement).join(',\n    ')}\n  ]\n}`;
    assert.ok(text.length > 5_000_000);
    const size = policySize(text);
    assert.equal(size, JSON.stringify(JSON.parse(text)).length);
  });
});
