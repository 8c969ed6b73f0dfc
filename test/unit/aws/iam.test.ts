import * as assert from 'node:assert/strict';
import { AwsClientFactory } from '../../../src/aws/client-factory';
import { AwsCallError } from '../../../src/aws/errors';
import {
  checkRoleTrust,
  createDhmcRole,
  createRole,
  decodePolicyDocument,
  getRole,
  listAttachedRolePolicies,
  managedPolicyArn,
} from '../../../src/aws/iam';
import { catalogEntry } from '../../../src/core/catalog';
import { dhmcSettingValue } from '../../../src/core/dhmc/role-value';
import { DHMC_ROLE_NAME, DHMC_SETTING_VALUE } from '../../../src/core/ssm/dhmc';
import { useEmulators } from './emulators';

describe('aws/iam: the DHMC role (over HTTP, moto)', function () {
  this.timeout(30_000);
  const emulators = useEmulators();
  const target = { region: 'us-east-1' };
  let factory: AwsClientFactory;
  before(async () => emulators().reset());
  beforeEach(() => (factory = new AwsClientFactory({ maxAttempts: 2 })));
  afterEach(() => factory.dispose());

  it('a missing role is undefined', async () => {
    assert.equal(await getRole(factory, target, DHMC_ROLE_NAME), undefined);
  });

  it('creates the role as the docs do: path /service-role/, the catalog trust policy, the managed policy attached', async () => {
    const created = await createDhmcRole(factory, target);
    assert.deepEqual([created.name, created.path], [DHMC_ROLE_NAME, '/service-role/']);
    assert.equal(created.arn, `arn:aws:iam::123456789012:role/service-role/${DHMC_ROLE_NAME}`);
    assert.equal(dhmcSettingValue(created), DHMC_SETTING_VALUE, 'the role as UpdateServiceSetting takes it');
    assert.deepEqual(await listAttachedRolePolicies(factory, target, DHMC_ROLE_NAME), ['AmazonSSMManagedEC2InstanceDefaultPolicy']);
  });

  it('getRole returns the trust policy decoded', async () => {
    const role = await getRole(factory, target, DHMC_ROLE_NAME);
    assert.ok(role);
    assert.deepEqual(JSON.parse(role.trustPolicy), JSON.parse(catalogEntry('ssm-dhmc-trust')!.text));
  });

  it('creating it again is EntityAlreadyExists', async () => {
    const err = await createDhmcRole(factory, target).then(
      () => assert.fail('created twice'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof AwsCallError);
    assert.deepEqual([err.info.reason, err.code], ['alreadyExists', 'EntityAlreadyExistsException']);
  });

  it('checks an existing role\'s trust: the DHMC role passes, a role for EC2 does not', async () => {
    const dhmc = await checkRoleTrust(factory, target, DHMC_ROLE_NAME);
    assert.deepEqual([dhmc?.check.ok, dhmc?.check.trustsSsm], [true, true]);
    const ec2Trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    await createRole(factory, target, { name: 'InstanceRole', path: '/', trustPolicy: ec2Trust });
    const ec2 = await checkRoleTrust(factory, target, 'InstanceRole');
    assert.deepEqual([ec2?.check.ok, ec2?.check.trustsSsm, dhmcSettingValue(ec2!.role)], [false, false, 'InstanceRole']);
    assert.equal(await checkRoleTrust(factory, target, 'NoSuchRole'), undefined);
  });

  it('the linter catches what moto lets through (a trust policy with a Resource)', async () => {
    const bad = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }] });
    await createRole(factory, target, { name: 'SloppyRole', path: '/service-role/', trustPolicy: bad });
    const checked = await checkRoleTrust(factory, target, 'SloppyRole');
    assert.deepEqual([checked?.check.trustsSsm, checked?.check.ok], [true, false]);
  });

  it('decodes policy documents and builds managed policy ARNs per partition', () => {
    assert.equal(decodePolicyDocument('%7B%22Version%22%3A%222012-10-17%22%7D'), '{"Version":"2012-10-17"}');
    assert.equal(decodePolicyDocument('{"bad":"%E0%A4%A"}'), '{"bad":"%E0%A4%A"}');
    assert.equal(managedPolicyArn('cn-north-1', 'X'), 'arn:aws-cn:iam::aws:policy/X');
    assert.equal(managedPolicyArn('eu-west-1', 'X'), 'arn:aws:iam::aws:policy/X');
  });
});
