/**
 * The fixes of the managed-node readiness over HTTP (the real adapter, moto behind the emulators' faults): Require
 * IMDSv2 and attach the default policy, each write settled by reading the state back after an ambiguous failure.
 */
import * as assert from 'node:assert/strict';
import { DescribeImagesCommand, DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateRoleCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { attachPolicyToRole, requireImdsV2 } from '../../../src/core/dhmc/readiness-fixes';
import { useEmulators, useFaultClients } from '../aws/emulators';

const REGION = 'eu-west-2';
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const POLICY_ARN = 'arn:aws:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy';

describe('core/dhmc/readiness-fixes: Require IMDSv2 and attach the policy (over HTTP, with faults)', function () {
  this.timeout(60_000);
  const emulators = useEmulators();
  const clients = useFaultClients(emulators, { reset: true });
  let ec2: EC2Client;
  before(() => {
    ec2 = new EC2Client({ region: REGION, endpoint: emulators().motoUrl, credentials });
  });
  after(() => ec2?.destroy());

  const launch = async (n: number): Promise<string[]> => {
    const image = (await ec2.send(new DescribeImagesCommand({}))).Images?.[0]?.ImageId;
    const out = await ec2.send(new RunInstancesCommand({ ImageId: image, MinCount: n, MaxCount: n, MetadataOptions: { HttpTokens: 'optional' } }));
    return (out.Instances ?? []).map((i) => i.InstanceId ?? '');
  };
  const tokens = async (ids: string[]): Promise<(string | undefined)[]> => {
    const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
    const byId = new Map((out.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => [i.InstanceId, i.MetadataOptions?.HttpTokens]));
    return ids.map((id) => byId.get(id));
  };

  it('requires IMDSv2 on each instance, a few at a time', async () => {
    const ids = await launch(6);
    const results = await requireImdsV2(clients().port, { region: REGION }, ids);
    assert.deepEqual(
      results.map((r) => [r.subject, r.outcome]),
      ids.map((id) => [id, 'applied']),
    );
    assert.deepEqual(await tokens(ids), ids.map(() => 'required'));
  });

  it('a lost answer is settled by reading the instance back (applied); AccessDenied is not applied, and the rest go on', async () => {
    const ids = await launch(2);
    await emulators().addFault({ service: 'ec2', region: REGION, kind: 'ResponseLost', operations: ['ModifyInstanceMetadataOptions'], count: 1 });
    const [lost] = await requireImdsV2(clients().port, { region: REGION }, [ids[0]!]);
    assert.equal(lost?.outcome, 'applied', JSON.stringify(lost));
    await emulators().addFault({ service: 'ec2', region: REGION, kind: 'AccessDenied', operations: ['ModifyInstanceMetadataOptions'], count: 1 });
    const [denied] = await requireImdsV2(clients().port, { region: REGION }, [ids[1]!]);
    assert.deepEqual([denied?.outcome, denied?.error?.kind], ['notApplied', 'accessDenied']);
    assert.deepEqual(await tokens(ids), ['required', 'optional']);
  });

  it('attaches the default policy to the role; a 5xx after the commit is settled by the read-back', async () => {
    await clients().moto.send(
      new CreateRoleCommand({
        RoleName: 'DhmcRole',
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
      }),
    );
    await emulators().addFault({ service: 'iam', kind: 'InternalErrorAfterCommit', operations: ['AttachRolePolicy'] });
    const result = await attachPolicyToRole(clients().port, { region: 'us-east-1' }, 'DhmcRole', POLICY_ARN);
    assert.equal(result.outcome, 'applied', JSON.stringify(result));
    const attached = (await clients().moto.send(new ListAttachedRolePoliciesCommand({ RoleName: 'DhmcRole' }))).AttachedPolicies ?? [];
    assert.deepEqual(attached.map((p) => p.PolicyArn), [POLICY_ARN]);
  });
});
