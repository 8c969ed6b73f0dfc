import * as assert from 'node:assert/strict';
import { planSteps, trustLetsEc2Assume, wantsInstanceProfile, type ApplyRequest } from '../../../src/core/apply';

const trust = (statement: Record<string, unknown>): string => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const EC2 = trust({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' });
const SSM = trust({ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' });
const IDENTITY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ssm:DescribeParameters', Resource: '*' }] });

describe('core/apply: an instance profile for a role EC2 may assume', () => {
  it('reads the trust policy: an Allow for the EC2 service principal covering sts:AssumeRole', () => {
    assert.equal(trustLetsEc2Assume(EC2), true);
    assert.equal(trustLetsEc2Assume(trust({ Effect: 'Allow', Principal: { Service: ['ssm.amazonaws.com', 'ec2.amazonaws.com'] }, Action: ['sts:TagSession', 'sts:AssumeRole'] })), true);
    assert.equal(trustLetsEc2Assume(trust({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com.cn' }, Action: 'sts:AssumeRole' })), true, 'the China Regions');
    assert.equal(trustLetsEc2Assume(trust({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:*' })), true, 'a wildcard covers it');
    assert.equal(trustLetsEc2Assume(trust({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'STS:assumerole' })), true, 'actions ignore case');
  });

  it('says no for another service, a Deny, another action, a non-service principal, or no policy at all', () => {
    assert.equal(trustLetsEc2Assume(SSM), false);
    assert.equal(trustLetsEc2Assume(trust({ Effect: 'Deny', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })), false);
    assert.equal(trustLetsEc2Assume(trust({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:TagSession' })), false);
    assert.equal(trustLetsEc2Assume(trust({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRoleWithSAML' })), false);
    assert.equal(trustLetsEc2Assume(trust({ Effect: 'Allow', Principal: { AWS: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })), false);
    assert.equal(trustLetsEc2Assume(''), false);
    assert.equal(trustLetsEc2Assume('{ "Statement": ['), false);
  });

  it('plans CreateInstanceProfile and AddRoleToInstanceProfile right after CreateRole, named like the role, for a new role only', () => {
    const request: ApplyRequest = {
      policy: { type: 'text', text: IDENTITY, label: 'x' },
      role: { type: 'new', roleName: 'Web', path: '/app/', trustPolicyText: EC2 },
      mode: 'inline',
      policyName: 'P',
    };
    assert.equal(wantsInstanceProfile(request), true);
    const steps = planSteps(request, { roleExists: false, sameDocument: false });
    assert.deepEqual(
      steps.map((s) => [s.action, s.instanceProfileName, s.roleName]),
      [
        ['CreateRole', undefined, 'Web'],
        ['CreateInstanceProfile', 'Web', undefined],
        ['AddRoleToInstanceProfile', 'Web', 'Web'],
        ['PutRolePolicy', undefined, 'Web'],
      ],
    );
    assert.match(steps[1]!.description, /instance profile Web with the path \/app\//);

    const ssmTrust: ApplyRequest = { ...request, role: { ...request.role, trustPolicyText: SSM } as ApplyRequest['role'] };
    assert.equal(wantsInstanceProfile(ssmTrust), false);
    assert.deepEqual(planSteps(ssmTrust, { roleExists: false, sameDocument: false }).map((s) => s.action), ['CreateRole', 'PutRolePolicy']);

    const existing: ApplyRequest = { ...request, role: { type: 'existing', roleName: 'Web' } };
    assert.equal(wantsInstanceProfile(existing), false);
    assert.deepEqual(planSteps(existing, { roleExists: true, sameDocument: false }).map((s) => s.action), ['PutRolePolicy']);
  });

  it('in trust mode, reads the policy itself, which is the trust policy the new role is created with', () => {
    const role = { type: 'new', roleName: 'Web', path: '/', trustPolicyText: SSM } as const;
    const text: ApplyRequest = { policy: { type: 'text', text: EC2, label: 't' }, role, mode: 'trust' };
    assert.deepEqual(planSteps(text, { roleExists: false, sameDocument: false }).map((s) => s.action), ['CreateRole', 'CreateInstanceProfile', 'AddRoleToInstanceProfile']);
    const catalog: ApplyRequest = { policy: { type: 'catalog', entryId: 'ssm-quick-setup-ec2-trust' }, role, mode: 'trust' };
    assert.equal(wantsInstanceProfile(catalog), true);
    const ssmCatalog: ApplyRequest = { policy: { type: 'catalog', entryId: 'ssm-dhmc-trust' }, role: { ...role, trustPolicyText: EC2 }, mode: 'trust' };
    assert.equal(wantsInstanceProfile(ssmCatalog), false, 'the role gets the policy, not its own trustPolicyText');
  });
});
