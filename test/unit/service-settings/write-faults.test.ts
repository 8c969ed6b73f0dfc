/**
 * The fault-injection matrix of the service-setting writes (Enable/Disable DHMC, Edit/Reset of a setting): each
 * fault × UpdateServiceSetting / ResetServiceSetting through the real adapter over HTTP, asserting the setting the
 * emulator holds afterwards and the outcome and message changeSetting reports.
 */
import * as assert from 'node:assert/strict';
import { createAwsAdapter, type AwsAdapter } from '../../../src/aws/adapter';
import { changeSetting, type SettingChange, type SettingWriteResult } from '../../../src/core/service-settings/write';
import type { EmulatorFault } from '../../../scripts/emulators/start';
import { useEmulators } from '../aws/emulators';

const REGION = 'eu-west-1';
const DHMC_ID = '/ssm/managed-instance/default-ec2-instance-management-role';
const ROLE = 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole';
const LABEL = 'Default Host Management Configuration';

type Op = 'UpdateServiceSetting' | 'ResetServiceSetting';

interface Case {
  name: string;
  fault: Omit<EmulatorFault, 'service' | 'operations' | 'region'>;
  /** The value the emulator holds afterwards: `new` (the change landed) or `old`. */
  finalValue: 'new' | 'old';
  outcome: SettingWriteResult['outcome'];
  message: RegExp;
  /** Requests the emulator received / executed for the write. */
  stats?: { received?: number; committed: number };
}

const CASES: Case[] = [
  { name: 'ResponseLost once (the adapter sends the idempotent write again)', fault: { kind: 'ResponseLost', count: 1 }, finalValue: 'new', outcome: 'applied', message: /^applied$/, stats: { received: 2, committed: 2 } },
  {
    name: 'ResponseLost every time (the read-back finds the change)',
    fault: { kind: 'ResponseLost' },
    finalValue: 'new',
    outcome: 'applied',
    message: /^applied \(the response was lost; the setting (shows the new value|is back to its default)\)$/,
    stats: { received: 3, committed: 3 },
  },
  { name: 'TimeoutAfterCommit 4 s once (timed out at 1.5 s, sent again)', fault: { kind: 'TimeoutAfterCommit', ms: 4_000, count: 1 }, finalValue: 'new', outcome: 'applied', message: /^applied$/, stats: { committed: 2 } },
  {
    name: 'TimeoutAfterCommit 4 s every time (the read-back finds the change)',
    fault: { kind: 'TimeoutAfterCommit', ms: 4_000 },
    finalValue: 'new',
    outcome: 'applied',
    message: /^applied \(the call timed out; the setting (shows the new value|is back to its default)\)$/,
    stats: { committed: 3 },
  },
  { name: 'AccessDenied', fault: { kind: 'AccessDenied' }, finalValue: 'old', outcome: 'notApplied', message: /^not applied: Access denied/i, stats: { received: 1, committed: 0 } },
  { name: 'Throttling once (sent again)', fault: { kind: 'Throttling', count: 1 }, finalValue: 'new', outcome: 'applied', message: /^applied$/, stats: { received: 2, committed: 1 } },
  { name: 'Throttling every time', fault: { kind: 'Throttling' }, finalValue: 'old', outcome: 'notApplied', message: /^not applied: .*(throttl|rate)/i, stats: { received: 3, committed: 0 } },
  { name: 'InternalError before commit once (sent again)', fault: { kind: 'InternalError', count: 1 }, finalValue: 'new', outcome: 'applied', message: /^applied$/, stats: { received: 2, committed: 1 } },
  {
    name: 'InternalError before commit every time (the read-back shows the old value)',
    fault: { kind: 'InternalError' },
    finalValue: 'old',
    outcome: 'notApplied',
    message: /^not applied: .* The setting still shows the old value\.$/,
    stats: { received: 3, committed: 0 },
  },
];

