import * as assert from 'node:assert/strict';
import { documentPolicyKind, fileMatchRegExp, kindFromGlobs, matchesFileGlobs } from '../../../src/core/policy/globs';

const POLICY = '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "ssm:*", "Resource": "*" } ] }';

describe('policy/globs', () => {
  it('reads globs as json.schemas fileMatch does: a globstar in front, * within a segment', () => {
    assert.ok(fileMatchRegExp('*.json').test('/w/a/b/role.json'));
    assert.ok(fileMatchRegExp('policies/*.json').test('/w/repo/policies/a.json'));
    assert.ok(!fileMatchRegExp('policies/*.json').test('/w/repo/policies/sub/a.json'));
    assert.ok(fileMatchRegExp('policies/**/*.json').test('/w/repo/policies/sub/deep/a.json'));
    assert.ok(fileMatchRegExp('policies/**/*.json').test('/w/repo/policies/a.json'));
    assert.ok(fileMatchRegExp('/iam/*.json').test('/w/iam/a.json'), 'a leading slash is dropped');
    assert.ok(!fileMatchRegExp('*.json').test('/w/a.jsonc'));
    assert.ok(!fileMatchRegExp('roles/*.json').test('/w/myroles/a.json'), 'a folder name matches whole');
  });

  it('supports ?, {a,b} and [...] and escapes RegExp characters', () => {
    assert.ok(fileMatchRegExp('role-?.json').test('/w/role-1.json'));
    assert.ok(!fileMatchRegExp('role-?.json').test('/w/role-12.json'));
    assert.ok(fileMatchRegExp('*.{trust,assume}.json').test('/w/x.assume.json'));
    assert.ok(!fileMatchRegExp('*.{trust,assume}.json').test('/w/x.other.json'));
    assert.ok(fileMatchRegExp('role[0-9].json').test('/w/role7.json'));
    assert.ok(!fileMatchRegExp('role[!0-9].json').test('/w/role7.json'));
    assert.ok(fileMatchRegExp('a+b (1).json').test('/w/a+b (1).json'));
    assert.ok(!fileMatchRegExp('a.json').test('/w/aXjson'), 'a dot is literal');
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
    assert.equal(documentPolicyKind({ path: '/w/package.json', text: '{ "name": "x", "version": "1.0.0" }' }), undefined);
  });
});
