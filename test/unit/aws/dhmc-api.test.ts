import * as assert from 'node:assert/strict';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { createAwsAdapter, type AwsAdapter } from '../../../src/aws/adapter';
import { DHMC_SETTING_ID } from '../../../src/core/ssm/dhmc';
import { useEmulators } from './emulators';

describe('aws/adapter: the DHMC API (over HTTP, the SSM emulator and moto)', function () {
  this.timeout(60_000);
  const emulators = useEmulators();
  let aws: AwsAdapter;
  let iam: IAMClient;
  before(() => {
    aws = createAwsAdapter();
    iam = new IAMClient({ region: 'us-east-1', endpoint: emulators().motoUrl, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  });
  after(() => {
    aws?.dispose();
    iam?.destroy();
  });

  it('registers SERVICE_MANAGED (Systems Manager creates the role), then deregisters (and it deletes the role)', async () => {
    const t = { region: 'ap-southeast-2' };
    const arn = await aws.registerDefaultHostManagement(t, { permissionModel: 'SERVICE_MANAGED' });
    assert.match(arn, /:role\/service-role\/AWSSystemsManagerDefaultEC2InstanceManagementRole$/);
    assert.equal((await aws.getServiceSetting(t, DHMC_SETTING_ID)).value, 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole');
    assert.ok((await iam.send(new GetRoleCommand({ RoleName: 'AWSSystemsManagerDefaultEC2InstanceManagementRole' }))).Role);
    await aws.deregisterDefaultHostManagement(t);
    assert.equal((await aws.getServiceSetting(t, DHMC_SETTING_ID)).value, '$None');
    await assert.rejects(iam.send(new GetRoleCommand({ RoleName: 'AWSSystemsManagerDefaultEC2InstanceManagementRole' })), /NoSuchEntity|cannot be found/);
  });

  it('refuses another registration without overwrite, as an AwsError with its code and the conflict', async () => {
    const t = { region: 'ap-southeast-2' };
    await aws.registerDefaultHostManagement(t, { permissionModel: 'SERVICE_MANAGED' });
    await assert.rejects(
      aws.registerDefaultHostManagement(t, { permissionModel: 'SELF_MANAGED', roleArn: 'arn:aws:iam::123456789012:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole' }),
      (err: Error & { code?: string; region?: string }) => err.name === 'AwsError' && err.code === 'AlreadyExistsException' && err.region === 'ap-southeast-2' && /Overwrite/.test(err.message),
    );
    await aws.deregisterDefaultHostManagement(t);
  });
});
