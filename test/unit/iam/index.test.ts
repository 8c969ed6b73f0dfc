import * as assert from 'node:assert/strict';
import { IamIndex } from '../../../src/core/iam';

describe('iam/index over the compact IAM index', () => {
  const iam = new IamIndex();
  before(async () => {
    await iam.ensure(['ssm', 'SSMMESSAGES', 'nosuchservice'], ['ssm:resourceTag/Finance', 'aws:PrincipalTag/team', 'ssm:NoSuchKey']);
  });

  it('loads only the services asked for', () => {
    assert.ok(iam.isLoaded('ssm'));
    assert.ok(iam.isLoaded('ssmmessages'));
    assert.ok(!iam.isLoaded('s3'));
    assert.ok(iam.hasService('s3'), 'the service list is complete');
    assert.ok(!iam.hasService('nosuchservice'));
    assert.equal(iam.serviceName('ssm'), 'AWS Systems Manager');
  });

  it('looks actions up case-insensitively, with resource types and wildcard-only flags', () => {
    const send = iam.action('ssm', 'sendcommand');
    assert.equal(send?.name, 'SendCommand');
    assert.ok(send?.resourceTypes.some((r) => r.name === 'document'));
    assert.equal(iam.action('ssmmessages', 'OpenDataChannel')?.isWildcardOnly, true);
    assert.equal(iam.action('ssm', 'NoSuchAction'), undefined);
  });

  it('expands wildcard patterns', () => {
    const names = iam.matchActions('ssm:GetServiceSett*')?.map((a) => a.name);
    assert.deepEqual(names, ['GetServiceSetting']);
    assert.equal(iam.matchActions('ssmmessages:*')?.length, iam.actions('ssmmessages').length);
    assert.deepEqual(iam.matchActions('ssm:Zzz*'), []);
    assert.equal(iam.matchActions('s3:GetObject'), undefined, 'not loaded');
    assert.equal(iam.matchActions('GetObject'), undefined, 'no prefix');
  });

  it('resolves resource types and condition keys, including tag-style keys', () => {
    assert.match(iam.resourceType('ssm', 'document')?.arn ?? '', /:document\/\$\{DocumentName\}$/);
    assert.equal(iam.conditionKey('ssm:resourceTag/Finance')?.type, 'String');
    assert.ok(iam.conditionKey('aws:PrincipalTag/team'));
    assert.ok(iam.conditionKey('aws:SourceIp'), 'global keys resolve without ensure');
    assert.equal(iam.conditionKey('ssm:NoSuchKey'), undefined);
  });
});
