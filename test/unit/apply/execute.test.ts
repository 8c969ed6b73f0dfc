import * as assert from 'node:assert/strict';
import type { IAMClient } from '@aws-sdk/client-iam';
import { createAwsAdapter, type AwsAdapter } from '../../../src/aws/adapter';
import { AwsClientFactory } from '../../../src/aws/client-factory';
import { ApplyBlockedError, applyPlan, buildPlan, getManagedPolicyDocument, openGate, sameDocument, type ApplyRequest } from '../../../src/core/apply';
import { isAwsError } from '../../../src/core/aws/error';
import type { AwsTarget } from '../../../src/core/aws/port';
import { catalogEntry } from '../../../src/core/catalog';
import { useEmulators } from '../aws/emulators';

const ACCOUNT = '123456789012';
const EC2_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
/** A trust policy EC2 cannot use: a new role with it gets no instance profile. */
const SSM_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const identity = (action: string): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
const WRITES = new Set(['CreateRole', 'PutRolePolicy', 'UpdateAssumeRolePolicy', 'AttachRolePolicy', 'CreatePolicy', 'CreatePolicyVersion', 'DeletePolicyVersion', 'DeleteRole', 'DeletePolicy']);

/**
 * A real factory (calls go to moto over HTTP) whose IAM client records every command and can fail one of them with
 * the error IAM would return: moto accepts what would make IAM fail midway, so the failure is injected.
 */
class RecordingFactory extends AwsClientFactory {
  readonly commands: string[] = [];
  failOn?: { command: string; error: Error };
  private readonly wired = new Set<unknown>();
  override client<S extends 'ssm' | 'iam' | 'sts' | 'ec2'>(service: S, target: AwsTarget, use?: { retries?: boolean }) {
    const client = super.client(service, target, use);
    // Reads and writes have a client each (writes: one attempt): record and fail on both.
    if (service === 'iam' && !this.wired.has(client)) {
      this.wired.add(client);
      (client as IAMClient).middlewareStack.add(
        (next, context) => async (args) => {
          const name = String(context.commandName ?? '').replace(/Command$/, '');
          this.commands.push(name);
          if (this.failOn?.command === name) throw this.failOn.error;
          return next(args);
        },
        { step: 'initialize', name: 'recordAndFail' },
      );
    }
    return client;
  }
  writes(): string[] {
    return this.commands.filter((c) => WRITES.has(c));
  }
}

function iamError(name: string, message: string, status = 409): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status } });
}

