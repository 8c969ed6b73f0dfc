import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSsoProfile, listProfiles } from '../../../src/aws/profiles';
import { withEnv } from './emulators';

describe('aws/profiles: listProfiles (the SDK\'s shared-ini loader)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'aws-profiles-test-'));
    writeFileSync(
      join(dir, 'config'),
      [
        '[default]',
        'region = eu-west-1',
        '[profile dev]',
        'sso_session = corp',
        'sso_account_id = 111122223333',
        'sso_role_name = Dev',
        '[profile legacy-sso]',
        'sso_start_url = https://corp.awsapps.com/start',
        '[profile admin]',
        'role_arn = arn:aws:iam::111122223333:role/Admin',
        'source_profile = default',
        'region = us-west-2',
        '[profile tool]',
        'credential_process = /usr/local/bin/creds',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = eu-west-1',
        '[services local]',
        'ssm =',
        '  endpoint_url = http://localhost:1',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'credentials'), ['[default]', 'aws_access_key_id = AKIAEXAMPLE', 'aws_secret_access_key = secret', '[keys-only]', 'aws_access_key_id = AKIAEXAMPLE2', 'aws_secret_access_key = secret2', ''].join('\n'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const inDir = <T>(fn: () => Promise<T>): Promise<T> => withEnv({ AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') }, fn);

  it('lists the profiles of both files, default first, with how each gets credentials and no secret', async () => {
    const profiles = await inDir(listProfiles);
    assert.deepEqual(profiles, [
      { name: 'default', kind: 'static', sources: ['config', 'credentials'], region: 'eu-west-1' },
      { name: 'admin', kind: 'assumeRole', sources: ['config'], region: 'us-west-2' },
      { name: 'dev', kind: 'sso', sources: ['config'], ssoSession: 'corp' },
      { name: 'keys-only', kind: 'static', sources: ['credentials'] },
      { name: 'legacy-sso', kind: 'sso', sources: ['config'] },
      { name: 'tool', kind: 'process', sources: ['config'] },
    ]);
    assert.doesNotMatch(JSON.stringify(profiles), /secret|AKIA/);
  });

  it('knows the SSO profiles', async () => {
    assert.equal(await inDir(() => isSsoProfile('dev')), true);
    assert.equal(await inDir(() => isSsoProfile('admin')), false);
  });

  it('is empty when neither file exists', async () => {
    const none = join(dir, 'missing');
    assert.deepEqual(await withEnv({ AWS_CONFIG_FILE: none, AWS_SHARED_CREDENTIALS_FILE: none }, listProfiles), []);
  });
});
