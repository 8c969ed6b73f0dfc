import * as assert from 'node:assert/strict';
import { DescribeImagesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateInstanceProfileCommand, IAMClient } from '@aws-sdk/client-iam';
import { createAwsAdapter, type AwsAdapter } from '../../../src/aws/adapter';
import { useEmulators } from './emulators';

describe('aws/adapter: describeInstances (over HTTP, against moto)', function () {
  this.timeout(60_000);
  const emulators = useEmulators();
  let aws: AwsAdapter;
  const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

  before(async () => {
    const ec2 = new EC2Client({ region: 'eu-west-1', endpoint: emulators().motoUrl, credentials });
    const iam = new IAMClient({ region: 'us-east-1', endpoint: emulators().motoUrl, credentials });
    const image = (await ec2.send(new DescribeImagesCommand({}))).Images?.[0]?.ImageId;
    assert.ok(image, 'moto offers an image');
    const profile = (await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'app-profile' }))).InstanceProfile?.Arn;
    await ec2.send(
      new RunInstancesCommand({
        ImageId: image,
        MinCount: 2,
        MaxCount: 2,
        MetadataOptions: { HttpTokens: 'optional' },
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }],
      }),
    );
    await ec2.send(new RunInstancesCommand({ ImageId: image, MinCount: 1, MaxCount: 1, MetadataOptions: { HttpTokens: 'required' }, IamInstanceProfile: { Arn: profile } }));
    ec2.destroy();
    iam.destroy();
    aws = createAwsAdapter();
  });

  after(() => aws?.dispose());

  it('reads every instance of the Region with its state, metadata options, Name tag and instance profile', async () => {
    const instances = await aws.describeInstances({ region: 'eu-west-1' });
    assert.equal(instances.length, 3);
    const web = instances.filter((i) => i.name === 'web');
    assert.equal(web.length, 2);
    assert.ok(web.every((i) => i.httpTokens === 'optional' && i.state === 'running' && i.instanceProfileArn === undefined));
    const other = instances.find((i) => i.name === undefined);
    assert.equal(other?.httpTokens, 'required');
    assert.match(other?.instanceProfileArn ?? '', /:instance-profile\/app-profile$/);
    assert.deepEqual(await aws.describeInstances({ region: 'us-west-2' }), [], 'another Region has none');
  });

  it('requires IMDSv2 on one instance (ModifyInstanceMetadataOptions), which DescribeInstances then shows', async () => {
    const web = (await aws.describeInstances({ region: 'eu-west-1' })).find((i) => i.name === 'web' && i.httpTokens === 'optional');
    assert.ok(web);
    await aws.requireImdsV2({ region: 'eu-west-1' }, web.instanceId);
    const after = await aws.describeInstances({ region: 'eu-west-1' });
    assert.equal(after.find((i) => i.instanceId === web.instanceId)?.httpTokens, 'required');
    assert.equal(after.filter((i) => i.httpTokens === 'optional').length, 1, 'the other one is left as it was');
  });

  it('reports a refusal as an AwsError naming ec2:DescribeInstances and the Region', async () => {
    await emulators().addFault({ service: 'ec2', region: 'eu-west-1', kind: 'AccessDenied', operations: ['DescribeInstances'] });
    try {
      await assert.rejects(aws.describeInstances({ region: 'eu-west-1' }), (err: Error & { action?: string; region?: string }) => err.action === 'ec2:DescribeInstances' && err.region === 'eu-west-1');
    } finally {
      await emulators().clearFaults();
    }
  });
});
