import * as assert from 'node:assert/strict';
import { parsePolicy } from '../../../src/core/policy/parse';

const src = (node: { offset: number; length: number } | undefined, text: string): string =>
  node ? text.slice(node.offset, node.offset + node.length) : '<none>';

describe('policy/parse', () => {
  const text = `{
  "Version": "2012-10-17",
  // a comment
  "Statement": [
    { "Sid": "A", "Effect": "Allow", "Action": ["ssm:SendCommand", 5], "Resource": "*",
      "Condition": { "StringLike": { "ssm:resourceTag/Finance": ["Web*", 1, true] } } },
    "not a statement",
    { "Effect": "Deny", "NotAction": "iam:*", "NotResource": ["arn:aws:iam::*:role/x"], },
  ]
}`;
  const p = parsePolicy(text);

  it('locates Version, statements and their elements', () => {
    assert.equal(p.version?.value, '2012-10-17');
    assert.equal(p.statements.length, 2, 'non-object statements are skipped');
    const [a, b] = p.statements;
    assert.equal(a?.index, 0);
    assert.equal(b?.index, 2, 'index is the position in the Statement array');
    assert.equal(a?.sid?.value, 'A');
    assert.deepEqual(a?.action?.items.map((i) => i.value), ['ssm:SendCommand']);
    assert.equal(src(a?.action?.items[0]?.node, text), '"ssm:SendCommand"');
    assert.equal(b?.notAction?.items[0]?.value, 'iam:*');
    assert.equal(b?.notResource?.items[0]?.value, 'arn:aws:iam::*:role/x');
  });

  it('locates condition operators, keys and scalar values', () => {
    const op = p.statements[0]?.condition?.operators[0];
    assert.equal(op?.operator, 'StringLike');
    assert.equal(op?.entries[0]?.key, 'ssm:resourceTag/Finance');
    assert.deepEqual(op?.entries[0]?.values.map((v) => v.value), ['Web*', 1, true]);
    assert.equal(src(op?.entries[0]?.keyNode, text), '"ssm:resourceTag/Finance"');
  });

  it('records comments and trailing commas without failing the parse', () => {
    assert.deepEqual(p.comments.map((c) => text.slice(c.offset, c.offset + c.length)), ['// a comment']);
    assert.equal(p.trailingCommas.length, 2);
    assert.ok(p.trailingCommas.every((o) => text[o] === ','));
    assert.deepEqual(p.syntaxErrors, []);
  });

  it('accepts Statement as a single object', () => {
    const one = parsePolicy('{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}');
    assert.equal(one.statements.length, 1);
    assert.equal(one.statements[0]?.effect?.value, 'Allow');
  });

  it('reads Principal as a bare string or typed entries', () => {
    const t = parsePolicy('{"Statement": [{"Principal": "*"}, {"Principal": {"Service": ["ssm.amazonaws.com"], "AWS": "123456789012"}}]}');
    assert.equal(t.statements[0]?.principal?.bare?.value, '*');
    assert.deepEqual(t.statements[1]?.principal?.entries.map((e) => [e.type, e.values.map((v) => v.value)]), [
      ['Service', ['ssm.amazonaws.com']],
      ['AWS', ['123456789012']],
    ]);
  });

  it('detects the kind, with an override and a file-name hint for SCPs', () => {
    assert.equal(parsePolicy('{"Statement": [{"Principal": "*"}]}').kind, 'trust');
    assert.equal(parsePolicy('{"Statement": []}').kind, 'identity');
    assert.equal(parsePolicy('{"Statement": []}', { fileName: 'dir/deny-dhmc.scp.json' }).kind, 'scp');
    assert.equal(parsePolicy('{"Statement": []}', { fileName: 'dir/scp-deny.json' }).kind, 'scp');
    assert.equal(parsePolicy('{"Statement": []}', { fileName: 'dir/escape.json' }).kind, 'identity');
    assert.equal(parsePolicy('{"Statement": [{"Principal": "*"}]}', { kind: 'identity' }).kind, 'identity');
  });

  it('never throws: empty, non-object and deeply nested input', () => {
    assert.equal(parsePolicy('').root, undefined);
    assert.equal(parsePolicy('[1]').statements.length, 0);
    const deep = parsePolicy('['.repeat(200_000));
    assert.ok(deep.syntaxErrors.length > 0);
  });
});
