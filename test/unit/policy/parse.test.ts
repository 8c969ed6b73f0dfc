import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createScanner } from 'jsonc-parser';
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

describe('policy/parse: comments and trailing commas', () => {
  /** The reference: every comment token, and every comma whose next token closes an object or array. */
  function byTokens(text: string): { comments: { offset: number; length: number }[]; trailingCommas: number[] } {
    const comments: { offset: number; length: number }[] = [];
    const trailingCommas: number[] = [];
    const scanner = createScanner(text, false);
    let pending = -1;
    for (let t = scanner.scan(); t !== 17; t = scanner.scan()) {
      if (t === 12 || t === 13) {
        comments.push({ offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
        continue;
      }
      if (t === 14 || t === 15) continue;
      if ((t === 2 || t === 4) && pending >= 0) trailingCommas.push(pending);
      pending = t === 5 ? scanner.getTokenOffset() : -1;
    }
    return { comments, trailingCommas };
  }

  it('finds exactly what a token scan finds, in valid and broken documents', () => {
    const bases = [
      readFileSync(join(__dirname, '..', '..', 'fixtures', 'seeds', 'dhmc-admin.json'), 'utf8'),
      '{"a":[1,2,],"b":{"c":1,},// x\n"d":[/* y */1 /* , */,]}',
      '{"a": 1 // c\r, }',
      '[,]',
    ];
    const pieces = [',', ' ', '//c\n', '/* , */', '}', ']', '{', '[', '"s"', '1', '\r', '/*', '*/'];
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let broken = 0;
    for (const base of bases) {
      for (let k = 0; k < 500; k++) {
        let text = base;
        for (let m = 0; m < 1 + rnd(3); m++) {
          const at = rnd(text.length + 1);
          text = text.slice(0, at) + (pieces[rnd(pieces.length)] ?? '') + text.slice(at);
        }
        const policy = parsePolicy(text);
        if (policy.syntaxErrors.length > 0) broken++;
        assert.deepEqual({ comments: policy.comments, trailingCommas: policy.trailingCommas }, byTokens(text), JSON.stringify(text));
      }
    }
    assert.ok(broken > 100 && broken < 1900, `both valid and broken documents were tried (${broken} broken)`);
  });
});
