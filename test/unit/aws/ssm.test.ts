import * as assert from 'node:assert/strict';
import { createAwsAdapter, type AwsAdapter } from '../../../src/aws/adapter';
import { builtinRegions } from '../../../src/core/aws/region-list';
import { DHMC_SETTING_VALUE } from '../../../src/core/ssm/dhmc';
import { DHMC_SETTING_ID, SERVICE_SETTINGS } from '../../../src/core/ssm/service-settings';
import { awsRejection, closedPort, useEmulators, withEnv } from './emulators';


describe('aws/adapter: service settings (over HTTP, the SSM settings endpoint)', function () {
  this.timeout(30_000);
  const emulators = useEmulators();
  let aws: AwsAdapter;
  beforeEach(async () => {
    aws = createAwsAdapter({ maxAttempts: 2 });
    await emulators().reset({ moto: false });
  });
  afterEach(() => aws.dispose());

  describe('DHMC round trip', () => {
    it('a never-set DHMC setting is $None / Default, changed by System', async () => {
      const s = await aws.getServiceSetting({ region: 'eu-west-1' }, DHMC_SETTING_ID);
      assert.deepEqual([s.id, s.value, s.status, s.lastModifiedUser], [DHMC_SETTING_ID, '$None', 'Default', 'System']);
      assert.equal(s.arn, `arn:aws:ssm:eu-west-1:123456789012:servicesetting${DHMC_SETTING_ID}`);
      assert.ok(s.lastModifiedDate instanceof Date);
    });

    it('update → Customized with who and when; reset → $None / Default; state per Region', async () => {
      const before = Date.now() - 1000;
      await aws.updateServiceSetting({ region: 'eu-west-1' }, DHMC_SETTING_ID, DHMC_SETTING_VALUE);
      const on = await aws.getServiceSetting({ region: 'eu-west-1' }, DHMC_SETTING_ID);
      assert.deepEqual([on.value, on.status], ['service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole', 'Customized']);
      assert.match(on.lastModifiedUser ?? '', /^arn:aws:(sts|iam)::123456789012:/);
      assert.ok((on.lastModifiedDate?.getTime() ?? 0) >= before);

      const elsewhere = await aws.getServiceSetting({ region: 'us-west-2' }, DHMC_SETTING_ID);
      assert.deepEqual([elsewhere.value, elsewhere.status], ['$None', 'Default'], 'another Region keeps its own state');

      const reset = await aws.resetServiceSetting({ region: 'eu-west-1' }, DHMC_SETTING_ID);
      assert.deepEqual([reset.value, reset.status], ['$None', 'Default']);
      assert.equal((await aws.getServiceSetting({ region: 'eu-west-1' }, DHMC_SETTING_ID)).value, '$None');
    });

    it('accepts the setting\'s full ARN as its id', async () => {
      const arn = `arn:aws:ssm:ap-southeast-2:123456789012:servicesetting${DHMC_SETTING_ID}`;
      await aws.updateServiceSetting({ region: 'ap-southeast-2' }, arn, 'MyDhmcRole');
      assert.equal((await aws.getServiceSetting({ region: 'ap-southeast-2' }, DHMC_SETTING_ID)).value, 'MyDhmcRole');
      assert.equal((await aws.getServiceSetting({ region: 'ap-southeast-2' }, arn)).value, 'MyDhmcRole');
    });

    it('seeded state shows as is (PendingUpdate, who, when)', async () => {
      await emulators().seed({ region: 'ca-central-1', settingId: DHMC_SETTING_ID, value: DHMC_SETTING_VALUE, status: 'PendingUpdate', lastModifiedUser: 'arn:aws:sts::123456789012:assumed-role/Admin/alice', lastModifiedDate: '2026-03-02T09:15:00Z' });
      const s = await aws.getServiceSetting({ region: 'ca-central-1' }, DHMC_SETTING_ID);
      assert.deepEqual([s.status, s.lastModifiedUser, s.lastModifiedDate?.toISOString()], ['PendingUpdate', 'arn:aws:sts::123456789012:assumed-role/Admin/alice', '2026-03-02T09:15:00.000Z']);
      assert.equal((await emulators().state())['ca-central-1']?.[DHMC_SETTING_ID]?.Status, 'PendingUpdate');
    });
  });

  describe('every documented setting', () => {
    it('answers every setting id with a value and Default, and takes each allowed value', async () => {
      for (const s of SERVICE_SETTINGS) {
        const got = await aws.getServiceSetting({ region: 'us-east-2' }, s.id);
        assert.equal(got.status, 'Default', s.id);
        if (s.defaultValue !== undefined) assert.equal(got.value, s.defaultValue, s.id);
        for (const value of s.allowedValues ?? (s.valueExample ? [s.valueExample] : [])) {
          await aws.updateServiceSetting({ region: 'us-east-2' }, s.id, value);
          assert.equal((await aws.getServiceSetting({ region: 'us-east-2' }, s.id)).value, value, `${s.id} = ${value}`);
        }
      }
    });

    it('rejects values AWS rejects, with a ValidationException naming the value', async () => {
      for (const [id, value] of [
        ['/ssm/parameter-store/default-parameter-tier', 'standard'],
        ['/ssm/parameter-store/high-throughput-enabled', 'True'],
        [DHMC_SETTING_ID, 'arn:aws:iam::123456789012:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole'],
      ]) {
        const err = await awsRejection(aws.updateServiceSetting({ region: 'us-east-1' }, id!, value!));
        assert.deepEqual([err.kind, err.reason, err.code], ['other', 'invalidRequest', 'ValidationException'], `${id} = ${value}`);
        assert.ok(err.message.includes(value!), err.message);
      }
    });

    it('an unknown setting id is ServiceSettingNotFound', async () => {
      const err = await awsRejection(aws.getServiceSetting({ region: 'us-east-1' }, '/ssm/no/such-setting'));
      assert.deepEqual([err.reason, err.code], ['notFound', 'ServiceSettingNotFound']);
    });
  });

  describe('injected faults map to their message kinds, per Region', () => {
    it('AccessDenied names the action; the other Regions still answer', async () => {
      await emulators().addFault({ region: 'eu-central-1', kind: 'AccessDenied' });
      const err = await awsRejection(aws.getServiceSetting({ region: 'eu-central-1' }, DHMC_SETTING_ID));
      assert.deepEqual([err.kind, err.action], ['accessDenied', 'ssm:GetServiceSetting']);
      assert.match(err.message, /in eu-central-1.*Missing permission: ssm:GetServiceSetting$/);
      assert.equal(err.attempts, 1, 'AccessDenied is not retried');
      const upd = await awsRejection(aws.updateServiceSetting({ region: 'eu-central-1' }, DHMC_SETTING_ID, DHMC_SETTING_VALUE));
      assert.equal(upd.action, 'ssm:UpdateServiceSetting');
      assert.equal((await aws.getServiceSetting({ region: 'eu-west-1' }, DHMC_SETTING_ID)).value, '$None');
    });

    it('throttling after the SDK\'s retries', async () => {
      await emulators().addFault({ region: 'sa-east-1', kind: 'Throttling' });
      const err = await awsRejection(aws.getServiceSetting({ region: 'sa-east-1' }, DHMC_SETTING_ID));
      assert.equal(err.kind, 'throttled');
      assert.equal(err.attempts, 2, 'maxAttempts 2: one retry');
      assert.match(err.message, /in sa-east-1 after 2 attempts/);
    });

    it('one throttled answer is absorbed by a retry', async () => {
      await emulators().addFault({ region: 'sa-east-1', kind: 'Throttling', count: 1 });
      assert.equal((await aws.getServiceSetting({ region: 'sa-east-1' }, DHMC_SETTING_ID)).value, '$None');
    });

    it('5xx after retries is a service error', async () => {
      await emulators().addFault({ region: 'ap-south-1', kind: 'InternalError' });
      const err = await awsRejection(aws.resetServiceSetting({ region: 'ap-south-1' }, DHMC_SETTING_ID));
      assert.deepEqual([err.kind, err.reason, err.httpStatus, err.attempts], ['other', 'serviceError', 500, 2]);
    });

    it('an opt-in Region that is not enabled', async () => {
      await emulators().addFault({ region: 'me-central-1', kind: 'RegionNotEnabled' });
      const err = await awsRejection(aws.getServiceSetting({ region: 'me-central-1' }, DHMC_SETTING_ID));
      assert.equal(err.kind, 'regionNotEnabled');
      assert.match(err.message, /me-central-1$/);
    });

    it('latency delays the answer of that Region only', async () => {
      await emulators().addFault({ region: 'eu-north-1', kind: 'Latency', ms: 300 });
      let t = performance.now();
      await aws.getServiceSetting({ region: 'eu-north-1' }, DHMC_SETTING_ID);
      assert.ok(performance.now() - t >= 290);
      t = performance.now();
      await aws.getServiceSetting({ region: 'eu-west-3' }, DHMC_SETTING_ID);
      assert.ok(performance.now() - t < 250);
    });

    it('serves Regions concurrently: 20 Regions with 200 ms latency each take about one call, not twenty', async () => {
      await emulators().addFault({ region: '*', kind: 'Latency', ms: 200 });
      const regions = builtinRegions('us-east-1').slice(0, 20);
      const t = performance.now();
      const settings = await Promise.all(regions.map((region) => aws.getServiceSetting({ region }, DHMC_SETTING_ID)));
      const elapsed = performance.now() - t;
      assert.equal(settings.length, 20);
      assert.ok(elapsed < 1000, `${Math.round(elapsed)} ms for 20 Regions (sequential: 4000 ms)`);
      assert.equal((await emulators().stats()).maxInFlight, 20);
    });

    it('the network failing is a network error', async () => {
      const port = await closedPort();
      const err = await withEnv({ AWS_ENDPOINT_URL_SSM: `http://127.0.0.1:${port}` }, () => awsRejection(aws.getServiceSetting({ region: 'eu-west-1' }, DHMC_SETTING_ID)));
      assert.deepEqual([err.kind, err.code], ['network', 'ECONNREFUSED']);
    });

    it('an abort signal cancels the call', async () => {
      await emulators().addFault({ region: 'eu-west-2', kind: 'Latency', ms: 2000 });
      const controller = new AbortController();
      const pending = aws.getServiceSetting({ region: 'eu-west-2' }, DHMC_SETTING_ID, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const t = performance.now();
      const err = await awsRejection(pending);
      assert.equal(err.reason, 'aborted');
      assert.ok(performance.now() - t < 1000);
    });
  });
});
