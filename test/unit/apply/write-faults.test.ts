/**
 * The fault-injection matrix of Apply Policy to Role: every write an apply makes × {response lost after the write,
 * timeout after the write, AccessDenied, throttling, 5xx before the write}, over HTTP through the real adapter to the
 * emulators' front server. Each case asserts the final IAM state, read at moto past the faults, and the message the
 * user is shown: a write that happened despite the error is reported applied and the run goes on; one that did not is
 * reported not applied and the state recorded before the run is restored.
 */
import * as assert from 'node:assert/strict';
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  GetInstanceProfileCommand,
  GetPolicyCommand,
  GetRoleCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  GetRolePolicyCommand,
  PutRolePolicyCommand,
  SetDefaultPolicyVersionCommand,
} from '@aws-sdk/client-iam';
import type { EmulatorFault } from '../../../scripts/emulators/start';
import { applyPlan, buildPlan, describeApplyOutcome, type ApplyOutcome, type ApplyRequest } from '../../../src/core/apply';
import { isIdempotentWrite, type WriteAction } from '../../../src/core/aws/writes';
import { useEmulators, useFaultClients } from '../aws/emulators';

const ACCOUNT = '123456789012';
const T = { region: 'us-east-1' };
const doc = (...actions: string[]): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] });
const EC2_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const SSM_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const POLICY_ARN = `arn:aws:iam::${ACCOUNT}:policy/AgentAccess`;

type FaultName = 'ResponseLost' | 'TimeoutAfterCommit' | 'AccessDenied' | 'Throttling' | 'InternalError';
const FAULTS: Record<FaultName, Omit<EmulatorFault, 'operations'>> = {
  ResponseLost: { service: 'iam', kind: 'ResponseLost', count: 1 },
  TimeoutAfterCommit: { service: 'iam', kind: 'TimeoutAfterCommit', ms: 4_000, count: 1 },
  AccessDenied: { service: 'iam', kind: 'AccessDenied' },
  Throttling: { service: 'iam', kind: 'Throttling', count: 1 },
  InternalError: { service: 'iam', kind: 'InternalError', count: 1 },
};
/** The faults after which the write has happened (or is retried until it does): the apply completes. */
const COMPLETES: ReadonlySet<FaultName> = new Set(['ResponseLost', 'TimeoutAfterCommit', 'Throttling']);

/** One write of the matrix: the state before, the request that makes the write, and the operation to fault. */
interface Scenario {
  write: string;
  setup(iam: IAMClient): Promise<void>;
  request: ApplyRequest;
}

