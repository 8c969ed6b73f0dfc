/**
 * The front server's DHMC operations (Register/DeregisterDefaultHostManagementConfiguration) over real HTTP with SDK
 * clients of the front server, against a real moto: the setting read back with GetServiceSetting, the
 * service-managed role read back from moto directly (motoUrl, past the faults), the overwrite rule, the errors and
 * the faults.
 */
import * as assert from 'node:assert/strict';
import { CreateRoleCommand, DeleteRoleCommand, DetachRolePolicyCommand, GetRoleCommand, IAMClient, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import {
  DeregisterDefaultHostManagementConfigurationCommand,
  GetServiceSettingCommand,
  RegisterDefaultHostManagementConfigurationCommand,
  SSMClient,
  UpdateServiceSettingCommand,
  type RegisterDefaultHostManagementConfigurationCommandInput,
} from '@aws-sdk/client-ssm';
import type { Emulators } from '../../../scripts/emulators/start';
import { useEmulators } from '../aws/emulators';
import { rejection } from './sdk-errors';

const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const DHMC_ID = '/ssm/managed-instance/default-ec2-instance-management-role';
const ROLE = 'AWSSystemsManagerDefaultEC2InstanceManagementRole';
const ACCOUNT = '123456789012';
const SERVICE_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/service-role/${ROLE}`;
const SERVICE_VALUE = `service-role/${ROLE}`;
const POLICY_ARN = 'arn:aws:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy';
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

describe('emulators: DHMC Register/Deregister (over HTTP, SDK clients, moto IAM)', function () {
  this.timeout(60_000);
  const emulators = useEmulators();
  let emu: Emulators;
  let moto: IAMClient;
  const clients: SSMClient[] = [];
  const ssm = (region = 'us-east-1'): SSMClient => {
    const client = new SSMClient({ region, endpoint: emu.frontUrl, credentials, maxAttempts: 1 });
    clients.push(client);
    return client;
  };
  const register = (input: RegisterDefaultHostManagementConfigurationCommandInput, region?: string) =>
    ssm(region).send(new RegisterDefaultHostManagementConfigurationCommand(input));
  const deregister = (region?: string) => ssm(region).send(new DeregisterDefaultHostManagementConfigurationCommand({}));
  const setting = async (region = 'us-east-1') => (await ssm(region).send(new GetServiceSettingCommand({ SettingId: DHMC_ID }))).ServiceSetting!;
  const role = async (name: string) => {
    try {
      return (await moto.send(new GetRoleCommand({ RoleName: name }))).Role;
    } catch (err) {
      if ((err as Error).name === 'NoSuchEntityException') return undefined;
      throw err;
    }
  };
  const createRole = (name: string, path: string) => moto.send(new CreateRoleCommand({ RoleName: name, Path: path, AssumeRolePolicyDocument: TRUST }));
  const assertNotRegistered = async (region = 'us-east-1'): Promise<void> => {
    const s = await setting(region);
    assert.deepEqual([s.SettingValue, s.Status], ['$None', 'Default'], region);
  };

  before(() => {
    emu = emulators();
    moto = new IAMClient({ region: 'us-east-1', endpoint: emu.motoUrl, credentials });
  });
  after(() => moto.destroy());
  beforeEach(() => emu.reset());
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await emu.clearFaults();
  });

  describe('SERVICE_MANAGED', () => {
    it('creates the role (path, trust policy, managed policy) and sets the setting as UpdateServiceSetting does', async () => {
      assert.equal(await role(ROLE), undefined, 'no role before');
      const before = Math.floor(Date.now() / 1000);
      const out = await register({ PermissionModel: 'SERVICE_MANAGED' });
      assert.equal(out.RoleArn, SERVICE_ROLE_ARN);

      const s = await setting();
      assert.equal(s.SettingValue, SERVICE_VALUE);
      assert.equal(s.Status, 'Customized');
      assert.equal(s.LastModifiedUser, `arn:aws:sts::${ACCOUNT}:user/moto`);
      assert.ok(s.LastModifiedDate!.getTime() / 1000 >= before - 1, `${s.LastModifiedDate?.toISOString()} is the time of the call`);
      assert.deepEqual(await emu.dhmc(), { 'us-east-1': { model: 'SERVICE_MANAGED', value: SERVICE_VALUE } });

      const created = await role(ROLE);
      assert.ok(created, 'the role exists in moto');
      assert.equal(created.Path, '/service-role/');
      assert.equal(created.Arn, SERVICE_ROLE_ARN);
      const trust = JSON.parse(decodeURIComponent(created.AssumeRolePolicyDocument!)) as { Statement: { Effect: string; Principal: { Service: string }; Action: string }[] };
      assert.deepEqual(
        trust.Statement.map((st) => [st.Effect, st.Principal.Service, st.Action]),
        [['Allow', 'ssm.amazonaws.com', 'sts:AssumeRole']],
      );
      const attached = await moto.send(new ListAttachedRolePoliciesCommand({ RoleName: ROLE }));
      assert.deepEqual(attached.AttachedPolicies?.map((p) => p.PolicyArn), [POLICY_ARN]);
      await assertNotRegistered('eu-west-1');
    });

    it('Deregister resets the setting as ResetServiceSetting does and deletes the role the service created', async () => {
      await register({ PermissionModel: 'SERVICE_MANAGED' });
      assert.deepEqual(await deregister().then((o) => Object.keys(o).filter((k) => k !== '$metadata')), []);
      await assertNotRegistered();
      assert.equal(await role(ROLE), undefined, 'the role is deleted');
      assert.deepEqual(await emu.dhmc(), {});
    });

    it('the role is shared by the Regions (IAM is global): kept until the last service-managed Region deregisters', async () => {
      await register({ PermissionModel: 'SERVICE_MANAGED' }, 'us-east-1');
      await register({ PermissionModel: 'SERVICE_MANAGED' }, 'eu-west-1');
      const attached = await moto.send(new ListAttachedRolePoliciesCommand({ RoleName: ROLE }));
      assert.equal(attached.AttachedPolicies?.length, 1, 'the existing role is used as it is');
      await deregister('us-east-1');
      await assertNotRegistered('us-east-1');
      assert.ok(await role(ROLE), 'eu-west-1 still uses it');
      assert.equal((await setting('eu-west-1')).SettingValue, SERVICE_VALUE);
      await deregister('eu-west-1');
      assert.equal(await role(ROLE), undefined);
    });

    it('with a RoleArn: ValidationException, nothing created or set', async () => {
      const err = await rejection(register({ PermissionModel: 'SERVICE_MANAGED', RoleArn: SERVICE_ROLE_ARN }));
      assert.equal(err.name, 'ValidationException');
      assert.equal(err.$metadata?.httpStatusCode, 400);
      assert.match(err.message, /RoleArn must not be set/);
      assert.equal(await role(ROLE), undefined);
      await assertNotRegistered();
    });
  });

  describe('SELF_MANAGED', () => {
    it('registers an existing role: the setting names its path and name; Deregister leaves the role', async () => {
      await createRole('MyDhmcRole', '/custom/');
      const arn = `arn:aws:iam::${ACCOUNT}:role/custom/MyDhmcRole`;
      assert.equal((await register({ PermissionModel: 'SELF_MANAGED', RoleArn: arn })).RoleArn, arn);
      const s = await setting();
      assert.deepEqual([s.SettingValue, s.Status], ['custom/MyDhmcRole', 'Customized']);
      assert.deepEqual(await emu.dhmc(), { 'us-east-1': { model: 'SELF_MANAGED', value: 'custom/MyDhmcRole' } });
      assert.equal(await role(ROLE), undefined, 'no service role created');
      await deregister();
      await assertNotRegistered();
      assert.ok(await role('MyDhmcRole'), 'a self-managed role is never deleted');
    });

    it('a role without a path: the value is its name', async () => {
      await createRole('PlainRole', '/');
      await register({ PermissionModel: 'SELF_MANAGED', RoleArn: `arn:aws:iam::${ACCOUNT}:role/PlainRole` });
      assert.equal((await setting()).SettingValue, 'PlainRole');
    });

    it('a role that does not exist (or not at that path): InvalidRole naming it, nothing set', async () => {
      const arn = `arn:aws:iam::${ACCOUNT}:role/Missing`;
      const err = await rejection(register({ PermissionModel: 'SELF_MANAGED', RoleArn: arn }));
      assert.equal(err.name, 'InvalidRole');
      assert.equal(err.$metadata?.httpStatusCode, 400);
      assert.ok(err.message.includes(arn), err.message);
      await createRole('Elsewhere', '/a/');
      assert.equal((await rejection(register({ PermissionModel: 'SELF_MANAGED', RoleArn: `arn:aws:iam::${ACCOUNT}:role/b/Elsewhere` }))).name, 'InvalidRole');
      await assertNotRegistered();
    });

    it('without RoleArn, with one of another account or not a role: ValidationException', async () => {
      const cases: [string | undefined, RegExp][] = [
        [undefined, /RoleArn is required/],
        [`arn:aws:iam::111122223333:role/${ROLE}`, /of this account/],
        [`arn:aws:iam::${ACCOUNT}:user/alice`, /of this account/],
        ['service-role/' + ROLE, /of this account/],
      ];
      for (const [arn, message] of cases) {
        const err = await rejection(register({ PermissionModel: 'SELF_MANAGED', RoleArn: arn }));
        assert.equal(err.name, 'ValidationException', String(arn));
        assert.match(err.message, message);
      }
      await assertNotRegistered();
    });
  });

  it('PermissionModel missing or unknown: ValidationException', async () => {
    const missing = await rejection(register({} as RegisterDefaultHostManagementConfigurationCommandInput));
    assert.equal(missing.name, 'ValidationException');
    assert.match(missing.message, /permissionModel.*must not be null/);
    const unknown = await rejection(register({ PermissionModel: 'AWS_MANAGED' as 'SELF_MANAGED' }));
    assert.equal(unknown.name, 'ValidationException');
    assert.match(unknown.message, /enum value set/);
    await assertNotRegistered();
  });

  describe('the overwrite rule', () => {
    it('the same role and model again: a success that changes nothing (the earlier date and user stay)', async () => {
      await createRole('Mine', '/custom/');
      const admin = `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/alice`;
      await emu.seed({ region: 'us-east-1', settingId: DHMC_ID, value: 'custom/Mine', lastModifiedUser: admin, lastModifiedDate: '2026-03-02T09:15:00Z' });
      const arn = `arn:aws:iam::${ACCOUNT}:role/custom/Mine`;
      assert.equal((await register({ PermissionModel: 'SELF_MANAGED', RoleArn: arn })).RoleArn, arn);
      const s = await setting();
      assert.equal(s.LastModifiedUser, admin);
      assert.equal(s.LastModifiedDate?.toISOString(), '2026-03-02T09:15:00.000Z');

      // SERVICE_MANAGED again: no IAM call either, so a role removed behind its back is not made again.
      await register({ PermissionModel: 'SERVICE_MANAGED' }, 'eu-west-1');
      await moto.send(new DetachRolePolicyCommand({ RoleName: ROLE, PolicyArn: POLICY_ARN }));
      await moto.send(new DeleteRoleCommand({ RoleName: ROLE }));
      assert.equal((await register({ PermissionModel: 'SERVICE_MANAGED' }, 'eu-west-1')).RoleArn, SERVICE_ROLE_ARN);
      assert.equal(await role(ROLE), undefined);
      assert.equal((await setting('eu-west-1')).SettingValue, SERVICE_VALUE);
    });

    it('another role, or another model, without Overwrite: AlreadyExistsException, nothing changed', async () => {
      await createRole('First', '/');
      await createRole('Second', '/');
      await register({ PermissionModel: 'SELF_MANAGED', RoleArn: `arn:aws:iam::${ACCOUNT}:role/First` });
      const other = await rejection(register({ PermissionModel: 'SELF_MANAGED', RoleArn: `arn:aws:iam::${ACCOUNT}:role/Second` }));
      assert.equal(other.name, 'AlreadyExistsException');
      assert.equal(other.$metadata?.httpStatusCode, 400);
      assert.match(other.message, /already registered in us-east-1 with the role First \(SELF_MANAGED\).*Overwrite/);
      const explicitFalse = await rejection(register({ PermissionModel: 'SERVICE_MANAGED', Overwrite: false }));
      assert.equal(explicitFalse.name, 'AlreadyExistsException');
      assert.equal(await role(ROLE), undefined, 'the refused SERVICE_MANAGED call created no role');
      assert.equal((await setting()).SettingValue, 'First');

      // The same role under another model is another registration too.
      await register({ PermissionModel: 'SERVICE_MANAGED' }, 'eu-west-1');
      const model = await rejection(register({ PermissionModel: 'SELF_MANAGED', RoleArn: SERVICE_ROLE_ARN }, 'eu-west-1'));
      assert.equal(model.name, 'AlreadyExistsException');
      assert.equal((await emu.dhmc())['eu-west-1']?.model, 'SERVICE_MANAGED');
    });

    it('a role set with UpdateServiceSetting counts as registered (SELF_MANAGED)', async () => {
      await ssm().send(new UpdateServiceSettingCommand({ SettingId: DHMC_ID, SettingValue: 'custom/Old' }));
      assert.deepEqual(await emu.dhmc(), { 'us-east-1': { model: 'SELF_MANAGED', value: 'custom/Old' } });
      assert.equal((await rejection(register({ PermissionModel: 'SERVICE_MANAGED' }))).name, 'AlreadyExistsException');
    });

    it('Overwrite: true replaces the role and the model', async () => {
      await createRole('First', '/');
      await register({ PermissionModel: 'SELF_MANAGED', RoleArn: `arn:aws:iam::${ACCOUNT}:role/First` });
      assert.equal((await register({ PermissionModel: 'SERVICE_MANAGED', Overwrite: true })).RoleArn, SERVICE_ROLE_ARN);
      assert.equal((await setting()).SettingValue, SERVICE_VALUE);
      assert.ok(await role(ROLE));
      assert.deepEqual(await emu.dhmc(), { 'us-east-1': { model: 'SERVICE_MANAGED', value: SERVICE_VALUE } });
      await deregister();
      assert.equal(await role(ROLE), undefined, 'registered SERVICE_MANAGED by the overwrite: its role goes on Deregister');
      assert.ok(await role('First'));
    });
  });

  it('Deregister where DHMC is not registered: a success that changes nothing', async () => {
    await createRole(ROLE, '/service-role/');
    await deregister();
    await assertNotRegistered();
    assert.ok(await role(ROLE), 'a role of that name that no Region registered is not deleted');
  });

  describe('faults, per Region and operation', () => {
    it('a default ssm fault (no operations) of one Region refuses both operations there, before anything is created', async () => {
      await emu.fault({ region: 'eu-west-3', kind: 'AccessDenied' });
      const err = await rejection(register({ PermissionModel: 'SERVICE_MANAGED' }, 'eu-west-3'));
      assert.equal(err.name, 'AccessDeniedException');
      assert.match(err.message, /ssm:RegisterDefaultHostManagementConfiguration/);
      assert.equal(await role(ROLE), undefined, 'refused before the store: no role');
      assert.equal((await rejection(deregister('eu-west-3'))).name, 'AccessDeniedException');
      await register({ PermissionModel: 'SERVICE_MANAGED' }, 'eu-west-1');
      assert.equal((await setting('eu-west-1')).SettingValue, SERVICE_VALUE);
      const stats = await emu.stats();
      assert.deepEqual(stats.services.ssm?.RegisterDefaultHostManagementConfiguration, { received: 2, committed: 1 });
    });

    it('a fault naming Deregister leaves Register alone; Throttling there leaves the role and the setting', async () => {
      await emu.fault({ operations: ['DeregisterDefaultHostManagementConfiguration'], kind: 'Throttling' });
      await register({ PermissionModel: 'SERVICE_MANAGED' });
      const err = await rejection(deregister());
      assert.equal(err.name, 'ThrottlingException');
      assert.ok(await role(ROLE));
      assert.equal((await setting()).SettingValue, SERVICE_VALUE);
    });

    it('InternalErrorAfterCommit on Register: a 500, and the role and the setting are there', async () => {
      await emu.fault({ operations: ['RegisterDefaultHostManagementConfiguration'], kind: 'InternalErrorAfterCommit', count: 1 });
      const err = await rejection(register({ PermissionModel: 'SERVICE_MANAGED' }));
      assert.equal(err.name, 'InternalServerError');
      assert.equal(err.$metadata?.httpStatusCode, 500);
      assert.ok(await role(ROLE));
      assert.equal((await setting()).SettingValue, SERVICE_VALUE);
      await register({ PermissionModel: 'SERVICE_MANAGED' });
    });
  });
});
