/**
 * One change of a DHMC plan through the DHMC API, over HTTP (the real adapter, the SSM emulator, moto): Register and
 * Deregister where the Region offers them, the setting calls where it does not (and the result says so), the
 * service-managed role set up before the fallback, and a lost answer settled by reading the setting back.
 */
import * as assert from 'node:assert/strict';
import { CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { applyDhmcChange } from '../../../src/core/dhmc/apply-change';
import { dhmcRegionStatus } from '../../../src/core/dhmc/region-status';
import { describeResults, planDisable, planEnable } from '../../../src/core/dhmc/plan';
import { DEFAULT_DHMC_ROLE, DHMC_NONE } from '../../../src/core/dhmc/role-value';
import { DHMC_ROLE_NAME, DHMC_SETTING_ID } from '../../../src/core/ssm/dhmc';
import { useEmulators, useFaultClients } from '../aws/emulators';

const ACCOUNT = '123456789012';
/** A Region's status as the DHMC view reads it, with this setting value. */
const status = (region: string, value: string) => dhmcRegionStatus(region, { setting: { id: DHMC_SETTING_ID, value, status: value === DHMC_NONE ? 'Default' : 'Customized' } });

describe('core/dhmc/apply-change: Register/Deregister, and the setting calls where a Region lacks them (over HTTP)', function () {
  this.timeout(60_000);
  const emulators = useEmulators();
  const clients = useFaultClients(emulators, { reset: true });
  const value = async (region: string): Promise<string> => (await clients().port.getServiceSetting({ region }, DHMC_SETTING_ID)).value;
  const roleExists = (): Promise<boolean> =>
    clients().moto.send(new GetRoleCommand({ RoleName: DHMC_ROLE_NAME })).then(
      () => true,
      () => false,
    );
  const unknownOperation = (region: string, operation: string): Promise<unknown> => emulators().addFault({ kind: 'UnknownOperation', region, operations: [operation] });

  it('SERVICE_MANAGED: Register creates the role and turns DHMC on; Deregister turns it off and deletes the role', async () => {
    const [change] = planEnable(['eu-west-1'], [status('eu-west-1', DHMC_NONE)], DEFAULT_DHMC_ROLE.value, { model: 'SERVICE_MANAGED' }).changes;
    assert.deepEqual(change?.api, { model: 'SERVICE_MANAGED' }, 'from off: no Overwrite');
    const result = await applyDhmcChange(clients().port, { region: 'eu-west-1' }, change!);
    assert.deepEqual([result.ok, result.outcome, result.via, result.message], [true, 'applied', 'api', 'applied']);
    assert.equal(await value('eu-west-1'), DEFAULT_DHMC_ROLE.value);
    assert.equal((await emulators().dhmc())['eu-west-1']?.model, 'SERVICE_MANAGED');
    assert.ok(await roleExists(), 'Systems Manager created the role');

    const [off] = planDisable(['eu-west-1'], {}, true).changes;
    const back = await applyDhmcChange(clients().port, { region: 'eu-west-1' }, off!);
    assert.deepEqual([back.ok, back.via], [true, 'api']);
    assert.equal(await value('eu-west-1'), DHMC_NONE);
    assert.equal(await roleExists(), false, 'Systems Manager deleted the role it managed');
  });

  it('SELF_MANAGED over another role sends Overwrite and registers the ARN', async () => {
    await emulators().seed({ region: 'us-east-1', settingId: DHMC_SETTING_ID, value: 'ops/OldRole' });
    await clients().moto.send(
      new CreateRoleCommand({
        RoleName: 'Mine',
        Path: '/ops/',
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
      }),
    );
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/ops/Mine`;
    const plan = planEnable(['us-east-1'], [status('us-east-1', 'ops/OldRole')], 'ops/Mine', { model: 'SELF_MANAGED', roleArn });
    assert.deepEqual(plan.changes[0]?.api, { model: 'SELF_MANAGED', roleArn, overwrite: true });
    const result = await applyDhmcChange(clients().port, { region: 'us-east-1' }, plan.changes[0]!);
    assert.deepEqual([result.ok, result.via], [true, 'api'], JSON.stringify(result));
    assert.equal(await value('us-east-1'), 'ops/Mine');
    assert.deepEqual((await emulators().dhmc())['us-east-1'], { model: 'SELF_MANAGED', value: 'ops/Mine' });
  });

  it('a Region without Register: the setting is updated instead, after the role is set up, and the result says so', async () => {
    await unknownOperation('eu-west-3', 'RegisterDefaultHostManagementConfiguration');
    const [change] = planEnable(['eu-west-3'], {}, DEFAULT_DHMC_ROLE.value, { model: 'SERVICE_MANAGED' }).changes;
    let setUp = 0;
    const result = await applyDhmcChange(clients().port, { region: 'eu-west-3' }, change!, {
      beforeFallback: async () => {
        setUp++;
        return undefined;
      },
    });
    assert.equal(setUp, 1);
    assert.deepEqual([result.ok, result.outcome, result.via], [true, 'applied', 'setting']);
    assert.equal(result.message, 'RegisterDefaultHostManagementConfiguration is not available in this Region; used UpdateServiceSetting instead: applied');
    assert.equal(await value('eu-west-3'), DEFAULT_DHMC_ROLE.value);
    assert.equal((await emulators().dhmc())['eu-west-3']?.model, 'SELF_MANAGED', 'the setting call records no service-managed registration');
    assert.match(describeResults('enable', [result]), /^Enabled in eu-west-3\.\neu-west-3: RegisterDefaultHostManagementConfiguration is not available in this Region; used UpdateServiceSetting instead: applied$/);
    const stats = await emulators().stats();
    assert.equal(stats.services.ssm?.RegisterDefaultHostManagementConfiguration?.committed ?? 0, 0);
    assert.equal(stats.services.ssm?.UpdateServiceSetting?.committed, 1);
  });

  it('a fallback the role set-up refuses leaves the Region unchanged and says why', async () => {
    await unknownOperation('eu-west-3', 'RegisterDefaultHostManagementConfiguration');
    const [change] = planEnable(['eu-west-3'], {}, DEFAULT_DHMC_ROLE.value, { model: 'SERVICE_MANAGED' }).changes;
    const result = await applyDhmcChange(clients().port, { region: 'eu-west-3' }, change!, { beforeFallback: async () => 'Could not create the role.' });
    assert.deepEqual([result.ok, result.outcome, result.via], [false, 'notApplied', 'setting']);
    assert.match(result.message ?? '', /could not be used instead: Could not create the role\.$/);
    assert.equal(await value('eu-west-3'), DHMC_NONE);
  });

  it('a Region without Deregister: the setting is reset instead', async () => {
    await emulators().seed({ region: 'eu-west-3', settingId: DHMC_SETTING_ID, value: DEFAULT_DHMC_ROLE.value });
    await unknownOperation('eu-west-3', 'DeregisterDefaultHostManagementConfiguration');
    const [change] = planDisable(['eu-west-3'], {}, true).changes;
    const result = await applyDhmcChange(clients().port, { region: 'eu-west-3' }, change!);
    assert.deepEqual([result.ok, result.via], [true, 'setting']);
    assert.match(result.message ?? '', /^DeregisterDefaultHostManagementConfiguration is not available in this Region; used ResetServiceSetting instead: applied$/);
    assert.equal(await value('eu-west-3'), DHMC_NONE);
  });

  it('Register whose answers are all lost (the retries too) is settled by reading the setting back: applied', async () => {
    await emulators().addFault({ kind: 'ResponseLost', region: 'ap-south-1', operations: ['RegisterDefaultHostManagementConfiguration'] });
    const [change] = planEnable(['ap-south-1'], {}, DEFAULT_DHMC_ROLE.value, { model: 'SERVICE_MANAGED' }).changes;
    const result = await applyDhmcChange(clients().port, { region: 'ap-south-1' }, change!);
    assert.deepEqual([result.ok, result.outcome, result.via], [true, 'applied', 'api'], JSON.stringify(result));
    assert.match(result.message ?? '', /^applied \(the response was lost/);
    assert.equal(await value('ap-south-1'), DEFAULT_DHMC_ROLE.value);
  });

  it('AccessDenied on Register is not applied and does not fall back', async () => {
    await emulators().addFault({ kind: 'AccessDenied', region: 'ap-south-1', operations: ['RegisterDefaultHostManagementConfiguration'] });
    const [change] = planEnable(['ap-south-1'], {}, DEFAULT_DHMC_ROLE.value, { model: 'SERVICE_MANAGED' }).changes;
    const result = await applyDhmcChange(clients().port, { region: 'ap-south-1' }, change!, { beforeFallback: async () => assert.fail('no fallback after AccessDenied') });
    assert.deepEqual([result.ok, result.outcome, result.via, result.error?.kind], [false, 'notApplied', 'api', 'accessDenied']);
    assert.equal(await value('ap-south-1'), DHMC_NONE);
  });
});