describe('service-settings/write: the fault matrix of UpdateServiceSetting and ResetServiceSetting (over HTTP)', function () {
  this.timeout(60_000);
  const emulators = useEmulators();
  let port: AwsAdapter;

  beforeEach(async () => {
    await emulators().reset({ moto: false });
    port = createAwsAdapter({ requestTimeoutMs: 1_500, writeBackoffMs: 20 });
  });
  afterEach(() => port.dispose());

  const held = async (): Promise<string | undefined> => (await emulators().state())[REGION]?.[DHMC_ID]?.SettingValue;

  const setups: Record<Op, { change: SettingChange; before: () => Promise<void>; oldValue: string | undefined; newValue: string }> = {
    UpdateServiceSetting: { change: { settingId: DHMC_ID, operation: 'update', value: ROLE }, before: async () => undefined, oldValue: undefined, newValue: ROLE },
    ResetServiceSetting: {
      change: { settingId: DHMC_ID, operation: 'reset', defaultValue: '$None' },
      before: async () => void (await emulators().seed({ region: REGION, settingId: DHMC_ID, value: 'service-role/Old', status: 'Customized' })),
      oldValue: 'service-role/Old',
      newValue: '$None',
    },
  };

  for (const op of ['UpdateServiceSetting', 'ResetServiceSetting'] as const) {
    for (const c of CASES) {
      it(`${op} × ${c.name}: ${c.outcome}, the setting holds the ${c.finalValue} value`, async () => {
        const setup = setups[op];
        await setup.before();
        await emulators().fault({ ...c.fault, service: 'ssm', region: REGION, operations: [op] });
        const result = await changeSetting(port, { region: REGION }, setup.change, { label: LABEL });
        await emulators().clearFaults();
        assert.equal(result.outcome, c.outcome, JSON.stringify(result));
        assert.match(result.message, c.message);
        assert.equal(await held(), c.finalValue === 'new' ? setup.newValue : setup.oldValue);
        const stats = (await emulators().stats()).services.ssm?.[op];
        if (c.stats?.received !== undefined) assert.equal(stats?.received, c.stats.received, JSON.stringify(stats));
        if (c.stats) assert.equal(stats?.committed ?? 0, c.stats.committed, JSON.stringify(stats));
        if (c.outcome === 'applied' && c.message.source !== '^applied$') assert.equal(result.readBack?.value, setup.newValue, 'read back');
      });
    }

    it(`${op} × a commit later than the write's timeout: outcome unknown, and the change lands a moment later`, async () => {
      const setup = setups[op];
      await setup.before();
      await emulators().fault({ kind: 'DelayedCommit', ms: 2_000, service: 'ssm', region: REGION, operations: [op], count: 1 });
      const result = await changeSetting(port, { region: REGION }, setup.change, { label: LABEL, timeoutMs: 700 });
      assert.equal(result.outcome, 'unknown', JSON.stringify(result));
      assert.equal(result.error?.reason, 'timeout');
      assert.equal(
        result.message,
        `outcome unknown: the call timed out and the setting still shows the old value; it may change in a moment — check ${LABEL} in ${REGION} again.`,
      );
      assert.equal(await held(), setup.oldValue, 'not yet');
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      assert.equal(await held(), setup.newValue, 'landed later');
    });
  }

  it('an unreadable read-back leaves the outcome unknown and says what to check', async () => {
    await emulators().fault([
      { kind: 'ResponseLost', service: 'ssm', region: REGION, operations: ['UpdateServiceSetting'] },
      { kind: 'AccessDenied', service: 'ssm', region: REGION, operations: ['GetServiceSetting'] },
    ]);
    const result = await changeSetting(port, { region: REGION }, setups.UpdateServiceSetting.change, { label: LABEL });
    assert.equal(result.outcome, 'unknown');
    assert.equal(result.readError?.kind, 'accessDenied');
    assert.match(result.message, /^outcome unknown: .* The setting could not be read back \(.*\); check Default Host Management Configuration in eu-west-1\.$/);
  });
});
