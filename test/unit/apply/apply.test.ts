import * as assert from 'node:assert/strict';
import {
  decodeIamDocument,
  gate,
  modesFor,
  normalizeDocument,
  oldestDeletableVersion,
  planSteps,
  prettyDocument,
  resolvePolicyText,
  sameDocument,
  type ApplyRequest,
} from '../../../src/core/apply';
import { catalogEntry } from '../../../src/core/catalog';

const ctx = { accountId: '111122223333', region: 'eu-west-1' };
const IDENTITY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ssm:DescribeParameters', Resource: '*' }] });
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

describe('core/apply: resolve the policy and the modes', () => {
  it('fills the account and Region placeholders of a catalog entry from the connection', () => {
    const r = resolvePolicyText({ type: 'catalog', entryId: 'ssm-dhmc-admin' }, ctx);
    assert.equal(r.kind, 'identity');
    assert.ok(r.text?.includes(':eu-west-1:111122223333:'), r.text);
    assert.ok(!r.text?.includes('account-id'));
    assert.deepEqual(r.filled.map((f) => f.name).sort(), ['account-id', 'region']);
    assert.deepEqual(r.unfilled, []);
  });

  it('leaves the other placeholders in, so the gate blocks them', async () => {
    const r = resolvePolicyText({ type: 'catalog', entryId: 'ssm-run-command-tag-all' }, ctx);
    assert.ok(r.unfilled.length > 0);
    for (const name of r.unfilled) assert.ok(r.text?.includes(name), name);
    const g = await gate(r.text ?? '', 'identity', { placeholders: r.unfilled });
    assert.equal(g.blocked, true);
    assert.ok(g.errors.some((e) => e.ruleId === 'placeholder'));
  });

  it('takes a text as is, and an AWS managed policy has no text', () => {
    assert.deepEqual(resolvePolicyText({ type: 'text', text: TRUST, label: 'trust.json' }, ctx), { text: TRUST, kind: 'trust', label: 'trust.json', filled: [], unfilled: [] });
    const managed = resolvePolicyText({ type: 'awsManaged', name: 'AmazonSSMManagedInstanceCore' }, ctx);
    assert.equal(managed.text, undefined);
    assert.equal(managed.managedName, 'AmazonSSMManagedInstanceCore');
    assert.throws(() => resolvePolicyText({ type: 'catalog', entryId: 'nope' }, ctx), /nope/);
  });

  it('offers the modes that fit the kind', () => {
    const text = { type: 'text', text: IDENTITY, label: 'x' } as const;
    assert.deepEqual(modesFor('identity', text).modes, ['inline', 'customerManaged']);
    assert.deepEqual(modesFor('trust', text).modes, ['trust']);
    assert.deepEqual(modesFor('identity', { type: 'awsManaged', name: 'AmazonSSMManagedInstanceCore' }).modes, ['attachManaged']);
    const managedEntry = catalogEntry('ssm-managed-instance-core');
    assert.ok(managedEntry?.managed);
    assert.deepEqual(modesFor('identity', { type: 'catalog', entryId: managedEntry.id }).modes, ['attachManaged']);
    const scp = modesFor('scp', text);
    assert.deepEqual(scp.modes, []);
    assert.match(scp.reason ?? '', /Organizations/);
  });
});

describe('core/apply: the gate', () => {
  it('lets a clean identity policy through', async () => {
    assert.deepEqual(await gate(IDENTITY, 'identity'), { errors: [], warnings: [], blocked: false });
  });

  it('blocks a Principal in an identity policy, even when the configuration turns the rule off', async () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ssm:GetParameter', Resource: '*' }] });
    for (const config of [undefined, { rules: { 'principal-in-identity': 'off' as const } }]) {
      const g = await gate(text, 'identity', { config });
      assert.equal(g.blocked, true);
      assert.ok(g.errors.some((e) => e.ruleId === 'principal-in-identity'));
    }
  });

  it('blocks an invalid trust policy (no Principal, a Resource) and a text that is not strict JSON', async () => {
    const noPrincipal = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] });
    const g = await gate(noPrincipal, 'trust');
    assert.equal(g.blocked, true);
    assert.ok(g.errors.some((e) => e.ruleId === 'missing-principal'));
    assert.equal((await gate('{ "Version": "2012-10-17", "Statement": [', 'trust')).blocked, true);
    assert.equal((await gate('', 'identity')).blocked, true);
  });

  it('lists warnings without blocking', async () => {
    const text = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'ssm:DescribeParameters', Resource: '*' }] });
    const g = await gate(text, 'identity');
    assert.equal(g.blocked, false);
    assert.ok(g.warnings.some((w) => w.ruleId === 'version-missing'));
  });
});