describe('core/apply through the adapter: apply a policy to a role (over HTTP, moto)', function () {
  this.timeout(30_000);
  const emulators = useEmulators();
  const target = { region: 'us-east-1' };
  let factory: RecordingFactory;
  let aws: AwsAdapter;
  /** A role's trust policy, decoded; undefined when the role does not exist. */
  const getTrustPolicy = async (roleName: string): Promise<string | undefined> => (await aws.getRole(target, roleName))?.trustPolicy;
  before(async () => {
    await emulators().reset();
    const setup = createAwsAdapter({ maxAttempts: 1 });
    await setup.createRole(target, { name: 'InstanceRole', path: '/', trustPolicy: EC2_TRUST });
    await setup.createRole(target, { name: 'ServiceRole', path: '/service-role/', trustPolicy: EC2_TRUST });
    setup.dispose();
  });
  beforeEach(() => {
    factory = new RecordingFactory({ maxAttempts: 1 });
    aws = createAwsAdapter({ factory });
  });
  afterEach(() => aws.dispose());

  it('lists the roles, with a path prefix', async () => {
    const all = await aws.listRoles(target);
    assert.ok(['InstanceRole', 'ServiceRole'].every((n) => all.some((r) => r.name === n)));
    const service = await aws.listRoles(target, { pathPrefix: '/service-role/' });
    assert.deepEqual(service.map((r) => [r.name, r.path]), [['ServiceRole', '/service-role/']]);
    assert.ok(sameDocument(service[0]!.trustPolicy, EC2_TRUST), 'decoded');
  });

  it('inline: puts the policy; applying it again is "no change" and writes nothing', async () => {
    const request: ApplyRequest = { policy: { type: 'text', text: identity('ssm:DescribeParameters'), label: 'p.json' }, role: { type: 'existing', roleName: 'InstanceRole' }, mode: 'inline', policyName: 'Describe' };
    const plan = await buildPlan(aws, target, request);
    assert.deepEqual([plan.accountId, plan.roleArn, plan.currentText, plan.noChange, plan.gate.blocked], [ACCOUNT, `arn:aws:iam::${ACCOUNT}:role/InstanceRole`, '', false, false]);
    assert.deepEqual(plan.steps.map((s) => s.action), ['PutRolePolicy']);
    assert.equal(plan.proposedText, JSON.stringify(JSON.parse(identity('ssm:DescribeParameters')), null, 2));
    const outcome = await applyPlan(aws, target, plan);
    assert.deepEqual([outcome.done.length, outcome.failed, outcome.rolledBack, outcome.noChange], [1, undefined, [], false]);
    assert.deepEqual(outcome.log?.map((l) => [l.action, l.ok]), [['iam:PutRolePolicy', true]]);
    const stored = await aws.getRolePolicy(target, 'InstanceRole', 'Describe');
    assert.ok(stored && sameDocument(stored, identity('ssm:DescribeParameters')));

    const again = await buildPlan(aws, target, request);
    assert.deepEqual([again.noChange, again.steps, again.currentText], [true, [], plan.proposedText]);
    const before = factory.writes().length;
    const none = await applyPlan(aws, target, again);
    assert.deepEqual([none.noChange, none.done, none.log], [true, [], []]);
    assert.equal(factory.writes().length, before, 'no write');
  });

  it('trust: replaces the trust policy with the catalog one; again is no change', async () => {
    const request: ApplyRequest = { policy: { type: 'catalog', entryId: 'ssm-dhmc-trust' }, role: { type: 'existing', roleName: 'ServiceRole' }, mode: 'trust' };
    const plan = await buildPlan(aws, target, request);
    assert.ok(sameDocument(plan.currentText, EC2_TRUST));
    assert.deepEqual(plan.steps.map((s) => s.action), ['UpdateAssumeRolePolicy']);
    await applyPlan(aws, target, plan);
    assert.ok(sameDocument((await getTrustPolicy('ServiceRole')) ?? '', catalogEntry('ssm-dhmc-trust')!.text));
    assert.equal((await buildPlan(aws, target, request)).noChange, true);
  });

  it('attachManaged: attaches an AWS managed policy (its document shown); again is no change', async () => {
    const request: ApplyRequest = { policy: { type: 'awsManaged', name: 'AmazonSSMManagedInstanceCore' }, role: { type: 'existing', roleName: 'InstanceRole' }, mode: 'attachManaged' };
    const plan = await buildPlan(aws, target, request);
    assert.deepEqual([plan.currentText, plan.steps.map((s) => s.action)], ['', ['AttachRolePolicy']]);
    assert.match(plan.proposedText, /ssm:UpdateInstanceInformation/);
    await applyPlan(aws, target, plan);
    assert.ok((await aws.listAttachedRolePolicies(target, 'InstanceRole')).some((p) => p.arn === 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'));
    const again = await buildPlan(aws, target, request);
    assert.deepEqual([again.noChange, again.currentText === again.proposedText], [true, true]);
  });

  it('attachManaged: an unknown AWS managed policy is NoSuchEntity before any write', async () => {
    const err = await buildPlan(aws, target, { policy: { type: 'awsManaged', name: 'NoSuchPolicyHere' }, role: { type: 'existing', roleName: 'InstanceRole' }, mode: 'attachManaged' }).catch((e: unknown) => e);
    assert.ok(isAwsError(err));
    assert.equal(err.reason, 'notFound');
    assert.deepEqual(factory.writes(), []);
  });

  it('customerManaged: creates and attaches, updates with new versions, respects the five-versions limit', async () => {
    const policyArn = `arn:aws:iam::${ACCOUNT}:policy/AppPolicy`;
    const request = (action: string): ApplyRequest => ({ policy: { type: 'text', text: identity(action), label: 'p' }, role: { type: 'existing', roleName: 'InstanceRole' }, mode: 'customerManaged', policyName: 'AppPolicy' });
    const first = await buildPlan(aws, target, request('ssm:GetParameter'));
    assert.deepEqual(first.steps.map((s) => s.action), ['CreatePolicy', 'AttachRolePolicy']);
    await applyPlan(aws, target, first);
    assert.ok((await aws.listAttachedRolePolicies(target, 'InstanceRole')).some((p) => p.arn === policyArn));
    const actions = ['ssm:GetParameters', 'ssm:GetParameterHistory', 'ssm:GetParametersByPath', 'ssm:DescribeParameters'];
    for (const action of actions) {
      const plan = await buildPlan(aws, target, request(action));
      assert.deepEqual(plan.steps.map((s) => s.action), ['CreatePolicyVersion']);
      assert.equal((await applyPlan(aws, target, plan)).failed, undefined);
    }
    let doc = await getManagedPolicyDocument(aws, target, policyArn);
    assert.equal(doc?.versions.length, 5);
    const sixth = await buildPlan(aws, target, request('ssm:PutParameter'));
    assert.deepEqual(sixth.steps.map((s) => [s.action, s.versionId]), [['DeletePolicyVersion', 'v1'], ['CreatePolicyVersion', undefined]]);
    const outcome = await applyPlan(aws, target, sixth);
    assert.equal(outcome.failed, undefined, outcome.failed?.message);
    doc = await getManagedPolicyDocument(aws, target, policyArn);
    assert.equal(doc?.versions.length, 5);
    assert.ok(!doc?.versions.some((v) => v.versionId === 'v1'));
    assert.ok(doc && sameDocument(doc.text, identity('ssm:PutParameter')));

    const again = await buildPlan(aws, target, request('ssm:PutParameter'));
    assert.equal(again.noChange, true);
    await applyPlan(aws, target, again);
    assert.equal((await getManagedPolicyDocument(aws, target, policyArn))?.versions.length, 5, 'version count unchanged');
  });

  it('rolls back the role it created when the put fails (LimitExceeded injected: moto does not enforce it)', async () => {
    const request: ApplyRequest = {
      policy: { type: 'text', text: identity('ssm:DescribeParameters'), label: 'p' },
      role: { type: 'new', roleName: 'FreshRole', path: '/apps/', trustPolicyText: SSM_TRUST },
      mode: 'inline',
      policyName: 'Describe',
    };
    const plan = await buildPlan(aws, target, request);
    assert.equal(plan.roleArn, `arn:aws:iam::${ACCOUNT}:role/apps/FreshRole`);
    assert.deepEqual(plan.steps.map((s) => s.action), ['CreateRole', 'PutRolePolicy']);
    factory.failOn = { command: 'PutRolePolicy', error: iamError('LimitExceededException', 'Maximum policy size of 10240 bytes exceeded for role FreshRole') };
    const outcome = await applyPlan(aws, target, plan);
    assert.deepEqual(outcome.done.map((s) => s.action), ['CreateRole']);
    assert.equal(outcome.failed?.step.action, 'PutRolePolicy');
    assert.match(outcome.failed?.message ?? '', /quota/);
    assert.deepEqual(outcome.rolledBack.map((s) => s.action), ['CreateRole']);
    assert.equal(outcome.rollbackFailed, undefined);
    assert.deepEqual(outcome.log?.map((l) => [l.action, l.ok, l.rollback ?? false]), [
      ['iam:CreateRole', true, false],
      ['iam:PutRolePolicy', false, false],
      ['iam:DeleteRole', true, true],
    ]);
    assert.equal(await getTrustPolicy('FreshRole'), undefined, 'the role is gone');
  });

  it('rolls back the policy and the role it created when the attach fails (AccessDenied injected)', async () => {
    const request: ApplyRequest = {
      policy: { type: 'text', text: identity('ssm:GetParameter'), label: 'p' },
      role: { type: 'new', roleName: 'FreshRole2', path: '/', trustPolicyText: SSM_TRUST },
      mode: 'customerManaged',
      policyName: 'FreshPolicy',
    };
    const plan = await buildPlan(aws, target, request);
    assert.deepEqual(plan.steps.map((s) => s.action), ['CreateRole', 'CreatePolicy', 'AttachRolePolicy']);
    factory.failOn = { command: 'AttachRolePolicy', error: iamError('AccessDenied', 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: iam:AttachRolePolicy on resource: role FreshRole2', 403) };
    const outcome = await applyPlan(aws, target, plan);
    assert.match(outcome.failed?.message ?? '', /access denied.*iam:AttachRolePolicy/i);
    assert.deepEqual(outcome.rolledBack.map((s) => s.action), ['CreatePolicy', 'CreateRole']);
    assert.equal(await getManagedPolicyDocument(aws, target, `arn:aws:iam::${ACCOUNT}:policy/FreshPolicy`), undefined);
    assert.equal(await getTrustPolicy('FreshRole2'), undefined);
  });

  it('the gate blocks a Principal in an identity policy before any write (moto would accept it)', async () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ssm:GetParameter', Resource: '*' }] });
    const plan = await buildPlan(aws, target, { policy: { type: 'text', text, kind: 'identity', label: 'p' }, role: { type: 'existing', roleName: 'InstanceRole' }, mode: 'inline', policyName: 'WithPrincipal' });
    assert.equal(plan.gate.blocked, true);
    assert.ok(plan.gate.errors.some((e) => e.ruleId === 'principal-in-identity'));
    await assert.rejects(applyPlan(aws, target, plan), ApplyBlockedError);
    assert.deepEqual(factory.writes(), []);
    assert.equal(await aws.getRolePolicy(target, 'InstanceRole', 'WithPrincipal'), undefined);
  });

  it('the gate blocks a new role with a malformed trust policy before any write (moto would create it)', async () => {
    const badTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] });
    const plan = await buildPlan(aws, target, {
      policy: { type: 'awsManaged', name: 'AmazonSSMManagedInstanceCore' },
      role: { type: 'new', roleName: 'BadTrustRole', path: '/', trustPolicyText: badTrust },
      mode: 'attachManaged',
    });
    assert.equal(plan.gate.blocked, true);
    assert.equal(plan.trustGate?.blocked, true);
    assert.ok(plan.gate.errors.some((e) => e.ruleId === 'missing-principal'));
    await assert.rejects(applyPlan(aws, target, plan), ApplyBlockedError);
    assert.deepEqual(factory.writes(), []);
    assert.equal(await getTrustPolicy('BadTrustRole'), undefined);
  });

  it('IAM errors: a missing role, a taken name, a malformed document (gate bypassed)', async () => {
    const text = { type: 'text', text: identity('ssm:GetParameter'), label: 'p' } as const;
    const missing = await buildPlan(aws, target, { policy: text, role: { type: 'existing', roleName: 'NoSuchRole' }, mode: 'inline', policyName: 'X' }).catch((e: unknown) => e);
    assert.ok(isAwsError(missing) && missing.reason === 'notFound', String(missing));
    assert.match(missing.message, /NoSuchRole/);
    const taken = await buildPlan(aws, target, { policy: text, role: { type: 'new', roleName: 'InstanceRole', path: '/', trustPolicyText: EC2_TRUST }, mode: 'inline', policyName: 'X' }).catch((e: unknown) => e);
    assert.ok(isAwsError(taken) && taken.reason === 'alreadyExists', String(taken));
    await assert.rejects(buildPlan(aws, target, { policy: text, role: { type: 'existing', roleName: 'InstanceRole' }, mode: 'trust' }), /cannot be applied as: trust/);

    const malformed = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Maybe', Action: 'ssm:GetParameter', Resource: '*' }] });
    const plan = await buildPlan(aws, target, { policy: { type: 'text', text: malformed, kind: 'identity', label: 'p' }, role: { type: 'existing', roleName: 'InstanceRole' }, mode: 'customerManaged', policyName: 'Malformed' });
    assert.equal(plan.gate.blocked, true);
    const outcome = await applyPlan(aws, target, { ...plan, gate: openGate() });
    assert.equal(outcome.failed?.step.action, 'CreatePolicy');
    assert.match(outcome.failed?.message ?? '', /malformed/i);
    assert.deepEqual([outcome.done, outcome.rolledBack], [[], []]);
  });
});
