import * as assert from 'node:assert/strict';
import { createAwsAdapter, type AwsAdapter } from '../../../src/aws/adapter';
import { decodeIamDocument } from '../../../src/core/apply/document';
import { managedPolicyArn } from '../../../src/core/aws/arn';
import { isAwsError } from '../../../src/core/aws/error';
import { dhmcTrustPolicy, inspectDhmcRole, setUpDhmcRole } from '../../../src/core/dhmc/role';
import { catalogEntry } from '../../../src/core/catalog';
import { dhmcSettingValue } from '../../../src/core/dhmc/role-value';
import { DHMC_ROLE_NAME, DHMC_SETTING_VALUE } from '../../../src/core/ssm/dhmc';
import { useEmulators } from '../aws/emulators';

describe('core/dhmc/role through the adapter: the DHMC role (over HTTP, moto)', function () {
  this.timeout(30_000);
  const emulators = useEmulators();
  const target = { region: 'us-east-1' };
  let aws: AwsAdapter;
  before(async () => emulators().reset());
  beforeEach(() => (aws = createAwsAdapter({ maxAttempts: 2 })));
  afterEach(() => aws.dispose());

  it('a missing role is undefined', async () => {
    assert.equal(await aws.getRole(target, DHMC_ROLE_NAME), undefined);
  });

  it('creates the role as the docs do: path /service-role/, the catalog trust policy, the managed policy attached', async () => {
    const result = await setUpDhmcRole(aws, target, await inspectDhmcRole(aws, target, DHMC_SETTING_VALUE));
    assert.deepEqual([result.ok, result.created], [true, true], result.message);
    const created = (await aws.getRole(target, DHMC_ROLE_NAME))!;
    assert.deepEqual([created.name, created.path], [DHMC_ROLE_NAME, '/service-role/']);
    assert.equal(created.arn, `arn:aws:iam::123456789012:role/service-role/${DHMC_ROLE_NAME}`);
    assert.equal(dhmcSettingValue(created), DHMC_SETTING_VALUE, 'the role as UpdateServiceSetting takes it');
    assert.deepEqual((await aws.listAttachedRolePolicies(target, DHMC_ROLE_NAME)).map((p) => p.name), ['AmazonSSMManagedEC2InstanceDefaultPolicy']);
  });

  it('getRole returns the trust policy decoded', async () => {
    const role = await aws.getRole(target, DHMC_ROLE_NAME);
    assert.ok(role);
    assert.deepEqual(JSON.parse(role.trustPolicy), JSON.parse(catalogEntry('ssm-dhmc-trust')!.text));
  });

  it('creating it again is EntityAlreadyExists', async () => {
    const err = await aws.createRole(target, { name: DHMC_ROLE_NAME, path: '/service-role/', trustPolicy: dhmcTrustPolicy() }).then(
      () => assert.fail('created twice'),
      (e: unknown) => e,
    );
    assert.ok(isAwsError(err));
    assert.deepEqual([err.reason, err.code], ['alreadyExists', 'EntityAlreadyExistsException']);
  });

  it('checks an existing role\'s trust: the DHMC role passes, a role for EC2 does not', async () => {
    const dhmc = await inspectDhmcRole(aws, target, DHMC_SETTING_VALUE);
    assert.equal(dhmc.action, 'use');
    assert.deepEqual([dhmc.trust?.ok, dhmc.trust?.trustsSsm], [true, true]);
    const ec2Trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    await aws.createRole(target, { name: 'InstanceRole', path: '/', trustPolicy: ec2Trust });
    const ec2 = await inspectDhmcRole(aws, target, 'InstanceRole');
    assert.ok(ec2.action === 'refuse' && ec2.role);
    assert.deepEqual([ec2.reason, ec2.trust?.ok, ec2.trust?.trustsSsm, dhmcSettingValue(ec2.role)], ['trust', false, false, 'InstanceRole']);
    const missing = await inspectDhmcRole(aws, target, 'NoSuchRole');
    assert.deepEqual([missing.action, missing.action === 'refuse' && missing.reason], ['refuse', 'notFound']);
  });

  it('the linter catches what moto lets through (a trust policy with a Resource)', async () => {
    const bad = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }] });
    await aws.createRole(target, { name: 'SloppyRole', path: '/service-role/', trustPolicy: bad });
    const checked = await inspectDhmcRole(aws, target, 'service-role/SloppyRole');
    assert.ok(checked.action === 'refuse');
    assert.deepEqual([checked.reason, checked.trust?.trustsSsm, checked.trust?.ok], ['trustErrors', true, false]);
  });

  it('decodes policy documents and builds managed policy ARNs per partition', () => {
    assert.equal(decodeIamDocument('%7B%22Version%22%3A%222012-10-17%22%7D'), '{"Version":"2012-10-17"}');
    assert.equal(decodeIamDocument('{"bad":"%E0%A4%A"}'), '{"bad":"%E0%A4%A"}');
    assert.equal(managedPolicyArn('cn-north-1', 'X'), 'arn:aws-cn:iam::aws:policy/X');
    assert.equal(managedPolicyArn('eu-west-1', 'X'), 'arn:aws:iam::aws:policy/X');
  });
});
