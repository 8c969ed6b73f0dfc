/**
 * The DHMC role through the real adapter over HTTP (moto behind the emulators' faults): Enable checks the role's
 * permissions as well as its trust, repairs the default role left without its policy, refuses another role, and
 * the fault matrix of CreateRole and AttachRolePolicy when the default role is created, asserting the role moto
 * holds afterwards and what setUpDhmcRole reports.
 */
import * as assert from 'node:assert/strict';
import { AttachRolePolicyCommand, CreateRoleCommand, GetRoleCommand, ListAttachedRolePoliciesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { decideDhmcRole, refusalMessage, roleCallLines } from '../../../src/core/dhmc/role-check';
import { dhmcTrustPolicy, inspectDhmcRole, setUpDhmcRole, type RoleSetupResult } from '../../../src/core/dhmc/role';
import { DEFAULT_DHMC_ROLE } from '../../../src/core/dhmc/role-value';
import { DHMC_ROLE_NAME } from '../../../src/core/ssm/dhmc';
import type { EmulatorFault } from '../../../scripts/emulators/start';
import { useEmulators, useFaultClients } from '../aws/emulators';

const T = { region: 'us-east-1' };
const POLICY_ARN = 'arn:aws:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy';
const SSM_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

describe('core/dhmc/role: Enable checks, repairs or refuses the role (over HTTP, moto)', function () {
  this.timeout(60_000);
  const emulators = useEmulators();
  const clients = useFaultClients(emulators, { reset: true });

  const roleExists = async (name = DHMC_ROLE_NAME): Promise<boolean> =>
    clients().moto.send(new GetRoleCommand({ RoleName: name })).then(
      () => true,
      () => false,
    );
  const attached = async (name = DHMC_ROLE_NAME): Promise<string[]> => ((await clients().moto.send(new ListAttachedRolePoliciesCommand({ RoleName: name }))).AttachedPolicies ?? []).map((p) => p.PolicyArn!);

  it('a missing default role is created (the confirmation lines show the trust policy and both calls)', async () => {
    const decision = await inspectDhmcRole(clients().port, T, DEFAULT_DHMC_ROLE.value);
    assert.equal(decision.action, 'create');
    const lines = roleCallLines(decision, dhmcTrustPolicy());
    assert.equal(lines[0], `iam:CreateRole ${DHMC_ROLE_NAME} (path /service-role/) with this trust policy:`);
    assert.deepEqual(JSON.parse(lines[1]!).Statement[0].Principal, { Service: 'ssm.amazonaws.com' });
    assert.equal(lines[2], `iam:AttachRolePolicy ${POLICY_ARN} to ${DHMC_ROLE_NAME}`);
    const result = await setUpDhmcRole(clients().port, T, decision);
    assert.deepEqual([result.ok, result.created, result.repaired], [true, true, false]);
    assert.deepEqual(await attached(), [POLICY_ARN]);
    assert.equal((await inspectDhmcRole(clients().port, T, DEFAULT_DHMC_ROLE.value)).action, 'use', 'then used as it is');
  });

  it('the default role left without its policy is repaired: AttachRolePolicy is listed and made', async () => {
    await clients().moto.send(new CreateRoleCommand({ RoleName: DHMC_ROLE_NAME, Path: '/service-role/', AssumeRolePolicyDocument: SSM_TRUST }));
    const decision = await inspectDhmcRole(clients().port, T, DEFAULT_DHMC_ROLE.value);
    assert.equal(decision.action, 'repair');
    assert.deepEqual(roleCallLines(decision, ''), [
      `The role ${DHMC_ROLE_NAME} lacks the permissions the SSM Agent needs (ssm:UpdateInstanceInformation, ssmmessages:CreateControlChannel, ssmmessages:OpenControlChannel); it is repaired first:`,
      `iam:AttachRolePolicy ${POLICY_ARN} to ${DHMC_ROLE_NAME}`,
    ]);
    const result = await setUpDhmcRole(clients().port, T, decision);
    assert.deepEqual([result.ok, result.created, result.repaired], [true, false, true]);
    assert.deepEqual(await attached(), [POLICY_ARN]);
  });

  it('another role without the permissions is refused, naming the missing actions; one with an inline policy is used', async () => {
    await clients().moto.send(new CreateRoleCommand({ RoleName: 'Custom', Path: '/ops/', AssumeRolePolicyDocument: SSM_TRUST }));
    const refused = await inspectDhmcRole(clients().port, T, 'ops/Custom');
    assert.equal(refused.action, 'refuse');
    if (refused.action !== 'refuse') return;
    assert.equal(refused.reason, 'permissions');
    assert.match(refusalMessage(refused), /^The role ops\/Custom does not allow what the SSM Agent needs \(ssm:UpdateInstanceInformation, ssmmessages:CreateControlChannel, ssmmessages:OpenControlChannel\)/);
    const inline = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ssm:UpdateInstanceInformation', 'ssmmessages:*'], Resource: '*' }] });
    await clients().moto.send(new PutRolePolicyCommand({ RoleName: 'Custom', PolicyName: 'Agent', PolicyDocument: inline }));
    assert.equal((await inspectDhmcRole(clients().port, T, 'ops/Custom')).action, 'use');
  });

  it('a customer managed policy counts through its default version', async () => {
    await clients().moto.send(new CreateRoleCommand({ RoleName: 'Custom', Path: '/', AssumeRolePolicyDocument: SSM_TRUST }));
    const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ssm:UpdateInstanceInformation', 'ssmmessages:*'], Resource: '*' }] });
    const policy = await clients().port.createPolicy(T, 'AgentPolicy', doc);
    await clients().moto.send(new AttachRolePolicyCommand({ RoleName: 'Custom', PolicyArn: policy.arn }));
    assert.equal((await inspectDhmcRole(clients().port, T, 'Custom')).action, 'use');
  });

  it('the default role with its policy attached but a Deny taking the actions back is refused, not "repaired"', () => {
    const role = { name: DHMC_ROLE_NAME, path: '/service-role/', arn: 'arn', trustPolicy: SSM_TRUST };
    const trust = { ok: true, trustsSsm: true, conditional: false, errors: [], warnings: [] };
    const permissions = { ok: false, missing: ['ssm:UpdateInstanceInformation'], conditional: [], unread: [] };
    const decision = decideDhmcRole({ wanted: DEFAULT_DHMC_ROLE, isDefault: true, role, trust, permissions, attached: [{ name: 'P', arn: POLICY_ARN }] }, POLICY_ARN);
    assert.deepEqual([decision.action, decision.action === 'refuse' && decision.reason], ['refuse', 'permissions']);
  });

  it('AttachRolePolicy fails on the new role, and so does the rollback: the role is left without permissions, and the next Enable repairs it', async () => {
    await emulators().fault([
      { kind: 'AccessDenied', service: 'iam', operations: ['AttachRolePolicy'], count: 1 },
      { kind: 'AccessDenied', service: 'iam', operations: ['DeleteRole'], count: 1 },
    ]);
    const result = await setUpDhmcRole(clients().port, T, await inspectDhmcRole(clients().port, T, DEFAULT_DHMC_ROLE.value));
    assert.deepEqual([result.ok, result.rollback], [false, 'failed']);
    assert.match(result.message ?? '', /The rollback failed too .*: the role is left without permissions\. No setting was changed; the next Enable DHMC repairs the role\.$/);
    assert.ok(await roleExists());
    assert.deepEqual(await attached(), []);
    const next = await inspectDhmcRole(clients().port, T, DEFAULT_DHMC_ROLE.value);
    assert.equal(next.action, 'repair');
    assert.equal((await setUpDhmcRole(clients().port, T, next)).ok, true);
    assert.deepEqual(await attached(), [POLICY_ARN]);
  });

  interface Case {
    op: 'CreateRole' | 'AttachRolePolicy';
    name: string;
    fault: Omit<EmulatorFault, 'service' | 'operations'>;
    ok: boolean;
    /** The role moto holds afterwards: with the policy, without any, or none. */
    final: 'ready' | 'none' | 'bare';
    rollback?: RoleSetupResult['rollback'];
    step: { outcome: 'applied' | 'notApplied' | 'unknown'; withError: boolean };
    message?: RegExp;
  }
  const cases: Case[] = [
    { op: 'CreateRole', name: 'ResponseLost (read back: the role exists)', fault: { kind: 'ResponseLost', count: 1 }, ok: true, final: 'ready', step: { outcome: 'applied', withError: true } },
    { op: 'CreateRole', name: 'TimeoutAfterCommit 4 s (read back: the role exists)', fault: { kind: 'TimeoutAfterCommit', ms: 4_000, count: 1 }, ok: true, final: 'ready', step: { outcome: 'applied', withError: true } },
    { op: 'CreateRole', name: 'AccessDenied', fault: { kind: 'AccessDenied' }, ok: false, final: 'none', step: { outcome: 'notApplied', withError: true }, message: /^Could not create the role .*; no setting was changed: Access denied/i },
    { op: 'CreateRole', name: 'Throttling once (sent again)', fault: { kind: 'Throttling', count: 1 }, ok: true, final: 'ready', step: { outcome: 'applied', withError: false } },
    { op: 'CreateRole', name: 'Throttling every time', fault: { kind: 'Throttling' }, ok: false, final: 'none', step: { outcome: 'notApplied', withError: true }, message: /^Could not create the role .*: AWS throttled/ },
    { op: 'CreateRole', name: 'InternalError before commit (not sent again; read back: no role)', fault: { kind: 'InternalError', count: 1 }, ok: false, final: 'none', step: { outcome: 'notApplied', withError: true }, message: /^Could not create the role .*internal error/ },
    { op: 'AttachRolePolicy', name: 'ResponseLost (sent again: idempotent)', fault: { kind: 'ResponseLost', count: 1 }, ok: true, final: 'ready', step: { outcome: 'applied', withError: false } },
    { op: 'AttachRolePolicy', name: 'ResponseLost every time (read back: attached)', fault: { kind: 'ResponseLost' }, ok: true, final: 'ready', step: { outcome: 'applied', withError: true } },
    { op: 'AttachRolePolicy', name: 'TimeoutAfterCommit 4 s (sent again: idempotent)', fault: { kind: 'TimeoutAfterCommit', ms: 4_000, count: 1 }, ok: true, final: 'ready', step: { outcome: 'applied', withError: false } },
    {
      op: 'AttachRolePolicy',
      name: 'AccessDenied (rolled back: the new role is deleted)',
      fault: { kind: 'AccessDenied' },
      ok: false,
      final: 'none',
      rollback: 'deleted',
      step: { outcome: 'notApplied', withError: true },
      message: /^Could not attach .* to the new role .*: Access denied.* Rolled back: the role was deleted, as it did not exist before\. No setting was changed\.$/is,
    },
    { op: 'AttachRolePolicy', name: 'Throttling once (sent again)', fault: { kind: 'Throttling', count: 1 }, ok: true, final: 'ready', step: { outcome: 'applied', withError: false } },
    {
      op: 'AttachRolePolicy',
      name: 'Throttling every time (rolled back)',
      fault: { kind: 'Throttling' },
      ok: false,
      final: 'none',
      rollback: 'deleted',
      step: { outcome: 'notApplied', withError: true },
      message: /Rolled back: the role was deleted/,
    },
    { op: 'AttachRolePolicy', name: 'InternalError before commit once (sent again: idempotent)', fault: { kind: 'InternalError', count: 1 }, ok: true, final: 'ready', step: { outcome: 'applied', withError: false } },
    {
      op: 'AttachRolePolicy',
      name: 'InternalError before commit every time (read back: not attached; rolled back)',
      fault: { kind: 'InternalError' },
      ok: false,
      final: 'none',
      rollback: 'deleted',
      step: { outcome: 'notApplied', withError: true },
      message: /internal error.* Rolled back: the role was deleted/,
    },
  ];

  for (const c of cases) {
    it(`creating the default role, ${c.op} × ${c.name}`, async () => {
      const decision = await inspectDhmcRole(clients().port, T, DEFAULT_DHMC_ROLE.value);
      assert.equal(decision.action, 'create');
      await emulators().fault({ ...c.fault, service: 'iam', operations: [c.op] });
      const result = await setUpDhmcRole(clients().port, T, decision);
      await emulators().clearFaults();
      assert.equal(result.ok, c.ok, JSON.stringify(result));
      assert.equal(result.rollback, c.rollback);
      const step = result.steps.find((s) => s.call === `iam:${c.op}`);
      assert.deepEqual([step?.outcome, step?.error !== undefined], [c.step.outcome, c.step.withError], JSON.stringify(result.steps));
      if (c.message) assert.match(result.message ?? '', c.message);
      else assert.equal(result.message, undefined);
      const exists = await roleExists();
      assert.equal(exists, c.final !== 'none', 'the role exists');
      if (exists) assert.deepEqual(await attached(), c.final === 'ready' ? [POLICY_ARN] : []);
      const created = (await emulators().stats()).services.iam?.CreateRole?.committed ?? 0;
      assert.equal(created, c.op === 'CreateRole' && !c.ok ? 0 : 1, 'CreateRole ran once, or not at all when it failed');
    });
  }

  it('creating the default role, AttachRolePolicy later than the timeout and never answered: outcome unknown, no rollback, the next Enable repairs or uses it', async () => {
    const decision = await inspectDhmcRole(clients().port, T, DEFAULT_DHMC_ROLE.value);
    await emulators().fault({ kind: 'DelayedCommit', ms: 6_000, service: 'iam', operations: ['AttachRolePolicy'] });
    const result = await setUpDhmcRole(clients().port, T, decision);
    await emulators().clearFaults();
    assert.equal(result.ok, false);
    assert.equal(result.rollback, undefined, 'no rollback while the attach may still land');
    assert.match(result.message ?? '', /^Outcome unknown: iam:AttachRolePolicy .* No setting was changed; run Enable again, which checks the role and repairs it\./);
    assert.ok(await roleExists());
  });
});
