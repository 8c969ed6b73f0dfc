import * as assert from 'node:assert/strict';
import { detectPolicyDocument, documentPolicyKind, fileMatchGlob, kindFromGlobs, matchesFileGlobs } from '../../../src/core/policy/globs';

/** The RegExp translation the automaton replaced: the reference for short globs, where backtracking is cheap. */
function referenceRegExp(glob: string): RegExp {
  const pattern = `**/${glob.startsWith('/') ? glob.slice(1) : glob}`;
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? '';
    if (ch === '*' && pattern[i + 1] === '*') {
      out += pattern[i + 2] === '/' ? '(?:[^/]*(?:/|$))*' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '{') {
      braces++;
      out += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      out += ')';
    }
    else if (ch === ',' && braces > 0) out += '|';
    else if (ch === '[' && pattern.indexOf(']', i + 1) >= 0) {
      const close = pattern.indexOf(']', i + 1);
      let body = pattern.slice(i + 1, close);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else out += ch.replace(/[.+^$()|[\]\\/{}]/g, '\\$&');
  }
  while (braces-- > 0) out += ')';
  return new RegExp(`^${out}$`);
}

const POLICY = '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "ssm:*", "Resource": "*" } ] }';

describe('policy/globs', () => {
  it('reads globs as json.schemas fileMatch does: a globstar in front, * within a segment', () => {
    assert.ok(fileMatchGlob('*.json').test('/w/a/b/role.json'));
    assert.ok(fileMatchGlob('policies/*.json').test('/w/repo/policies/a.json'));
    assert.ok(!fileMatchGlob('policies/*.json').test('/w/repo/policies/sub/a.json'));
    assert.ok(fileMatchGlob('policies/**/*.json').test('/w/repo/policies/sub/deep/a.json'));
    assert.ok(fileMatchGlob('policies/**/*.json').test('/w/repo/policies/a.json'));
    assert.ok(fileMatchGlob('/iam/*.json').test('/w/iam/a.json'), 'a leading slash is dropped');
    assert.ok(!fileMatchGlob('*.json').test('/w/a.jsonc'));
    assert.ok(!fileMatchGlob('roles/*.json').test('/w/myroles/a.json'), 'a folder name matches whole');
  });

  it('supports ?, {a,b} and [...] and escapes RegExp characters', () => {
    assert.ok(fileMatchGlob('role-?.json').test('/w/role-1.json'));
    assert.ok(!fileMatchGlob('role-?.json').test('/w/role-12.json'));
    assert.ok(fileMatchGlob('*.{trust,assume}.json').test('/w/x.assume.json'));
    assert.ok(!fileMatchGlob('*.{trust,assume}.json').test('/w/x.other.json'));
    assert.ok(fileMatchGlob('role[0-9].json').test('/w/role7.json'));
    assert.ok(!fileMatchGlob('role[!0-9].json').test('/w/role7.json'));
    assert.ok(fileMatchGlob('a+b (1).json').test('/w/a+b (1).json'));
    assert.ok(!fileMatchGlob('a.json').test('/w/aXjson'), 'a dot is literal');
  });

  it('agrees with the RegExp translation on random short globs and paths', () => {
    let seed = 11;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = (xs: string[]): string => xs[Math.floor(next() * xs.length)] as string;
    const globChars = ['a', 'b', '/', '*', '**', '**/', '?', '{', ',', '}', '[a-b]', '[!a]', '.', '-', '[', ']', '!'];
    const pathChars = ['a', 'b', '/', '.', '-', '!', '[', '{', '\n'];
    for (let i = 0; i < 5_000; i++) {
      const glob = Array.from({ length: 1 + Math.floor(next() * 7) }, () => pick(globChars)).join('');
      const path = Array.from({ length: Math.floor(next() * 9) }, () => pick(pathChars)).join('');
      let expected: boolean | 'invalid';
      try {
        expected = referenceRegExp(glob).test(path);
      } catch {
        expected = 'invalid';
      }
      let actual: boolean | 'invalid';
      try {
        actual = fileMatchGlob(glob).test(path);
      } catch {
        actual = 'invalid';
      }
      assert.equal(actual, expected, `${JSON.stringify(glob)} ~ ${JSON.stringify(path)}`);
    }
  });

  it('lets the last matching glob decide, with ! excluding; ignores blank and non-string entries', () => {
    assert.ok(matchesFileGlobs(['iam/**/*.json', '!**/package.json'], '/w/iam/x/role.json'));
    assert.ok(!matchesFileGlobs(['iam/**/*.json', '!**/package.json'], '/w/iam/package.json'));
    assert.ok(matchesFileGlobs(['!**/package.json', 'iam/*.json'], '/w/iam/package.json'), 'a later include wins');
    assert.ok(!matchesFileGlobs(['', '  ', 42 as unknown as string], '/w/a.json'));
    assert.ok(!matchesFileGlobs([], '/w/a.json'));
  });

  it('gives the kind of the first matching kind: scp, trust, identity', () => {
    const globs = { identity: ['iam/*.json'], trust: ['iam/assume-*.json'], scp: ['org/*.json'] };
    assert.equal(kindFromGlobs(globs, '/w/iam/assume-role.json'), 'trust');
    assert.equal(kindFromGlobs(globs, '/w/iam/admin.json'), 'identity');
    assert.equal(kindFromGlobs(globs, '/w/org/deny.json'), 'scp');
    assert.equal(kindFromGlobs(globs, '/w/other/deny.json'), undefined);
    assert.equal(kindFromGlobs({ identity: 'iam/*.json' as unknown as string[] }, '/w/iam/a.json'), undefined, 'a non-array setting is ignored');
  });

  it('decides whether a document is a policy: globs, then file names, then content', () => {
    assert.equal(documentPolicyKind({ path: '/w/ec2-trust.json', text: '', globs: { scp: ['**/ec2-trust.json'] } }), 'scp');
    assert.equal(documentPolicyKind({ path: '/w/ec2-trust.json', text: '' }), 'trust');
    assert.equal(documentPolicyKind({ path: '/w/notes.json', text: POLICY }), 'auto');
    assert.equal(documentPolicyKind({ path: '/w/notes.json', text: POLICY, detectByContent: false }), undefined);
    assert.equal(documentPolicyKind({ path: '/w/admin.policy.json', text: '{}', detectByContent: false }), 'identity');
    // What told, for the schema associations: the globs, the name, the content.
    assert.deepEqual(detectPolicyDocument({ path: '/w/ec2-trust.json', text: '', globs: { scp: ['**/ec2-trust.json'] } }), { kind: 'scp', by: 'setting' });
    assert.deepEqual(detectPolicyDocument({ path: '/w/ec2-trust.json', text: '' }), { kind: 'trust', by: 'fileName' });
    assert.deepEqual(detectPolicyDocument({ path: '/w/notes.json', text: POLICY }), { kind: 'auto', by: 'content' });
    assert.equal(detectPolicyDocument({ path: '/w/notes.json', text: POLICY, detectByContent: false }), undefined);
    assert.equal(documentPolicyKind({ path: '/w/package.json', text: '{ "name": "x", "version": "1.0.0" }' }), undefined);
  });
});
