import * as assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { JSON_SERVICE_CODES, rangesOverlap, ruleOfJsonServiceCode, standsFor } from '../../../src/core/lint/json-service';

const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

describe('lint/json-service: the problems VS Code\'s JSON language service reports too', () => {
  it('maps its error codes to the rules that report the same problem, and nothing else', () => {
    assert.equal(ruleOfJsonServiceCode(521), 'json-comments');
    assert.equal(ruleOfJsonServiceCode(519), 'json-trailing-comma');
    assert.equal(ruleOfJsonServiceCode(520), 'json-duplicate-key');
    for (const code of [257, 262, 513, 514, 518, 528]) assert.equal(ruleOfJsonServiceCode(code), 'json-syntax', String(code));
    // Schema problems (0 Undefined, 1 EnumValueMismatch, 2 Deprecated, 768/65536 schema resolution) stand for no rule.
    for (const code of [0, 1, 2, 768, 769, 65536]) assert.equal(ruleOfJsonServiceCode(code), undefined, String(code));
    const all = Object.values(JSON_SERVICE_CODES).flat();
    assert.equal(new Set(all).size, all.length, 'each code stands for one rule');
  });

  it('overlaps ranges that share a character, or are the same empty range', () => {
    assert.ok(rangesOverlap(range(1, 2, 1, 5), range(1, 4, 1, 9)));
    assert.ok(rangesOverlap(range(1, 2, 1, 2), range(1, 2, 1, 2)));
    assert.ok(!rangesOverlap(range(1, 2, 1, 5), range(1, 5, 1, 9)), 'touching is not overlapping');
    assert.ok(!rangesOverlap(range(1, 2, 1, 5), range(2, 0, 2, 1)));
  });

  it('a JSON service diagnostic stands for the finding of its rule at the same place, and only that one', async () => {
    const text = '{\n  // note\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "ssm:*", "Resource": "*", }]\n}\n';
    const { findings } = await lintText(text, { kind: 'identity' });
    const comment = findings.find((f) => f.ruleId === 'json-comments');
    const comma = findings.find((f) => f.ruleId === 'json-trailing-comma');
    assert.ok(comment && comma);
    // What the JSON service reported for this text: the comment (521) and the comma (519), at the same ranges.
    assert.ok(standsFor({ code: 521, range: comment.range }, comment));
    assert.ok(standsFor({ code: 519, range: comma.range }, comma));
    assert.ok(!standsFor({ code: 519, range: comment.range }, comment), 'another problem at the same place');
    assert.ok(!standsFor({ code: 521, range: range(4, 0, 4, 1) }, comment), 'the same problem elsewhere');
    for (const other of findings.filter((f) => !f.ruleId.startsWith('json-'))) {
      for (const code of [519, 520, 521, 514]) assert.ok(!standsFor({ code, range: other.range }, other), `${other.ruleId} ${code}`);
    }
  });
});
