import * as assert from 'node:assert/strict';
import { gatePolicySource } from '../../../src/core/apply';

describe('core/apply: the gate as soon as the policy is known', () => {
  it('does not count the placeholders the connection fills (account, Region) as errors', async () => {
    const g = await gatePolicySource({ type: 'catalog', entryId: 'ssm-dhmc-admin' });
    assert.deepEqual(g.errors, []);
    assert.equal(g.blocked, false);
  });

  it('blocks the placeholders the connection cannot fill', async () => {
    const g = await gatePolicySource({ type: 'catalog', entryId: 'ssm-run-command-tag-all' });
    assert.equal(g.blocked, true);
    assert.ok(g.errors.some((e) => e.ruleId === 'placeholder'), JSON.stringify(g.errors.map((e) => e.ruleId)));
  });

  it('blocks a document with errors, as the kind it is written as', async () => {
    const withPrincipal = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] });
    const g = await gatePolicySource({ type: 'text', text: withPrincipal, kind: 'identity', label: 'p.json' });
    assert.equal(g.blocked, true);
    assert.ok(g.errors.some((e) => e.ruleId === 'principal-in-identity'));
    const clean = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ssm:DescribeParameters', Resource: '*' }] });
    assert.equal((await gatePolicySource({ type: 'text', text: clean, label: 'c.json' })).blocked, false);
    assert.equal((await gatePolicySource({ type: 'text', text: clean, label: 'c.json' }, 'trust')).blocked, true, 'linted as a trust policy: no Principal');
  });

  it('has nothing to say about an AWS managed policy, attached by name', async () => {
    assert.deepEqual(await gatePolicySource({ type: 'awsManaged', name: 'AmazonSSMManagedInstanceCore' }), { errors: [], warnings: [], blocked: false });
    assert.deepEqual(await gatePolicySource({ type: 'catalog', entryId: 'ssm-managed-instance-core' }), { errors: [], warnings: [], blocked: false });
  });
});
