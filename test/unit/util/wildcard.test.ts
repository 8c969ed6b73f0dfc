import * as assert from 'node:assert/strict';
import { ANY_CHAR, ANY_RUN, compileWildcard, compileWildcardParts, wildcardMatches, wildcardToRegExp } from '../../../src/core/util/wildcard';
import { rng } from '../rng';

/** The reference: the RegExp the matcher replaces (with `[^]` for "any unit", so line breaks count too). Fine for short inputs. */
function reference(pattern: string, text: string, caseSensitive: boolean): boolean {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^]*').replace(/\?/g, '[^]');
  return new RegExp(`^${body}$`, caseSensitive ? '' : 'i').test(text);
}

describe('util/wildcard', () => {
  const table: [pattern: string, text: string, insensitive: boolean, sensitive: boolean][] = [
    ['ssm:Get*', 'ssm:GetDocument', true, true],
    ['ssm:get*', 'SSM:GetDocument', true, false],
    ['ssm:*', 'ssm:', true, true],
    ['*', '', true, true],
    ['', '', true, true],
    ['', 'a', false, false],
    ['?', '', false, false],
    ['?', 'x', true, true],
    ['a?c', 'abc', true, true],
    ['a?c', 'ac', false, false],
    ['a**b', 'ab', true, true],
    ['a*b*c', 'abc', true, true],
    ['a*b*c', 'acb', false, false],
    ['*a*a*a*b', 'aaaab', true, true],
    ['*a*a*a*b', 'aaaa', false, false],
    ['*?*?*', 'x', false, false],
    ['*?*?*', 'xy', true, true],
    ['ab*ba', 'aba', false, false],
    ['ab*ba', 'abba', true, true],
    ['a.b', 'axb', false, false],
    ['a+b', 'a+b', true, true],
    ['(x)', '(x)', true, true],
    ['s3:*Object', 's3:GetObject', true, true],
    ['ssm:********Z', 'ssm:SendCommand', false, false],
    ['ÉTÉ*', 'été!', true, false],
    ['*\n', 'a\n', true, true],
  ];
  for (const [pattern, text, insensitive, sensitive] of table) {
    it(`"${pattern}" against "${text}"`, () => {
      assert.equal(wildcardMatches(pattern, text), insensitive, 'case-insensitive');
      assert.equal(wildcardMatches(pattern, text, { caseSensitive: true }), sensitive, 'case-sensitive');
    });
  }

  it('agrees with the RegExp reference on random short patterns and texts', () => {
    const next = rng(7);
    const alphabet = ['a', 'A', 'b', 'B', ':', '/', '-', 'é', 'É', '*', '?'];
    const textAlphabet = alphabet.filter((c) => c !== '*' && c !== '?').concat(['*', '?']);
    const pick = (xs: string[]): string => xs[Math.floor(next() * xs.length)] as string;
    for (let i = 0; i < 8_000; i++) {
      const pattern = Array.from({ length: Math.floor(next() * 9) }, () => pick(alphabet)).join('');
      const text = Array.from({ length: Math.floor(next() * 9) }, () => pick(textAlphabet)).join('');
      for (const caseSensitive of [false, true]) {
        assert.equal(wildcardMatches(pattern, text, { caseSensitive }), reference(pattern, text, caseSensitive), `${JSON.stringify(pattern)} ~ ${JSON.stringify(text)} (case-sensitive: ${caseSensitive})`);
      }
    }
  });

  it('treats the characters of literal parts as literal', () => {
    const m = compileWildcardParts(['a*', ANY_RUN, '?b', ANY_CHAR], { caseSensitive: true });
    assert.equal(m.test('a*xyz?bc'), true);
    assert.equal(m.test('a*?bc'), true);
    assert.equal(m.test('axyz?bc'), false);
    assert.equal(m.test('a*xyzxbc'), false);
  });

  it('keeps the RegExp-like interface of wildcardToRegExp, case-insensitive', () => {
    const re = wildcardToRegExp('ssm:Get*');
    assert.equal(re.test('SSM:GETPARAMETER'), true);
    assert.equal(re.test('ssm:PutParameter'), false);
  });

  it('answers adversarial patterns over long texts without backtracking', () => {
    // Each of these takes the RegExp engine exponential or polynomial time; the matcher is linear in each.
    const long = 'a'.repeat(100_000);
    const cases: [string, string, boolean][] = [
      [`ssm:${'*'.repeat(10_000)}Z`, `ssm:${'Send'.repeat(10_000)}`, false],
      [`${'*a'.repeat(5_000)}b`, long, false],
      [`${'*?'.repeat(5_000)}!`, long, false],
      [`${'?'.repeat(100_000)}`, long, true],
      [`*${'a'.repeat(50_000)}*b`, long, false],
    ];
    for (const [pattern, text, expected] of cases) {
      assert.equal(compileWildcard(pattern).test(text), expected, pattern.slice(0, 20));
      assert.equal(compileWildcard(pattern, { caseSensitive: true }).test(text), expected, pattern.slice(0, 20));
    }
  });
});
