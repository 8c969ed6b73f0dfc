import * as assert from 'node:assert/strict';
import { kindFromFileName, looksLikePolicy } from '../../../src/core/policy/detect';

describe('policy/detect', () => {
  it('reads the kind from conventional file names, and nothing from others', () => {
    assert.equal(kindFromFileName('/w/iam/dhmc-admin.policy.json'), 'identity');
    assert.equal(kindFromFileName('C:\\w\\ec2-trust-policy.json'), 'trust');
    assert.equal(kindFromFileName('deny-leave.scp.json'), 'scp');
    assert.equal(kindFromFileName('scp-policy.json'), 'scp');
    assert.equal(kindFromFileName('package.json'), undefined);
    assert.equal(kindFromFileName('policy.json.bak'), undefined);
  });

  it('recognizes a policy by its content, not any JSON with a Statement', () => {
    assert.ok(looksLikePolicy('{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "s3:*", "Resource": "*" } ] }'));
    assert.ok(looksLikePolicy('{"Statement":{"Action":"s3:GetObject"}}'));
    assert.ok(!looksLikePolicy('{ "name": "x", "version": "1.0.0" }'));
    assert.ok(!looksLikePolicy('{ "Statement": "see the docs" }'));
    assert.ok(!looksLikePolicy(''));
  });
});