describe('core/apply: documents', () => {
  it('compares documents as JSON values', () => {
    assert.ok(sameDocument('{"a":1,"b":[1,{"c":2,"d":3}]}', '{ "b": [1, {"d": 3, "c": 2}],\n "a": 1 }'));
    assert.ok(!sameDocument('{"a":[1,2]}', '{"a":[2,1]}'));
    assert.ok(!sameDocument('', ''));
    assert.ok(!sameDocument('{', '{'));
    assert.equal(normalizeDocument('{"b":1,"a":2}'), '{"a":2,"b":1}');
    assert.equal(normalizeDocument('{ // comment\n}'), undefined);
  });

  it('decodes what IAM returns and pretty-prints it', () => {
    const encoded = encodeURIComponent(TRUST);
    assert.equal(decodeIamDocument(encoded), TRUST);
    assert.equal(decodeIamDocument(TRUST), TRUST);
    const withPercent = '{"Sid":"100%"}';
    assert.equal(decodeIamDocument(withPercent), withPercent);
    assert.equal(decodeIamDocument('%E0%A4%A'), '%E0%A4%A');
    assert.equal(prettyDocument('{"a":1}'), '{\n  "a": 1\n}');
    assert.equal(prettyDocument(''), '');
    assert.equal(prettyDocument('not json'), 'not json');
  });
});

describe('core/apply: planSteps', () => {
  const existing = { type: 'existing', roleName: 'R' } as const;
  const newRole = { type: 'new', roleName: 'R', path: '/', trustPolicyText: TRUST } as const;
  const text = { type: 'text', text: IDENTITY, label: 'x' } as const;
  const actions = (request: ApplyRequest, state: Parameters<typeof planSteps>[1]): string[] => planSteps(request, state).map((s) => s.action);

  it('inline: a put, or nothing when the document is the same', () => {
    const req: ApplyRequest = { policy: text, role: existing, mode: 'inline', policyName: 'P' };
    assert.deepEqual(actions(req, { roleExists: true, sameDocument: false }), ['PutRolePolicy']);
    assert.deepEqual(actions(req, { roleExists: true, sameDocument: true }), []);
    assert.deepEqual(actions({ ...req, role: newRole }, { roleExists: false, sameDocument: false }), ['CreateRole', 'CreateInstanceProfile', 'AddRoleToInstanceProfile', 'PutRolePolicy'], 'EC2 may assume it: an instance profile');
  });

  it('trust: an update, or the new role is created with it', () => {
    const req: ApplyRequest = { policy: { type: 'text', text: TRUST, label: 't' }, role: existing, mode: 'trust' };
    assert.deepEqual(actions(req, { roleExists: true, sameDocument: false }), ['UpdateAssumeRolePolicy']);
    assert.deepEqual(actions(req, { roleExists: true, sameDocument: true }), []);
    assert.deepEqual(actions({ ...req, role: newRole }, { roleExists: false, sameDocument: false }), ['CreateRole', 'CreateInstanceProfile', 'AddRoleToInstanceProfile'], 'EC2 may assume it: an instance profile');
  });

  it('attachManaged: attach unless attached', () => {
    const req: ApplyRequest = { policy: { type: 'awsManaged', name: 'M' }, role: existing, mode: 'attachManaged' };
    const steps = planSteps(req, { roleExists: true, sameDocument: false, attached: false, policyArn: 'arn:aws:iam::aws:policy/M' });
    assert.deepEqual(steps.map((s) => [s.action, s.policyArn]), [['AttachRolePolicy', 'arn:aws:iam::aws:policy/M']]);
    assert.deepEqual(actions(req, { roleExists: true, sameDocument: true, attached: true }), []);
  });

  it('customerManaged: create, new version, the five-versions limit, attach', () => {
    const req: ApplyRequest = { policy: text, role: existing, mode: 'customerManaged', policyName: 'P' };
    assert.deepEqual(actions(req, { roleExists: true, sameDocument: false, policyExists: false, attached: false }), ['CreatePolicy', 'AttachRolePolicy']);
    const v = (n: number, isDefault = false) => ({ versionId: `v${n}`, isDefault, createDate: new Date(Date.UTC(2024, 0, 1)) });
    assert.deepEqual(actions(req, { roleExists: true, sameDocument: false, policyExists: true, attached: true, versions: [v(1, true), v(2)] }), ['CreatePolicyVersion']);
    const five = [v(1), v(2), v(10), v(3, true), v(4)];
    const steps = planSteps(req, { roleExists: true, sameDocument: false, policyExists: true, attached: true, versions: five });
    assert.deepEqual(steps.map((s) => [s.action, s.versionId]), [['DeletePolicyVersion', 'v1'], ['CreatePolicyVersion', undefined]]);
    assert.deepEqual(actions(req, { roleExists: true, sameDocument: true, policyExists: true, attached: true, versions: five }), []);
    assert.deepEqual(actions(req, { roleExists: true, sameDocument: true, policyExists: true, attached: false, versions: five }), ['AttachRolePolicy']);
  });

  it('the oldest non-default version goes first: by date, then by number', () => {
    const d = (day: number) => new Date(Date.UTC(2024, 0, day));
    assert.equal(oldestDeletableVersion([{ versionId: 'v1', isDefault: true, createDate: d(1) }, { versionId: 'v3', isDefault: false, createDate: d(3) }, { versionId: 'v2', isDefault: false, createDate: d(2) }])?.versionId, 'v2');
    assert.equal(oldestDeletableVersion([{ versionId: 'v1', isDefault: true }]), undefined);
  });
});
