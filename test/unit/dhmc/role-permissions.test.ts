import * as assert from 'node:assert/strict';
import { checkDhmcRolePermissions, isDhmcManagedPolicyArn, knownManagedPolicyText } from '../../../src/core/dhmc/role-permissions';

const DEFAULT_POLICY = 'arn:aws:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy';

describe('core/dhmc: the role grants what DHMC needs', () => {
  it('the documented managed policy (and AmazonSSMManagedInstanceCore) grant it', () => {
    assert.ok(isDhmcManagedPolicyArn(DEFAULT_POLICY));
    assert.ok(isDhmcManagedPolicyArn('arn:aws-cn:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy'));
    assert.ok(!isDhmcManagedPolicyArn('arn:aws:iam::123456789012:policy/AmazonSSMManagedEC2InstanceDefaultPolicy'));
    for (const arn of [DEFAULT_POLICY, 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore']) {
      const text = knownManagedPolicyText(arn);
      assert.ok(text, arn);
      assert.deepEqual(checkDhmcRolePermissions([{ source: arn, text }]), { ok: true, missing: [], conditional: [], unread: [] });
    }
  });

  it('a role left without policies (AttachRolePolicy failed) grants nothing', () => {
    const verdict = checkDhmcRolePermissions([]);
    assert.equal(verdict.ok, false);
    assert.deepEqual(verdict.missing, ['ssm:UpdateInstanceInformation', 'ssmmessages:CreateControlChannel', 'ssmmessages:OpenControlChannel']);
  });

  it('an inline policy counts; a Deny takes an action back; a conditional Allow is reported', () => {
    const inline = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['ssm:UpdateInstanceInformation', 'ssmmessages:*'], Resource: '*' },
        { Effect: 'Deny', Action: 'ssmmessages:OpenControlChannel', Resource: '*' },
      ],
    });
    assert.deepEqual(checkDhmcRolePermissions([{ source: 'inline:Agent', text: inline }]).missing, ['ssmmessages:OpenControlChannel']);
    const conditional = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['ssm:UpdateInstanceInformation', 'ssmmessages:*'], Resource: '*', Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } }],
    });
    const verdict = checkDhmcRolePermissions([{ source: 'inline:Agent', text: conditional }]);
    assert.equal(verdict.ok, true);
    assert.equal(verdict.conditional.length, 3);
  });

  it('an unreadable policy is reported, so the caller can say the verdict may be too strict', () => {
    const verdict = checkDhmcRolePermissions([{ source: 'arn:aws:iam::aws:policy/SomethingNew', text: undefined }]);
    assert.deepEqual(verdict.unread, ['arn:aws:iam::aws:policy/SomethingNew']);
    assert.equal(verdict.ok, false);
  });
});
