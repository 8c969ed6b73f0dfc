import * as assert from 'node:assert/strict';
import { rollbackPlan, type DoneStep, type RecordedState } from '../../../src/core/apply/rollback';
import type { ApplyStep } from '../../../src/core/apply/types';

const ARN = 'arn:aws:iam::123456789012:policy/SsmAccess';
const step = (action: ApplyStep['action'], extra: Partial<ApplyStep> = {}): ApplyStep => ({ action, description: action, roleName: 'R', ...extra });
const done = (s: ApplyStep, extra: Partial<DoneStep> = {}): DoneStep => ({ step: s, ...extra });
const existing = (extra: Partial<RecordedState> = {}): RecordedState => ({ roleName: 'R', roleExisted: true, attachedArns: [], ...extra });

describe('core/apply: rollback restores the recorded state', () => {
  it('a new policy version: the default recorded before the run comes back, not the newest other version', () => {
    // v3 is a newer non-default version (say ssm:*); v2 was the default. Rolling back must not promote v3.
    const recorded = existing({ policy: { arn: ARN, existed: true, defaultVersionId: 'v2' } });
    const plan = rollbackPlan(recorded, [done(step('CreatePolicyVersion', { policyArn: ARN }), { createdVersionId: 'v4' })]);
    assert.deepEqual(
      plan.calls.map((c) => [c.action, 'versionId' in c ? c.versionId : undefined]),
      [
        ['iam:SetDefaultPolicyVersion', 'v2'],
        ['iam:DeletePolicyVersion', 'v4'],
      ],
    );
    assert.deepEqual(plan.notRestorable, []);
  });

  it('an inline policy that existed is put back with its previous document; a new one is deleted', () => {
    const before = '{"Version":"2012-10-17","Statement":[]}';
    const put = step('PutRolePolicy', { policyName: 'P' });
    const restored = rollbackPlan(existing({ inlinePolicy: { name: 'P', document: before } }), [done(put)]);
    assert.equal(restored.calls.length, 1);
    assert.equal(restored.calls[0]?.action, 'iam:PutRolePolicy');
    assert.equal(restored.calls[0]?.action === 'iam:PutRolePolicy' && restored.calls[0].document, before);
    const added = rollbackPlan(existing({ inlinePolicy: { name: 'P' } }), [done(put)]);
    assert.deepEqual(
      added.calls.map((c) => c.action),
      ['iam:DeleteRolePolicy'],
    );
  });

  it('a replaced trust policy is put back; without a record it is named as not restorable', () => {
    const trust = '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
    const update = step('UpdateAssumeRolePolicy');
    const plan = rollbackPlan(existing({ trustPolicy: trust }), [done(update)]);
    assert.equal(plan.calls[0]?.action === 'iam:UpdateAssumeRolePolicy' && plan.calls[0].document, trust);
    const unknown = rollbackPlan(existing(), [done(update)]);
    assert.equal(unknown.calls.length, 0);
    assert.match(unknown.notRestorable[0]?.reason ?? '', /previous trust policy/);
  });

  it('a policy already attached before the run stays attached; one this run attached is detached', () => {
    const attach = step('AttachRolePolicy', { policyArn: ARN });
    assert.deepEqual(rollbackPlan(existing({ attachedArns: [ARN] }), [done(attach)]).calls, []);
    assert.deepEqual(
      rollbackPlan(existing(), [done(attach)]).calls.map((c) => c.action),
      ['iam:DetachRolePolicy'],
    );
  });

  it('a new role is emptied newest first and then deleted; its instance profile goes too', () => {
    const recorded: RecordedState = { roleName: 'R', roleExisted: false, attachedArns: [] };
    const steps = [
      done(step('CreateRole')),
      done(step('CreateInstanceProfile', { instanceProfileName: 'R' })),
      done(step('AddRoleToInstanceProfile', { instanceProfileName: 'R' })),
      done(step('PutRolePolicy', { policyName: 'P' })),
      done(step('AttachRolePolicy', { policyArn: ARN })),
    ];
    assert.deepEqual(
      rollbackPlan(recorded, steps).calls.map((c) => c.action),
      ['iam:DetachRolePolicy', 'iam:DeleteRolePolicy', 'iam:RemoveRoleFromInstanceProfile', 'iam:DeleteInstanceProfile', 'iam:DeleteRole'],
    );
  });

  it('a created customer managed policy is detached, then deleted, by the ARN its creation returned', () => {
    const created = 'arn:aws:iam::123456789012:policy/path/SsmAccess';
    const plan = rollbackPlan(existing(), [done(step('CreatePolicy', { policyArn: ARN }), { createdPolicyArn: created }), done(step('AttachRolePolicy', { policyArn: ARN }))]);
    assert.deepEqual(
      plan.calls.map((c) => [c.action, 'policyArn' in c ? c.policyArn : '']),
      [
        ['iam:DetachRolePolicy', ARN],
        ['iam:DeletePolicy', created],
      ],
    );
  });

  it('names what cannot be restored: a deleted old version, a new version whose id is unknown', () => {
    const recorded = existing({ policy: { arn: ARN, existed: true, defaultVersionId: 'v5' } });
    const plan = rollbackPlan(recorded, [done(step('DeletePolicyVersion', { policyArn: ARN, versionId: 'v1' })), done(step('CreatePolicyVersion', { policyArn: ARN }))]);
    assert.deepEqual(plan.calls, []);
    assert.equal(plan.notRestorable.length, 2);
    assert.match(plan.notRestorable.map((n) => n.reason).join('\n'), /version v1 .*deleted/);
    assert.match(plan.notRestorable.map((n) => n.reason).join('\n'), /id of the version/);
  });
});