const SCENARIOS: Scenario[] = [
  {
    write: 'CreateRole',
    setup: async () => undefined,
    request: { policy: { type: 'text', text: doc('ssm:GetParameter'), label: 'p.json' }, role: { type: 'new', roleName: 'NewRole', path: '/', trustPolicyText: EC2_TRUST }, mode: 'inline', policyName: 'Params' },
  },
  ...['CreateInstanceProfile', 'AddRoleToInstanceProfile'].map((write) => ({
    write,
    setup: async () => undefined,
    request: { policy: { type: 'text', text: doc('ssm:GetParameter'), label: 'p.json' }, role: { type: 'new', roleName: 'NewRole', path: '/', trustPolicyText: EC2_TRUST }, mode: 'inline', policyName: 'Params' } as ApplyRequest,
  })),
  {
    write: 'PutRolePolicy',
    setup: async (iam) => {
      await iam.send(new CreateRoleCommand({ RoleName: 'AppRole', AssumeRolePolicyDocument: EC2_TRUST }));
      await iam.send(new PutRolePolicyCommand({ RoleName: 'AppRole', PolicyName: 'Params', PolicyDocument: doc('ssm:GetParameter') }));
    },
    request: { policy: { type: 'text', text: doc('ssm:GetParameter', 'ssm:GetParameters'), label: 'p.json' }, role: { type: 'existing', roleName: 'AppRole' }, mode: 'inline', policyName: 'Params' },
  },
  {
    write: 'UpdateAssumeRolePolicy',
    setup: async (iam) => void (await iam.send(new CreateRoleCommand({ RoleName: 'AppRole', AssumeRolePolicyDocument: EC2_TRUST }))),
    request: { policy: { type: 'text', text: SSM_TRUST, kind: 'trust', label: 'trust.json' }, role: { type: 'existing', roleName: 'AppRole' }, mode: 'trust' },
  },
  {
    write: 'AttachRolePolicy',
    setup: async (iam) => void (await iam.send(new CreateRoleCommand({ RoleName: 'AppRole', AssumeRolePolicyDocument: EC2_TRUST }))),
    request: { policy: { type: 'awsManaged', name: 'AmazonSSMManagedInstanceCore' }, role: { type: 'existing', roleName: 'AppRole' }, mode: 'attachManaged' },
  },
  {
    write: 'CreatePolicy',
    setup: async (iam) => void (await iam.send(new CreateRoleCommand({ RoleName: 'AppRole', AssumeRolePolicyDocument: EC2_TRUST }))),
    request: { policy: { type: 'text', text: doc('ssm:UpdateInstanceInformation'), label: 'p.json' }, role: { type: 'existing', roleName: 'AppRole' }, mode: 'customerManaged', policyName: 'AgentAccess' },
  },
  {
    write: 'CreatePolicyVersion',
    setup: async (iam) => {
      await iam.send(new CreateRoleCommand({ RoleName: 'AppRole', AssumeRolePolicyDocument: EC2_TRUST }));
      await iam.send(new CreatePolicyCommand({ PolicyName: 'AgentAccess', PolicyDocument: doc('ssm:UpdateInstanceInformation') }));
    },
    request: { policy: { type: 'text', text: doc('ssm:UpdateInstanceInformation', 'ssmmessages:CreateControlChannel'), label: 'p.json' }, role: { type: 'existing', roleName: 'AppRole' }, mode: 'customerManaged', policyName: 'AgentAccess' },
  },
  {
    write: 'DeletePolicyVersion',
    setup: async (iam) => {
      await iam.send(new CreateRoleCommand({ RoleName: 'AppRole', AssumeRolePolicyDocument: EC2_TRUST }));
      await iam.send(new CreatePolicyCommand({ PolicyName: 'AgentAccess', PolicyDocument: doc('ssm:GetParameter') }));
      for (const a of ['ssm:GetParameters', 'ssm:GetParametersByPath', 'ssm:DescribeParameters', 'ssm:GetParameterHistory']) {
        await iam.send(new CreatePolicyVersionCommand({ PolicyArn: POLICY_ARN, PolicyDocument: doc(a), SetAsDefault: false }));
      }
      await iam.send(new AttachRolePolicyCommand({ RoleName: 'AppRole', PolicyArn: POLICY_ARN }));
    },
    request: { policy: { type: 'text', text: doc('ssm:UpdateInstanceInformation'), label: 'p.json' }, role: { type: 'existing', roleName: 'AppRole' }, mode: 'customerManaged', policyName: 'AgentAccess' },
  },
];

/** Everything an apply may change, read at moto (past the faults): roles, trust policies, inline and attached policies, policy versions. */
async function snapshot(iam: IAMClient): Promise<unknown> {
  const roles: Record<string, unknown> = {};
  for (const name of ['NewRole', 'AppRole', 'FleetRole']) {
    const role = await iam.send(new GetRoleCommand({ RoleName: name })).catch(() => undefined);
    if (!role) continue;
    const inline = (await iam.send(new ListRolePoliciesCommand({ RoleName: name }))).PolicyNames ?? [];
    const documents = await Promise.all(inline.map(async (p) => JSON.parse(decodeURIComponent((await iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: p }))).PolicyDocument ?? ''))));
    const attached = ((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name }))).AttachedPolicies ?? []).map((p) => p.PolicyArn).sort();
    roles[name] = { trust: JSON.parse(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '{}')), inline: Object.fromEntries(inline.map((p, i) => [p, documents[i]])), attached };
  }
  const profiles: Record<string, unknown> = {};
  for (const name of ['NewRole', 'FleetRole']) {
    const profile = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: name })).catch(() => undefined);
    if (profile) profiles[name] = (profile.InstanceProfile?.Roles ?? []).map((r) => r.RoleName);
  }
  const policy = await iam.send(new GetPolicyCommand({ PolicyArn: POLICY_ARN })).catch(() => undefined);
  // The default comes from GetPolicy: moto's IsDefaultVersion flags go wrong when the default is set to itself again
  // (an idempotent SetDefaultPolicyVersion sent twice), which IAM answers as a no-op.
  const versions = policy ? ((await iam.send(new ListPolicyVersionsCommand({ PolicyArn: POLICY_ARN }))).Versions ?? []).map((v) => v.VersionId).sort() : undefined;
  return { roles, profiles, policy: policy ? { default: policy.Policy?.DefaultVersionId, versions } : undefined };
}

