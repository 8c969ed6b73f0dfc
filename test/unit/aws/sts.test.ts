import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAwsAdapter, type AwsAdapter } from '../../../src/aws/adapter';
import { awsRejection, useEmulators, withEnv } from './emulators';


describe('aws/adapter: getCallerIdentity (over HTTP, moto)', () => {
  const emulators = useEmulators();
  let aws: AwsAdapter;
  beforeEach(() => (aws = createAwsAdapter({ maxAttempts: 2 })));
  afterEach(() => aws.dispose());

  it('returns the account and ARN of the environment credentials', async () => {
    const id = await aws.getCallerIdentity({ region: 'us-east-1' });
    assert.equal(id.account, emulators().accountId);
    assert.match(id.arn, /^arn:aws:(sts|iam)::123456789012:/);
    assert.ok(id.userId);
  });

  it('signs with a profile of the shared files', async () => {
    const id = await aws.getCallerIdentity({ region: 'eu-west-1', profile: 'emulator' });
    assert.equal(id.account, emulators().accountId);
  });

  describe('credential failures, through the real provider chain', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'aws-sts-test-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('an SSO profile without a valid token says which aws sso login to run', async () => {
      const err = await withEnv({ HOME: dir }, () => awsRejection(aws.getCallerIdentity({ region: 'us-east-1', profile: 'emulator-sso' })));
      assert.equal(err.kind, 'expiredSso');
      assert.match(err.message, /Run: aws sso login --profile emulator-sso$/);
    });

    it('an expired cached SSO token is an expired SSO session', async () => {
      // The token cache file name is the SHA-1 of the sso-session name.
      const { createHash } = await import('node:crypto');
      const cache = join(dir, '.aws', 'sso', 'cache');
      const { mkdirSync } = await import('node:fs');
      mkdirSync(cache, { recursive: true });
      const token = { accessToken: 'expired-token', expiresAt: '2020-01-01T00:00:00Z', region: 'us-east-1', startUrl: 'https://emulator.awsapps.com/start' };
      writeFileSync(join(cache, `${createHash('sha1').update('emulator').digest('hex')}.json`), JSON.stringify(token));
      const err = await withEnv({ HOME: dir }, () => awsRejection(aws.getCallerIdentity({ region: 'us-east-1', profile: 'emulator-sso' })));
      assert.equal(err.kind, 'expiredSso');
      assert.doesNotMatch(JSON.stringify({ ...err, message: err.message }), /expired-token/);
    });

    it('a profile that does not exist: no credentials, naming the profile', async () => {
      const err = await awsRejection(aws.getCallerIdentity({ region: 'us-east-1', profile: 'no-such-profile' }));
      assert.deepEqual([err.kind, err.reason], ['noCredentials', 'profileNotFound']);
      assert.match(err.message, /no-such-profile$/);
    });

    it('nothing in the environment or the files: no credentials', async () => {
      const empty = join(dir, 'empty');
      writeFileSync(empty, '');
      const vars = { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_CONFIG_FILE: empty, AWS_SHARED_CREDENTIALS_FILE: empty, HOME: dir };
      const err = await withEnv(vars, () => awsRejection(aws.getCallerIdentity({ region: 'us-east-1' })));
      assert.deepEqual([err.kind, err.reason], ['noCredentials', 'noCredentials']);
    });
  });
});
