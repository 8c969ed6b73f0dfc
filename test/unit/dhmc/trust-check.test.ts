import * as assert from 'node:assert/strict';
import { catalogEntry } from '../../../src/core/catalog';
import { checkDhmcTrustPolicy } from '../../../src/core/dhmc/trust-check';

const trust = (statement: object | object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statement }, null, 2);

describe('core/dhmc/trust-check: checkDhmcTrustPolicy', function () {
  this.timeout(20_000);

  it('accepts the documented DHMC trust policy', async () => {
    const result = await checkDhmcTrustPolicy(catalogEntry('ssm-dhmc-trust')!.text);
    assert.deepEqual([result.ok, result.trustsSsm, result.conditional, result.errors], [true, true, false, []]);
  });

  it('a role for EC2 does not trust SSM', async () => {
    const result = await checkDhmcTrustPolicy(trust({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }));
    assert.deepEqual([result.ok, result.trustsSsm], [false, false]);
  });

  it('a principal list and an action wildcard still trust SSM', async () => {
    const result = await checkDhmcTrustPolicy(trust({ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'ssm.amazonaws.com'] }, Action: ['sts:Assume*'] }));
    assert.equal(result.trustsSsm, true);
  });

  it('an unconditional Deny takes the trust back; a Condition makes it conditional', async () => {
    const allow = { Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' };
    const denied = await checkDhmcTrustPolicy(trust([allow, { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }]));
    assert.equal(denied.trustsSsm, false);
    const conditional = await checkDhmcTrustPolicy(trust({ ...allow, Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } }));
    assert.deepEqual([conditional.trustsSsm, conditional.conditional], [true, true]);
  });

  it('a trust policy with a lint error is not ok even when it trusts SSM', async () => {
    const result = await checkDhmcTrustPolicy(trust({ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }));
    assert.equal(result.trustsSsm, true);
    assert.equal(result.ok, false);
    assert.ok(result.errors.some((f) => f.ruleId === 'trust-policy-resource'), JSON.stringify(result.errors.map((f) => f.ruleId)));
  });

  it('never throws on text that is not JSON', async () => {
    const result = await checkDhmcTrustPolicy('not json');
    assert.deepEqual([result.ok, result.trustsSsm], [false, false]);
  });
});