describe('core/apply: the fault-injection matrix (every write × lost response, timeout, AccessDenied, throttling, 5xx)', function () {
  this.timeout(120_000);
  const emulators = useEmulators();
  const clients = useFaultClients(emulators);

  /** Resets, sets the scenario up, plans, optionally injects a fault on its write, applies; returns the states and the outcome. */
  async function run(s: Scenario, fault?: FaultName): Promise<{ before: unknown; after: unknown; outcome: ApplyOutcome; message: string; steps: string[] }> {
    await emulators().reset();
    await s.setup(clients().moto);
    const before = await snapshot(clients().moto);
    const plan = await buildPlan(clients().port, T, s.request);
    assert.ok(!plan.gate.blocked, JSON.stringify(plan.gate.errors));
    const steps = plan.steps.map((st) => st.action);
    assert.ok(steps.includes(s.write as never), `the plan makes ${s.write}: ${steps.join(', ')}`);
    if (fault) await emulators().fault({ ...FAULTS[fault], operations: [s.write] });
    const outcome = await applyPlan(clients().port, T, plan);
    await emulators().clearFaults();
    return { before, after: await snapshot(clients().moto), outcome, message: describeApplyOutcome(plan.roleArn, outcome), steps };
  }

  for (const s of SCENARIOS) {
    describe(s.write, () => {
      let applied: unknown;
      before(async function () {
        this.timeout(60_000);
        const clean = await run(s);
        assert.equal(clean.outcome.failed, undefined, clean.message);
        applied = clean.after;
        assert.notDeepEqual(applied, clean.before, 'the apply changes something');
      });

      // An idempotent write is simply sent again after a lost answer or a 5xx; the others are read back.
      const idempotent = isIdempotentWrite(`iam:${s.write}` as WriteAction);
      for (const fault of Object.keys(FAULTS) as FaultName[]) {
        const completes = COMPLETES.has(fault) || (idempotent && fault !== 'AccessDenied');
        const retried = fault === 'Throttling' || (idempotent && fault !== 'AccessDenied');
        it(`${fault}: ${completes ? 'the write happened; the apply completes and says so' : 'not applied; the state before the run is restored'}`, async () => {
          const r = await run(s, fault);
          if (completes) {
            assert.deepEqual(r.after, applied, r.message);
            assert.equal(r.outcome.failed, undefined, r.message);
            assert.match(r.message, /^Applied to arn:aws:iam::123456789012:role\//);
            if (!retried) {
              assert.deepEqual(
                r.outcome.settled?.map((x) => x.step.action),
                [s.write],
              );
              assert.match(r.message, new RegExp(`${s.write} failed \\(.*\\), but reading the state back shows it was applied`));
            } else {
              assert.equal(r.outcome.settled, undefined, 'the write was simply sent again');
              assert.ok((await emulators().stats()).services.iam?.[s.write]?.received === 2, 'sent twice');
            }
          } else {
            assert.deepEqual(r.after, r.before, r.message);
            assert.equal(r.outcome.failed?.outcome, 'notApplied', r.message);
            assert.equal(r.outcome.failed?.step.action, s.write);
            assert.match(r.message, new RegExp(`^Not applied: ${s.write} failed:`));
            if (fault === 'AccessDenied') assert.match(r.message, new RegExp(`access denied\\. Missing permission: iam:${s.write}`));
            else assert.match(r.message, /reading the state back shows it did not happen/);
            const before = r.steps.slice(0, r.steps.indexOf(s.write));
            assert.deepEqual(r.outcome.done.map((d) => d.action), before);
            assert.equal(r.outcome.rollbackFailed, undefined, r.message);
          }
        });
      }
    });
  }

  /** Rollback writes: a run that fails late (AccessDenied on its last step) and one fault on one of its undo calls. */
  const UNDO_SCENARIOS: { undo: string; failing: string; setup(iam: IAMClient): Promise<void>; request: ApplyRequest }[] = [
    {
      undo: 'DeleteRole',
      failing: 'PutRolePolicy',
      setup: async () => undefined,
      request: { policy: { type: 'text', text: doc('ssm:GetParameter'), label: 'p.json' }, role: { type: 'new', roleName: 'NewRole', path: '/', trustPolicyText: EC2_TRUST }, mode: 'inline', policyName: 'Params' },
    },
    {
      undo: 'DeletePolicy',
      failing: 'AttachRolePolicy',
      setup: async (iam) => void (await iam.send(new CreateRoleCommand({ RoleName: 'AppRole', AssumeRolePolicyDocument: EC2_TRUST }))),
      request: { policy: { type: 'text', text: doc('ssm:UpdateInstanceInformation'), label: 'p.json' }, role: { type: 'existing', roleName: 'AppRole' }, mode: 'customerManaged', policyName: 'AgentAccess' },
    },
    ...['RemoveRoleFromInstanceProfile', 'DeleteInstanceProfile'].map((undo) => ({
      undo,
      failing: 'AttachRolePolicy',
      setup: async () => undefined,
      request: {
        policy: { type: 'text', text: doc('ssm:UpdateInstanceInformation'), label: 'p.json' },
        role: { type: 'new', roleName: 'FleetRole', path: '/', trustPolicyText: EC2_TRUST },
        mode: 'customerManaged',
        policyName: 'AgentAccess',
      } as ApplyRequest,
    })),
    ...['SetDefaultPolicyVersion', 'DeletePolicyVersion'].map((undo) => ({
      undo,
      failing: 'AttachRolePolicy',
      setup: async (iam: IAMClient) => {
        await iam.send(new CreateRoleCommand({ RoleName: 'AppRole', AssumeRolePolicyDocument: EC2_TRUST }));
        await iam.send(new CreatePolicyCommand({ PolicyName: 'AgentAccess', PolicyDocument: doc('ssm:UpdateInstanceInformation') }));
      },
      request: {
        policy: { type: 'text', text: doc('ssm:UpdateInstanceInformation', 'ssmmessages:OpenControlChannel'), label: 'p.json' },
        role: { type: 'existing', roleName: 'AppRole' },
        mode: 'customerManaged',
        policyName: 'AgentAccess',
      } as ApplyRequest,
    })),
  ];
  for (const u of UNDO_SCENARIOS) {
    describe(`rollback ${u.undo}`, () => {
      const idempotent = isIdempotentWrite(`iam:${u.undo}` as WriteAction);
      for (const fault of Object.keys(FAULTS) as FaultName[]) {
        // The undo happens when AWS ran it (lost answer, late answer), when it is sent again, or when it is idempotent.
        const restores = COMPLETES.has(fault) || (idempotent && fault !== 'AccessDenied');
        it(`${fault}: ${restores ? 'the state before the run is restored' : 'what is left behind is named'}`, async () => {
          await emulators().reset();
          await u.setup(clients().moto);
          const before = await snapshot(clients().moto);
          const plan = await buildPlan(clients().port, T, u.request);
          await emulators().fault([
            { service: 'iam', operations: [u.failing], kind: 'AccessDenied' },
            { ...FAULTS[fault], operations: [u.undo] },
          ]);
          const outcome = await applyPlan(clients().port, T, plan);
          await emulators().clearFaults();
          const message = describeApplyOutcome(plan.roleArn, outcome);
          assert.equal(outcome.failed?.step.action, u.failing, message);
          if (restores) {
            assert.deepEqual(await snapshot(clients().moto), before, message);
            assert.equal(outcome.rollbackFailed, undefined, message);
          } else {
            assert.notDeepEqual(await snapshot(clients().moto), before, message);
            // The undo that failed is named first; undos that depend on it (deleting a role still in its instance profile) are named too.
            assert.ok((outcome.rollbackFailed?.length ?? 0) >= 1, message);
            assert.equal(outcome.rollbackFailed?.[0]?.message.startsWith('Could not '), true, message);
            assert.ok(
              outcome.log?.some((e) => e.rollback && !e.ok && e.action === `iam:${u.undo}`),
              message,
            );
            assert.match(message, /Left behind, clean up by hand: Could not /);
          }
        });
      }
    });
  }

  it('the rollback of a new default version restores the default recorded before the run, not the newest other version', async () => {
    await emulators().reset();
    await clients().moto.send(new CreateRoleCommand({ RoleName: 'AppRole', AssumeRolePolicyDocument: EC2_TRUST }));
    await clients().moto.send(new CreatePolicyCommand({ PolicyName: 'AgentAccess', PolicyDocument: doc('ssm:UpdateInstanceInformation') }));
    // A newer, non-default version that grants far more: it must never become the default by accident.
    await clients().moto.send(new CreatePolicyVersionCommand({ PolicyArn: POLICY_ARN, PolicyDocument: doc('ssm:*'), SetAsDefault: false }));
    await clients().moto.send(new SetDefaultPolicyVersionCommand({ PolicyArn: POLICY_ARN, VersionId: 'v1' }));
    const request: ApplyRequest = { policy: { type: 'text', text: doc('ssm:UpdateInstanceInformation', 'ssmmessages:OpenControlChannel'), label: 'p.json' }, role: { type: 'existing', roleName: 'AppRole' }, mode: 'customerManaged', policyName: 'AgentAccess' };
    const plan = await buildPlan(clients().port, T, request);
    assert.deepEqual(plan.steps.map((s) => s.action), ['CreatePolicyVersion', 'AttachRolePolicy']);
    await emulators().fault({ service: 'iam', operations: ['AttachRolePolicy'], kind: 'AccessDenied' });
    const outcome = await applyPlan(clients().port, T, plan);
    await emulators().clearFaults();
    const message = describeApplyOutcome(plan.roleArn, outcome);
    assert.equal((await clients().moto.send(new GetPolicyCommand({ PolicyArn: POLICY_ARN }))).Policy?.DefaultVersionId, 'v1', message);
    const versions = (await clients().moto.send(new ListPolicyVersionsCommand({ PolicyArn: POLICY_ARN }))).Versions?.map((v) => v.VersionId).sort();
    assert.deepEqual(versions, ['v1', 'v2'], 'the version the run created is gone');
    assert.deepEqual(outcome.rolledBack.map((s) => s.action), ['CreatePolicyVersion']);
    assert.match(message, /Rolled back: CreatePolicyVersion\./);
  });

  it('a put on an existing inline policy that fails after another step is undone by putting the previous document back', async () => {
    await emulators().reset();
    await clients().moto.send(new CreateRoleCommand({ RoleName: 'AppRole', AssumeRolePolicyDocument: EC2_TRUST }));
    await clients().moto.send(new PutRolePolicyCommand({ RoleName: 'AppRole', PolicyName: 'Params', PolicyDocument: doc('ssm:GetParameter') }));
    const before = await snapshot(clients().moto);
    const request: ApplyRequest = { policy: { type: 'text', text: doc('ssm:GetParameters'), label: 'p.json' }, role: { type: 'existing', roleName: 'AppRole' }, mode: 'inline', policyName: 'Params' };
    const plan = await buildPlan(clients().port, T, request);
    // The put lands but its answer is lost, and reading it back fails too: the outcome is unknown, and the rollback puts the old document back.
    await emulators().fault([
      { service: 'iam', operations: ['PutRolePolicy'], kind: 'ResponseLost', count: 1 },
      { service: 'iam', operations: ['GetRolePolicy'], kind: 'AccessDenied', count: 1 },
    ]);
    const outcome = await applyPlan(clients().port, T, plan);
    await emulators().clearFaults();
    const message = describeApplyOutcome(plan.roleArn, outcome);
    assert.equal(outcome.failed?.outcome, 'unknown', message);
    assert.match(message, /^Outcome unknown at PutRolePolicy: .*check with aws iam get-role-policy --role-name AppRole --policy-name Params/);
    assert.deepEqual(await snapshot(clients().moto), before, message);
  });
});
