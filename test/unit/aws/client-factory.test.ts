import * as assert from 'node:assert/strict';
import { AwsClientFactory } from '../../../src/aws/client-factory';
import { createAwsAdapter } from '../../../src/aws/adapter';
import { useEmulators } from './emulators';

describe('aws/client-factory (over HTTP, emulators)', () => {
  const emulators = useEmulators();
  let factory: AwsClientFactory;
  beforeEach(() => (factory = new AwsClientFactory({ maxAttempts: 2 })));
  afterEach(() => factory.dispose());

  it('caches one client per service, Region and profile', () => {
    const a = factory.client('ssm', { region: 'eu-west-1' });
    assert.equal(factory.client('ssm', { region: 'eu-west-1' }), a);
    assert.notEqual(factory.client('ssm', { region: 'us-east-1' }), a);
    assert.notEqual(factory.client('ssm', { region: 'eu-west-1', profile: 'emulator' }), a);
    assert.notEqual(factory.client('ec2', { region: 'eu-west-1' }) as unknown, a);
    assert.equal(factory.size, 4);
    assert.equal(factory.credentials('emulator'), factory.credentials('emulator'), 'one credential provider per profile');
    factory.dispose();
    assert.equal(factory.size, 0);
    assert.notEqual(factory.client('ssm', { region: 'eu-west-1' }), a, 'a disposed client is never handed out again');
  });

  it('configures adaptive retries and the attempts', async () => {
    const config = factory.client('sts', { region: 'us-east-1' }).config;
    const strategy = (await config.retryStrategy()) as { mode?: string };
    assert.equal(strategy.mode, 'adaptive');
    assert.equal(await config.maxAttempts(), 2);
  });

  it('takes its endpoint from AWS_ENDPOINT_URL_* only: the calls reach the emulators', async () => {
    assert.equal(process.env.AWS_ENDPOINT_URL_STS, emulators().frontUrl);
    const id = await createAwsAdapter({ factory }).getCallerIdentity({ region: 'us-east-1' });
    assert.equal(id.account, emulators().accountId);
    const endpoint = await factory.client('ssm', { region: 'eu-west-1' }).config.endpoint?.();
    assert.equal(endpoint, undefined, 'no endpoint option is set on the client');
  });
});
