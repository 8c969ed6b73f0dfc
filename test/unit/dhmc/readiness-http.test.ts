import * as assert from 'node:assert/strict';
import { DescribeImagesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { AttachRolePolicyCommand, AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { RegisterDefaultHostManagementConfigurationCommand, SSMClient } from '@aws-sdk/client-ssm';
import { createAwsAdapter, type AwsAdapter } from '../../../src/aws/adapter';
import { loadRegionReadiness } from '../../../src/core/dhmc/readiness-load';
import { useEmulators } from '../aws/emulators';

const REGION = 'eu-west-1';
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const EC2_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

describe('dhmc readiness over HTTP (moto EC2 and IAM, the SSM emulator)', function () {
  this.timeout(90_000);
  const emulators = useEmulators();
  let aws: AwsAdapter;
  const ids: Record<string, string> = {};

  before(async () => {
    const ec2 = new EC2Client({ region: REGION, endpoint: emulators().motoUrl, credentials });
    const iam = new IAMClient({ region: 'us-east-1', endpoint: emulators().motoUrl, credentials });
    const image = (await ec2.send(new DescribeImagesCommand({}))).Images?.[0]?.ImageId;
    await iam.send(new CreateRoleCommand({ RoleName: 'app-role', AssumeRolePolicyDocument: EC2_TRUST }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'app-role', PolicyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' }));
    const profile = (await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'app-profile' }))).InstanceProfile?.Arn;
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'app-profile', RoleName: 'app-role' }));
    const run = async (name: string, tokens: 'optional' | 'required', withProfile = false): Promise<void> => {
      const out = await ec2.send(
        new RunInstancesCommand({
          ImageId: image,
          MinCount: 1,
          MaxCount: 1,
          MetadataOptions: { HttpTokens: tokens },
          TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }] }],
          ...(withProfile ? { IamInstanceProfile: { Arn: profile } } : {}),
        }),
      );
      ids[name] = out.Instances?.[0]?.InstanceId ?? '';
    };
    await run('dhmc-ok', 'required');
    await run('imdsv1', 'optional');
    await run('profile', 'required', true);
    await run('old-agent', 'required');
    // DHMC on, with the role Systems Manager creates (the emulator creates it in moto).
    const ssm = new SSMClient({ region: REGION, endpoint: emulators().frontUrl, credentials });
    await ssm.send(new RegisterDefaultHostManagementConfigurationCommand({ PermissionModel: 'SERVICE_MANAGED' }));
    // Backdated, so the instances are past the 30 minutes the role takes to be picked up.
    await emulators().seed({ region: REGION, settingId: '/ssm/managed-instance/default-ec2-instance-management-role', value: 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole', lastModifiedDate: '2026-01-01T00:00:00Z' });
    // 60 nodes reporting: the four instances above and 56 others (more than one page of 50).
    await emulators().seedNodes(REGION, [
      { instanceId: ids['dhmc-ok'] as string, agentVersion: '3.3.40.0' },
      { instanceId: ids.profile as string, agentVersion: '3.3.40.0' },
      { instanceId: ids['old-agent'] as string, agentVersion: '3.1.1732.0', pingStatus: 'ConnectionLost' },
      ...Array.from({ length: 57 }, (_, i) => ({ instanceId: `mi-${String(i).padStart(17, '0')}` })),
    ]);
    ec2.destroy();
    iam.destroy();
    ssm.destroy();
    aws = createAwsAdapter();
  });

  after(() => aws?.dispose());
  afterEach(async () => emulators().clearFaults());

  it('pages through DescribeInstanceInformation', async () => {
    await emulators().resetStats();
    const nodes = await aws.describeInstanceInformation({ region: REGION });
    assert.equal(nodes.length, 60);
    assert.equal(nodes.find((n) => n.instanceId === ids['old-agent'])?.pingStatus, 'ConnectionLost');
    const stats = await emulators().stats();
    assert.ok((stats.byOperation.DescribeInstanceInformation ?? 0) >= 2, JSON.stringify(stats.byOperation));
  });

  it('decides every instance of the Region from what the account says', async () => {
    const r = await loadRegionReadiness(aws, { region: REGION });
    const by = new Map(r.instances.map((i) => [i.name, `${i.verdict} ${i.reasons.map((x) => x.code).join(',')}`]));
    assert.equal(by.get('dhmc-ok'), 'managed-dhmc ');
    assert.equal(by.get('imdsv1'), 'not-managed imdsOptional,notRegistered');
    assert.equal(by.get('profile'), 'managed-profile ');
    assert.equal(by.get('old-agent'), 'not-managed agentOld,agentNotReporting');
    assert.ok(r.dhmc.enabled && r.dhmc.role?.exists && r.dhmc.role.trust?.trustsSsm && r.dhmc.role.permissions?.ok, JSON.stringify(r.dhmc));
    assert.equal(r.summary.managed, 2);
  });

  it('survives throttling of the listing (the SDK retries) and fails only the Region whose EC2 refuses', async () => {
    await emulators().addFault({ service: 'ssm', region: REGION, kind: 'Throttling', operations: ['DescribeInstanceInformation'], count: 1 });
    assert.equal((await loadRegionReadiness(aws, { region: REGION })).instances.length, 4);
    await emulators().addFault({ service: 'ec2', region: 'eu-central-1', kind: 'AccessDenied', operations: ['DescribeInstances'] });
    const [refused, fine] = await Promise.allSettled([loadRegionReadiness(aws, { region: 'eu-central-1' }), loadRegionReadiness(aws, { region: REGION })]);
    assert.equal(refused.status, 'rejected');
    assert.match(String((refused as PromiseRejectedResult).reason), /DescribeInstances|not authorized|denied/i);
    assert.equal(fine.status, 'fulfilled');
  });
});
