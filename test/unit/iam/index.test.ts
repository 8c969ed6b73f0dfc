import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findIamIndexDir, IamIndex } from '../../../src/core/iam';

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

describe('iam/index: finding the index folder', () => {
  let top: string;
  beforeEach(() => {
    top = mkdtempSync(join(tmpdir(), 'iam-index-dir-'));
  });
  afterEach(() => rmSync(top, { recursive: true, force: true }));

  it('finds dist/iam-index from a folder inside the package', () => {
    mkdirSync(join(top, 'pkg', 'dist', 'iam-index'), { recursive: true });
    writeFileSync(join(top, 'pkg', 'dist', 'iam-index', 'head.json'), '{}');
    writeFileSync(join(top, 'pkg', 'package.json'), '{}');
    mkdirSync(join(top, 'pkg', 'src', 'core'), { recursive: true });
    assert.equal(findIamIndexDir(join(top, 'pkg', 'src', 'core')), join(top, 'pkg', 'dist', 'iam-index'));
  });

  it('never climbs above the package root to another checkout\'s index', () => {
    // Another checkout's built index above this package, and this package unbuilt.
    mkdirSync(join(top, 'dist', 'iam-index'), { recursive: true });
    writeFileSync(join(top, 'dist', 'iam-index', 'head.json'), '{}');
    mkdirSync(join(top, 'pkg', 'src'), { recursive: true });
    writeFileSync(join(top, 'pkg', 'package.json'), '{}');
    assert.throws(() => findIamIndexDir(join(top, 'pkg', 'src')), /missing in .* up to the package root: run npm run build/);
  });
});
