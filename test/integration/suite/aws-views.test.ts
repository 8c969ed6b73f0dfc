/**
 * The DHMC and service-settings views and their commands, end to end: the real extension, the real SDK, over HTTP to
 * the local emulators (moto_server + the project's SSM service-setting endpoint), which this suite starts itself as
 * a child process (`node --import tsx scripts/emulators/start.ts --json`) and points the extension host at through the
 * standard AWS_* variables. Modal confirmations cannot be clicked from the extension host: the suite swaps in
 * answering prompts through `awsViews.useUi` of the test API (activate() returns it in extension mode Test only)
 * and asserts on the text they were shown.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as vscode from 'vscode';
import { DescribeImagesCommand, DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { AttachRolePolicyCommand, CreateRoleCommand, DeleteRoleCommand, DetachRolePolicyCommand, GetRoleCommand, IAMClient, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import type { AwsViewsTestApi, ExtensionApi } from '../../../src/extension-api';
import type { ConfirmText } from '../../../src/features/connection/ui';
import type { DhmcCommandResult, ReadinessFixResult } from '../../../src/features/dhmc';
import type { SettingCommandResult } from '../../../src/features/service-settings';

const EXTENSION_ID = 'ssm-policy-studio.ssm-policy-studio';
const DHMC_ID = '/ssm/managed-instance/default-ec2-instance-management-role';
const DEFAULT_ROLE = 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole';
const TIER_ID = '/ssm/parameter-store/default-parameter-tier';
/** eu-central-1 is denied; il-central-1 and me-south-1 are opt-in Regions the emulated account has not enabled. */
const REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'il-central-1', 'me-south-1'];
const DEFAULT_POLICY_ARN = 'arn:aws:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy';
const ROLE_NAME = 'AWSSystemsManagerDefaultEC2InstanceManagementRole';

interface EmulatorInfo {
  motoUrl: string;
  ssmUrl: string;
  env: Record<string, string>;
  unset: string[];
}

interface StoredSetting {
  SettingValue: string;
  Status: string;
}

/** Starts the emulators as a child process and resolves with the JSON line it prints once both servers listen. */
function startEmulators(root: string): Promise<{ child: ChildProcessWithoutNullStreams; info: EmulatorInfo }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'emulators', 'start.ts'), '--json'], { cwd: root, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => reject(new Error(`the emulators exited (${code}) before they were ready:\n${stderr.slice(-2000)}`)));
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      try {
        resolve({ child, info: JSON.parse(line) as EmulatorInfo });
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}

describe('AWS views (DHMC and service settings, against the emulators)', function () {
  this.timeout(120_000);
  let api: AwsViewsTestApi;
  let emulators: { child: ChildProcessWithoutNullStreams; info: EmulatorInfo } | undefined;
  const savedEnv = new Map<string, string | undefined>();
  let prompts: vscode.Disposable | undefined;
  let confirmations: ConfirmText[] = [];
  let messages: { level: 'info' | 'warn' | 'error'; text: string }[] = [];
  let answer = true;

  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(new URL(path, emulators!.info.ssmUrl), {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const value = (await res.json()) as T;
    assert.ok(res.ok, `${method} ${path}: HTTP ${res.status} ${JSON.stringify(value)}`);
    return value;
  };
  const iamClient = (): IAMClient => new IAMClient({ region: 'us-east-1', endpoint: emulators!.info.motoUrl, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  /** Every text the user saw: confirmations and messages. */
  const shownTexts = (): string[] => [...confirmations.flatMap((c) => [c.message, c.detail]), ...messages.map((m) => m.text)];
  const treeTexts = async (): Promise<string[]> => {
    const out: string[] = [];
    for (const group of await api.dhmc.getChildren()) {
      for (const node of [group, ...(await api.dhmc.getChildren(group))]) {
        const item = api.dhmc.getTreeItem(node);
        out.push(String(item.label), String(item.description ?? ''), item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? ''));
      }
    }
    return out;
  };
  const stored = async (region: string, id: string): Promise<StoredSetting | undefined> =>
    (await control<Record<string, Record<string, StoredSetting>>>('GET', '/_control/state'))[region]?.[id];

  before(async function () {
    this.timeout(180_000);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    const exported = (await ext.activate()) as ExtensionApi | undefined;
    assert.ok(exported?.awsViews, 'activate() returns the test API in extension mode Test (src/extension-api.ts)');
    api = exported.awsViews;

    emulators = await startEmulators(ext.extensionPath);
    for (const key of [...emulators.info.unset, ...Object.keys(emulators.info.env)]) savedEnv.set(key, process.env[key]);
    for (const key of emulators.info.unset) delete process.env[key];
    Object.assign(process.env, emulators.info.env);

    await control('POST', '/_control/reset');
    await control('POST', '/_control/seed', { region: 'us-east-1', settingId: DHMC_ID, value: DEFAULT_ROLE, lastModifiedUser: 'arn:aws:sts::123456789012:assumed-role/Admin/alice' });
    await control('POST', '/_control/faults', { region: 'eu-central-1', kind: 'AccessDenied' });

    const config = vscode.workspace.getConfiguration('ssmPolicy.aws');
    await config.update('profile', undefined, vscode.ConfigurationTarget.Global);
    await config.update('regions', REGIONS, vscode.ConfigurationTarget.Global);

    prompts = api.useUi({
      confirm: async (text) => {
        confirmations.push(text);
        return answer;
      },
      info: (text) => void messages.push({ level: 'info', text }),
      warn: (text) => void messages.push({ level: 'warn', text }),
      error: (text) => void messages.push({ level: 'error', text }),
    });
    api.session.invalidate();
  });

  beforeEach(() => {
    confirmations = [];
    messages = [];
    answer = true;
  });

  after(async function () {
    this.timeout(30_000);
    prompts?.dispose();
    await vscode.workspace.getConfiguration('ssmPolicy.aws').update('regions', undefined, vscode.ConfigurationTarget.Global);
    for (const [key, value] of savedEnv) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    if (emulators && emulators.child.exitCode === null) {
      const exited = new Promise((resolve) => emulators!.child.once('exit', resolve));
      emulators.child.kill('SIGTERM');
      await exited;
    }
  });

  it('shows the account and every Region of the setting with its DHMC status; one denied Region does not blank the others', async () => {
    await vscode.commands.executeCommand('ssmPolicy.refreshDhmc');
    const identity = await api.session.identity();
    assert.ok(identity.ok, JSON.stringify(identity));
    assert.equal(identity.identity.account, '123456789012');

    const statuses = api.dhmc.snapshot();
    assert.deepEqual([...statuses.keys()], ['eu-central-1', 'eu-west-1', 'il-central-1', 'me-south-1', 'us-east-1']);
    const east = statuses.get('us-east-1');
    assert.equal(east?.kind, 'enabled');
    assert.equal(east?.kind === 'enabled' && east.value, DEFAULT_ROLE);
    assert.equal(statuses.get('eu-west-1')?.kind, 'disabled');
    assert.equal(statuses.get('eu-central-1')?.kind, 'denied');

    // Grouped by state, the enabled ones first; the Regions not opted in folded into one collapsed group.
    const groups = await api.dhmc.getChildren();
    const groupItems = groups.map((n) => api.dhmc.getTreeItem(n));
    assert.deepEqual(
      groupItems.map((i) => [i.label, i.collapsibleState]),
      [
        ['Enabled (1)', vscode.TreeItemCollapsibleState.Expanded],
        ['Off (1)', vscode.TreeItemCollapsibleState.Expanded],
        ['Access denied (1)', vscode.TreeItemCollapsibleState.Expanded],
        ['Not enabled in this account (2)', vscode.TreeItemCollapsibleState.Collapsed],
      ],
    );
    const rows = [];
    for (const g of groups) rows.push(...(await api.dhmc.getChildren(g)).map((n) => api.dhmc.getTreeItem(n)));
    assert.deepEqual(
      rows.map((i) => [i.label, i.contextValue]),
      [
        ['us-east-1', 'dhmcEnabled'],
        ['eu-west-1', 'dhmcDisabled'],
        ['eu-central-1', 'dhmcDenied'],
        ['il-central-1', 'dhmcNotOptedIn'],
        ['me-south-1', 'dhmcNotOptedIn'],
      ],
    );
    assert.ok((await treeTexts()).every((t) => !t.includes('$None')), 'no $None in the rows');
    const tooltip = rows[0]!.tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString && !tooltip.isTrusted, 'tooltips are Markdown, not trusted');
    assert.match(tooltip.value, /alice/);
  });

  it('Enable DHMC creates the default role as the docs do (after confirming it) and turns DHMC on', async () => {
    const result = await vscode.commands.executeCommand<DhmcCommandResult>('ssmPolicy.enableDhmc', { regions: ['eu-west-1', 'eu-central-1'], role: DEFAULT_ROLE });
    assert.equal(confirmations.length, 1);
    const [confirmation] = confirmations;
    assert.match(confirmation!.message, /eu-west-1/);
    assert.match(confirmation!.detail, /\/service-role\//);
    assert.match(confirmation!.detail, /AmazonSSMManagedEC2InstanceDefaultPolicy/);
    assert.match(confirmation!.detail, /ssm\.amazonaws\.com/);
    assert.match(confirmation!.detail, /eu-central-1: skipped, access denied/);
    // The account, the profile and every call, the trust policy of the new role included.
    assert.match(confirmation!.detail, /^Account 123456789012 · profile default credentials$/m);
    assert.match(confirmation!.detail, new RegExp(`^iam:CreateRole ${ROLE_NAME} \\(path /service-role/\\) with this trust policy:\n\\{\n[\\s\\S]*"Service": "ssm\\.amazonaws\\.com"[\\s\\S]*?\n\\}$`, 'm'));
    assert.match(confirmation!.detail, new RegExp(`^iam:AttachRolePolicy ${DEFAULT_POLICY_ARN} to ${ROLE_NAME}$`, 'm'));
    // Through the DHMC API, with the role's ARN (a role given by name is self-managed), and what happens without it.
    assert.match(confirmation!.detail, new RegExp(`^ssm:RegisterDefaultHostManagementConfiguration PermissionModel=SELF_MANAGED RoleArn=arn:aws:iam::123456789012:role/${DEFAULT_ROLE} in eu-west-1 \\(now off\\)$`, 'm'));
    assert.match(confirmation!.detail, new RegExp(`^Where a Region does not offer this API: ssm:UpdateServiceSetting default-ec2-instance-management-role = ${DEFAULT_ROLE} instead`, 'm'));
    assert.match(confirmation!.detail, /every EC2 instance in this Region /, 'one Region: singular');
    assert.ok(shownTexts().every((t) => !t.includes('$None')), JSON.stringify(shownTexts()));
    assert.ok(result?.confirmed);
    assert.equal(result.roleCreated, true);
    assert.deepEqual(result.results, [{ region: 'eu-west-1', ok: true, outcome: 'applied', message: 'applied', via: 'api' }]);
    assert.deepEqual((await control<Record<string, unknown>>('GET', '/_control/dhmc'))['eu-west-1'], { model: 'SELF_MANAGED', value: DEFAULT_ROLE });

    assert.equal((await stored('eu-west-1', DHMC_ID))?.SettingValue, DEFAULT_ROLE);
    const role = await api.session.port.getRole(await api.session.homeTarget(), 'AWSSystemsManagerDefaultEC2InstanceManagementRole');
    assert.equal(role?.path, '/service-role/');
    assert.match(role?.trustPolicy ?? '', /ssm\.amazonaws\.com/);
    const status = api.dhmc.snapshot().get('eu-west-1');
    assert.equal(status?.kind, 'enabled', 'the Region was refreshed after the change');
    assert.ok(messages.some((m) => m.level === 'info' && /eu-west-1/.test(m.text)), JSON.stringify(messages));
  });

  it('refuses an existing role whose trust policy does not trust Systems Manager, before any change', async () => {
    const iam = new IAMClient({ region: 'us-east-1', endpoint: emulators!.info.motoUrl, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    await iam.send(new CreateRoleCommand({ RoleName: 'Ec2OnlyRole', Path: '/', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'Ec2OnlyRole', PolicyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy' }));
    iam.destroy();

    const before = await stored('us-east-1', DHMC_ID);
    const result = await vscode.commands.executeCommand<DhmcCommandResult>('ssmPolicy.enableDhmc', { regions: ['us-east-1'], role: 'Ec2OnlyRole' });
    assert.equal(result?.confirmed, false);
    assert.equal(confirmations.length, 0, 'no confirmation: the role was refused first');
    assert.ok(messages.some((m) => m.level === 'error' && /ssm\.amazonaws\.com/.test(m.text)), JSON.stringify(messages));
    assert.deepEqual(await stored('us-east-1', DHMC_ID), before);
  });

  it('Disable DHMC changes nothing when the confirmation is declined', async () => {
    answer = false;
    const result = await vscode.commands.executeCommand<DhmcCommandResult>('ssmPolicy.disableDhmc', 'us-east-1');
    assert.equal(confirmations.length, 1);
    assert.equal(result?.confirmed, false);
    assert.equal((await stored('us-east-1', DHMC_ID))?.SettingValue, DEFAULT_ROLE);
  });

  it('Disable DHMC resets the setting after a confirmation that names the Regions and what stops being managed', async () => {
    const result = await vscode.commands.executeCommand<DhmcCommandResult>('ssmPolicy.disableDhmc', { regions: ['us-east-1', 'eu-west-1'] });
    const [confirmation] = confirmations;
    assert.match(confirmation!.message, /2 Regions \(eu-west-1, us-east-1\)/);
    assert.match(confirmation!.detail, /stop being managed/);
    assert.match(confirmation!.detail, /^Account 123456789012 · profile default credentials$/m);
    assert.match(confirmation!.detail, new RegExp(`^ssm:DeregisterDefaultHostManagementConfiguration in us-east-1 \\(back to off; now ${DEFAULT_ROLE}\\)$`, 'm'));
    assert.match(confirmation!.detail, /deregistering deletes that role once no Region uses it/, 'the default role may be one Systems Manager manages');
    assert.ok(result?.confirmed);
    assert.deepEqual(result.results.map((r) => [r.region, r.ok]), [
      ['eu-west-1', true],
      ['us-east-1', true],
    ]);
    for (const region of ['us-east-1', 'eu-west-1']) {
      const setting = await stored(region, DHMC_ID);
      assert.ok(!setting || setting.SettingValue === '$None', `${region}: ${JSON.stringify(setting)}`);
      assert.equal(api.dhmc.snapshot().get(region)?.kind, 'disabled');
    }
    assert.ok(shownTexts().every((t) => !t.includes('$None')), JSON.stringify(shownTexts()));
    assert.ok((await treeTexts()).every((t) => !t.includes('$None')), 'no $None in the rows');
  });

  it('the Enable picker offers only the Regions where something can change, and counts the others', async () => {
    let offered: string[] = [];
    let title = '';
    const picker = api.useUi({
      pickMany: async (items, options) => {
        offered = items.map((i) => String(i.label));
        title = `${options.title ?? ''} | ${options.placeHolder ?? ''}`;
        return undefined;
      },
    });
    try {
      await vscode.commands.executeCommand('ssmPolicy.enableDhmc', { role: DEFAULT_ROLE });
    } finally {
      picker.dispose();
    }
    assert.deepEqual(offered, ['eu-west-1', 'us-east-1']);
    assert.match(title, /3 Regions left out: 1 access denied, 2 not enabled in this account/);
  });

  it('Enable repairs the default role left without its policy: the confirmation lists AttachRolePolicy', async () => {
    const iam = iamClient();
    try {
      await iam.send(new DetachRolePolicyCommand({ RoleName: ROLE_NAME, PolicyArn: DEFAULT_POLICY_ARN }));
      const result = await vscode.commands.executeCommand<DhmcCommandResult>('ssmPolicy.enableDhmc', { regions: ['eu-west-1'], role: DEFAULT_ROLE });
      assert.equal(confirmations.length, 1);
      assert.match(confirmations[0]!.detail, /lacks the permissions the SSM Agent needs \(ssm:UpdateInstanceInformation/);
      assert.match(confirmations[0]!.detail, new RegExp(`^iam:AttachRolePolicy ${DEFAULT_POLICY_ARN} to ${ROLE_NAME}$`, 'm'));
      assert.equal(result?.roleRepaired, true, JSON.stringify({ result, messages }));
      const attached = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: ROLE_NAME }))).AttachedPolicies ?? [];
      assert.deepEqual(attached.map((p) => p.PolicyArn), [DEFAULT_POLICY_ARN]);
      assert.equal((await stored('eu-west-1', DHMC_ID))?.SettingValue, DEFAULT_ROLE);
    } finally {
      iam.destroy();
    }
  });

  it('Enable refuses another role without the permissions, naming the missing actions', async () => {
    const iam = iamClient();
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    await iam.send(new CreateRoleCommand({ RoleName: 'BareRole', Path: '/', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    iam.destroy();
    const before = await stored('us-east-1', DHMC_ID);
    const result = await vscode.commands.executeCommand<DhmcCommandResult>('ssmPolicy.enableDhmc', { regions: ['us-east-1'], role: 'BareRole' });
    assert.equal(result?.confirmed, false);
    assert.equal(confirmations.length, 0);
    assert.match(result?.refused ?? '', /^The role BareRole does not allow what the SSM Agent needs \(ssm:UpdateInstanceInformation, ssmmessages:CreateControlChannel, ssmmessages:OpenControlChannel\)/);
    assert.ok(messages.some((m) => m.level === 'error' && m.text === result?.refused), JSON.stringify(messages));
    assert.deepEqual(await stored('us-east-1', DHMC_ID), before);
  });

  it('refreshes one Region on its own', async () => {
    await control('POST', '/_control/seed', { region: 'eu-west-1', settingId: DHMC_ID, value: DEFAULT_ROLE });
    await vscode.commands.executeCommand('ssmPolicy.refreshDhmcRegion', api.dhmc.node('eu-west-1'));
    assert.equal(api.dhmc.snapshot().get('eu-west-1')?.kind, 'enabled');
    assert.equal(api.dhmc.snapshot().get('us-east-1')?.kind, 'disabled');
  });

  it('lists every documented setting per Region; a denied Region shows one row that explains; the Regions not opted in are folded', async () => {
    const roots = await api.settings.getChildren();
    assert.deepEqual(
      roots.map((n) => (n.kind === 'region' ? n.region : n.kind)),
      ['eu-central-1', 'eu-west-1', 'us-east-1', 'notOptedIn'],
    );
    const folded = api.settings.getTreeItem(roots[3]!);
    assert.deepEqual([folded.label, folded.collapsibleState], ['Not enabled in this account (2)', vscode.TreeItemCollapsibleState.Collapsed]);
    assert.deepEqual((await api.settings.getChildren(roots[3])).map((n) => n.kind === 'region' && n.region), ['il-central-1', 'me-south-1']);
    const rows = await api.settings.rowsOf('us-east-1');
    const tier = rows.find((r) => r.settingId === TIER_ID);
    assert.ok(tier, rows.map((r) => r.settingId).join(', '));
    assert.equal(tier.contextValue, 'serviceSettingDefault');
    const denied = await api.settings.getChildren(roots[0]);
    assert.equal(denied.length, 1, 'one row for the denied Region');
    const row = api.settings.getTreeItem(denied[0]!);
    assert.match(String(row.label), /Access denied: ssm:GetServiceSetting/);
    assert.match(String(row.description), /^every setting of this Region: /);
    assert.ok(row.tooltip instanceof vscode.MarkdownString);
    const dhmcRow = (await api.settings.rowsOf('us-east-1')).find((r) => r.settingId === DHMC_ID);
    assert.ok(dhmcRow && !dhmcRow.description.includes('$None') && !dhmcRow.tooltip.includes('$None'), JSON.stringify(dhmcRow));
  });

  it('edits a setting after confirming (with the charge note) and resets it', async () => {
    const edited = await vscode.commands.executeCommand<SettingCommandResult>('ssmPolicy.editServiceSetting', { region: 'us-east-1', settingId: TIER_ID, value: 'Advanced' });
    assert.ok(edited?.ok, JSON.stringify({ edited, messages }));
    assert.match(confirmations[0]!.detail, /charged/);
    assert.match(confirmations[0]!.detail, /^Account 123456789012 · profile default credentials\nssm:UpdateServiceSetting \/ssm\/parameter-store\/default-parameter-tier = Advanced in us-east-1$/m);
    assert.equal((await stored('us-east-1', TIER_ID))?.SettingValue, 'Advanced');
    const row = (await api.settings.rowsOf('us-east-1')).find((r) => r.settingId === TIER_ID);
    assert.equal(row?.value, 'Advanced');
    assert.equal(row?.contextValue, 'serviceSettingCustomized');

    const reset = await vscode.commands.executeCommand<SettingCommandResult>('ssmPolicy.resetServiceSetting', { region: 'us-east-1', settingId: TIER_ID });
    assert.ok(reset?.ok);
    assert.match(confirmations[1]!.message, /Reset/);
    assert.match(confirmations[1]!.detail, /^ssm:ResetServiceSetting \/ssm\/parameter-store\/default-parameter-tier in us-east-1$/m);
    const after = (await api.settings.rowsOf('us-east-1')).find((r) => r.settingId === TIER_ID);
    assert.equal(after?.contextValue, 'serviceSettingDefault');
  });

  it('refuses a value the setting does not accept, without a call', async () => {
    const result = await vscode.commands.executeCommand<SettingCommandResult>('ssmPolicy.editServiceSetting', { region: 'us-east-1', settingId: TIER_ID, value: 'advanced' });
    assert.equal(result, undefined);
    assert.equal(confirmations.length, 0);
    assert.ok(messages.some((m) => m.level === 'error' && /case matters/.test(m.text)), JSON.stringify(messages));
  });

  it('a write that times out reports the outcome unknown, and the Region is read again until it shows the change', async function () {
    this.timeout(60_000);
    const config = vscode.workspace.getConfiguration('ssmPolicy.aws');
    await config.update('regionTimeout', 1, vscode.ConfigurationTarget.Global);
    await control('POST', '/_control/faults', { region: 'us-east-1', kind: 'DelayedCommit', ms: 3_000, operations: ['RegisterDefaultHostManagementConfiguration'], count: 1 });
    try {
      assert.equal(api.dhmc.snapshot().get('us-east-1')?.kind, 'disabled');
      const result = await vscode.commands.executeCommand<DhmcCommandResult>('ssmPolicy.enableDhmc', { regions: ['us-east-1'], role: DEFAULT_ROLE });
      assert.equal(result?.results[0]?.outcome, 'unknown', JSON.stringify(result));
      const warning = messages.find((m) => m.level === 'warn');
      assert.match(
        warning?.text ?? '',
        /^us-east-1: outcome unknown: the call timed out and the setting still shows the old value; it may change in a moment — check Default Host Management Configuration in us-east-1 again\.$/m,
        JSON.stringify(messages),
      );
      assert.equal(api.dhmc.snapshot().get('us-east-1')?.kind, 'disabled', 'read again at once: not yet');
      const deadline = Date.now() + 15_000;
      while (api.dhmc.snapshot().get('us-east-1')?.kind !== 'enabled' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      assert.equal(api.dhmc.snapshot().get('us-east-1')?.kind, 'enabled', 'the row refreshed again a few seconds later and shows the change');
      assert.equal((await stored('us-east-1', DHMC_ID))?.SettingValue, DEFAULT_ROLE);
    } finally {
      await config.update('regionTimeout', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  describe('managed nodes under each Region', () => {
    const ec2 = (region: string): EC2Client => new EC2Client({ region, endpoint: emulators!.info.motoUrl, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    /** Starts instances in moto with these metadata options and Name tags; resolves to their ids in order. */
    const launch = async (region: string, specs: { name: string; tokens: 'required' | 'optional' }[]): Promise<string[]> => {
      const client = ec2(region);
      try {
        const image = (await client.send(new DescribeImagesCommand({}))).Images?.[0]?.ImageId;
        const ids: string[] = [];
        for (const spec of specs) {
          const out = await client.send(
            new RunInstancesCommand({
              ImageId: image,
              MinCount: 1,
              MaxCount: 1,
              MetadataOptions: { HttpTokens: spec.tokens },
              TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: spec.name }] }],
            }),
          );
          ids.push(out.Instances?.[0]?.InstanceId ?? '');
        }
        return ids;
      } finally {
        client.destroy();
      }
    };
    const tokensOf = async (region: string, id: string): Promise<string | undefined> => {
      const client = ec2(region);
      try {
        const out = await client.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
        return out.Reservations?.[0]?.Instances?.[0]?.MetadataOptions?.HttpTokens;
      } finally {
        client.destroy();
      }
    };
    let web = '';
    let legacy = '';

    before(async function () {
      this.timeout(60_000);
      // DHMC on long ago in us-east-1 with the documented role; web reports through it, legacy allows IMDSv1 and never registered.
      await control('POST', '/_control/seed', { region: 'us-east-1', settingId: DHMC_ID, value: DEFAULT_ROLE, lastModifiedDate: '2026-01-01T00:00:00Z' });
      [web, legacy] = await launch('us-east-1', [
        { name: 'web', tokens: 'required' },
        { name: 'legacy', tokens: 'optional' },
      ]);
      await control('POST', '/_control/nodes', { region: 'us-east-1', nodes: [{ instanceId: web, agentVersion: '3.3.40.0' }] });
      await vscode.commands.executeCommand('ssmPolicy.refreshDhmc');
    });

    it('unfolding a Region lists its instances with one verdict each and the reasons under them; the summary shows in the row and the status bar', async () => {
      const region = api.dhmc.node('us-east-1');
      assert.equal(api.dhmc.getTreeItem(region).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      const children = await api.dhmc.getChildren(region);
      const items = children.map((n) => api.dhmc.getTreeItem(n));
      assert.deepEqual(
        items.map((i) => [i.label, i.description, i.contextValue]),
        [
          [legacy, 'Not managed · legacy', 'managedNodeImdsOptional'],
          [web, 'Managed through Default Host Management Configuration · web', 'managedNode'],
        ],
      );
      const reasons = (await api.dhmc.getChildren(children[0])).map((n) => api.dhmc.getTreeItem(n));
      assert.deepEqual(
        reasons.map((i) => [i.label, i.contextValue]),
        [
          ['IMDSv2 is not required (HttpTokens is optional): DHMC needs IMDSv2.', 'readinessReason.imdsOptional'],
          ['The instance has never registered with Systems Manager.', 'readinessReason.notRegistered'],
          ['Not checked: the network path to the Systems Manager endpoints.', 'readinessNotChecked'],
        ],
      );
      const row = api.dhmc.getTreeItem(region);
      assert.match(String(row.description), /^1\/2 managed · /);
      assert.match((row.tooltip as vscode.MarkdownString).value, /us-east-1: 1 of 2 running instances managed; 1 need IMDSv2/);
      assert.match(api.session.statusTooltip(), /Managed nodes:[\s\S]*us-east-1: 1 of 2 running instances managed; 1 need IMDSv2/);
    });

    it('AccessDenied on ec2:DescribeInstances in one Region shows there, and leaves the other Region as it is', async () => {
      await control('POST', '/_control/faults', { service: 'ec2', region: 'eu-west-1', kind: 'AccessDenied', operations: ['DescribeInstances'] });
      try {
        const rows = (await api.dhmc.getChildren(api.dhmc.node('eu-west-1'))).map((n) => api.dhmc.getTreeItem(n));
        assert.deepEqual(rows.map((i) => [i.label, i.contextValue]), [['Access denied: ec2:DescribeInstances', 'managedNodesInfo']]);
        assert.equal((await api.dhmc.getChildren(api.dhmc.node('us-east-1'))).length, 2);
      } finally {
        await control('DELETE', '/_control/faults');
      }
    });

    it('a refresh cancels the managed nodes still being read; unfolded again, the Region is read anew', async () => {
      await vscode.commands.executeCommand('ssmPolicy.refreshDhmcRegion', 'us-east-1');
      await control('POST', '/_control/faults', { service: 'ec2', region: 'us-east-1', kind: 'Latency', ms: 5_000, operations: ['DescribeInstances'], count: 1 });
      const pending = api.dhmc.getChildren(api.dhmc.node('us-east-1'));
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(api.dhmc.managedNodes.get('us-east-1')?.state, 'loading');
      await vscode.commands.executeCommand('ssmPolicy.refreshDhmc');
      assert.deepEqual(await pending, [], 'the cancelled read shows nothing, not what it would have read');
      assert.equal(api.dhmc.managedNodes.get('us-east-1'), undefined, 'forgotten');
      assert.equal((await api.dhmc.getChildren(api.dhmc.node('us-east-1'))).length, 2, 'read again');
    });

    it('Copy Managed Nodes Report puts the Region table on the clipboard', async () => {
      const text = await vscode.commands.executeCommand<string>('ssmPolicy.copyReadinessReport', 'us-east-1');
      assert.equal(await vscode.env.clipboard.readText(), text);
      assert.match(text ?? '', /^## us-east-1\n\n1 of 2 running instances managed; 1 need IMDSv2\n/);
      assert.match(text ?? '', new RegExp(`^\\| ${legacy} \\| legacy \\| Not managed \\| IMDSv2 is not required`, 'm'));
    });

    it('Require IMDSv2 declined: nothing is called', async () => {
      answer = false;
      await control('DELETE', '/_control/stats');
      const [node] = await api.dhmc.getChildren(api.dhmc.node('us-east-1'));
      const result = await vscode.commands.executeCommand<ReadinessFixResult>('ssmPolicy.requireImdsV2', node, [node]);
      assert.equal(result?.confirmed, false);
      assert.equal(confirmations.length, 1);
      const stats = await control<{ services: Record<string, Record<string, unknown>> }>('GET', '/_control/stats');
      assert.equal(stats.services.ec2?.ModifyInstanceMetadataOptions, undefined, 'no ModifyInstanceMetadataOptions call');
      assert.equal(await tokensOf('us-east-1', legacy), 'optional');
    });

    it('Require IMDSv2 confirmed: the confirmation names the account and each call; the instance then requires IMDSv2', async () => {
      const [node] = await api.dhmc.getChildren(api.dhmc.node('us-east-1'));
      const result = await vscode.commands.executeCommand<ReadinessFixResult>('ssmPolicy.requireImdsV2', node, [node]);
      const [confirmation] = confirmations;
      assert.equal(confirmation?.message, `Require IMDSv2 on ${legacy} in us-east-1?`);
      assert.match(confirmation!.detail, /^Account 123456789012 · profile default credentials$/m);
      assert.match(confirmation!.detail, new RegExp(`^ec2:ModifyInstanceMetadataOptions InstanceId=${legacy} HttpTokens=required in us-east-1$`, 'm'));
      assert.deepEqual(result?.results, [{ subject: legacy, outcome: 'applied' }]);
      assert.equal(await tokensOf('us-east-1', legacy), 'required');
      const after = (await api.dhmc.getChildren(api.dhmc.node('us-east-1'))).map((n) => api.dhmc.getTreeItem(n));
      assert.deepEqual(after.find((i) => i.label === legacy)?.contextValue, 'managedNode', 'read again: IMDSv2 no longer a reason');
    });

    it('Enable, letting Systems Manager create the role: Register SERVICE_MANAGED; Disable warns it deletes that role, and it does', async () => {
      const iam = iamClient();
      try {
        // No default role: Systems Manager creates it.
        await iam.send(new DetachRolePolicyCommand({ RoleName: ROLE_NAME, PolicyArn: DEFAULT_POLICY_ARN })).catch(() => undefined);
        await iam.send(new DeleteRoleCommand({ RoleName: ROLE_NAME })).catch(() => undefined);
        await control('POST', '/_control/seed', { region: 'eu-west-1', settingId: DHMC_ID, value: '$None', status: 'Default' });
        await control('POST', '/_control/seed', { region: 'us-east-1', settingId: DHMC_ID, value: '$None', status: 'Default' });
        await vscode.commands.executeCommand('ssmPolicy.refreshDhmc');
        const enabled = await vscode.commands.executeCommand<DhmcCommandResult>('ssmPolicy.enableDhmc', { regions: ['eu-west-1'], permissionModel: 'SERVICE_MANAGED' });
        const [confirmation] = confirmations;
        assert.match(confirmation!.detail, /^ssm:RegisterDefaultHostManagementConfiguration PermissionModel=SERVICE_MANAGED in eu-west-1 \(now off\)$/m);
        assert.match(confirmation!.detail, /^Systems Manager creates the role service-role\/AWSSystemsManagerDefaultEC2InstanceManagementRole/m);
        assert.match(confirmation!.detail, /^Only if a Region does not offer RegisterDefaultHostManagementConfiguration, first:\niam:CreateRole /m);
        assert.deepEqual(enabled?.results.map((r) => [r.region, r.outcome, r.via]), [['eu-west-1', 'applied', 'api']]);
        assert.equal(enabled?.roleCreated, false, 'Systems Manager created the role, not the extension');
        assert.deepEqual((await control<Record<string, unknown>>('GET', '/_control/dhmc'))['eu-west-1'], { model: 'SERVICE_MANAGED', value: DEFAULT_ROLE });
        assert.ok((await iam.send(new GetRoleCommand({ RoleName: ROLE_NAME }))).Role);

        confirmations = [];
        const disabled = await vscode.commands.executeCommand<DhmcCommandResult>('ssmPolicy.disableDhmc', 'eu-west-1');
        assert.match(confirmations[0]!.detail, /^ssm:DeregisterDefaultHostManagementConfiguration in eu-west-1 \(back to off; now service-role\/AWSSystemsManagerDefaultEC2InstanceManagementRole\)$/m);
        assert.match(confirmations[0]!.detail, /deregistering deletes that role once no Region uses it/);
        assert.deepEqual(disabled?.results.map((r) => [r.region, r.outcome, r.via]), [['eu-west-1', 'applied', 'api']]);
        await assert.rejects(iam.send(new GetRoleCommand({ RoleName: ROLE_NAME })), /NoSuchEntity|cannot be found/);
        assert.equal(api.dhmc.snapshot().get('eu-west-1')?.kind, 'disabled');
      } finally {
        iam.destroy();
      }
    });

    it('Enable where the Region does not offer the API: the setting is updated instead, after the role is set up, and the report says so', async () => {
      await control('POST', '/_control/faults', { region: 'eu-west-1', kind: 'UnknownOperation', operations: ['RegisterDefaultHostManagementConfiguration'] });
      try {
        const result = await vscode.commands.executeCommand<DhmcCommandResult>('ssmPolicy.enableDhmc', { regions: ['eu-west-1'], permissionModel: 'SERVICE_MANAGED' });
        assert.deepEqual(result?.results.map((r) => [r.region, r.outcome, r.via]), [['eu-west-1', 'applied', 'setting']]);
        assert.equal(result?.roleCreated, true, 'the extension created the role the API would have');
        assert.ok(
          messages.some((m) => /eu-west-1: RegisterDefaultHostManagementConfiguration is not available in this Region; used UpdateServiceSetting instead: applied/.test(m.text)),
          JSON.stringify(messages),
        );
        assert.equal((await stored('eu-west-1', DHMC_ID))?.SettingValue, DEFAULT_ROLE);
      } finally {
        await control('DELETE', '/_control/faults');
      }
    });

    it('the reason "DHMC is off" offers Enable for its Region; a role without the policy offers to attach it (confirmed)', async () => {
      // us-east-1 is off (previous test): the reason row's Region is what Enable takes.
      const [first] = await api.dhmc.getChildren(api.dhmc.node('us-east-1'));
      const off = (await api.dhmc.getChildren(first)).find((n) => api.dhmc.getTreeItem(n).contextValue === 'readinessReason.dhmcOff');
      assert.ok(off, 'a dhmcOff reason row');
      // The row's menu runs Enable with the row: the permission model is asked (the first, service-managed, is taken).
      const picker = api.useUi({ pickOne: async (items) => items[0] });
      let enabled: DhmcCommandResult | undefined;
      try {
        enabled = await vscode.commands.executeCommand<DhmcCommandResult>('ssmPolicy.enableDhmc', off, [off]);
      } finally {
        picker.dispose();
      }
      assert.deepEqual(enabled?.plan.changes.map((c) => [c.region, c.api?.model]), [['us-east-1', 'SERVICE_MANAGED']]);
      assert.deepEqual(enabled?.results.map((r) => [r.region, r.outcome]), [['us-east-1', 'applied']]);

      const iam = iamClient();
      try {
        await iam.send(new DetachRolePolicyCommand({ RoleName: ROLE_NAME, PolicyArn: DEFAULT_POLICY_ARN }));
        await control('POST', '/_control/seed', { region: 'eu-west-1', settingId: DHMC_ID, value: DEFAULT_ROLE, lastModifiedDate: '2026-01-01T00:00:00Z' });
        const [checked] = await vscode.commands.executeCommand<{ dhmc: { role?: { permissions?: { ok: boolean } } } }[]>('ssmPolicy.checkManagedNodes', 'eu-west-1');
        assert.equal(checked?.dhmc.role?.permissions?.ok, false, 'the role lacks the policy');
        confirmations = [];
        const result = await vscode.commands.executeCommand<ReadinessFixResult>('ssmPolicy.attachDhmcPolicy', 'eu-west-1');
        assert.match(confirmations[0]!.detail, new RegExp(`^iam:AttachRolePolicy ${DEFAULT_POLICY_ARN} to ${ROLE_NAME}$`, 'm'));
        assert.deepEqual(result?.results, [{ subject: ROLE_NAME, outcome: 'applied' }]);
        const attached = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: ROLE_NAME }))).AttachedPolicies ?? [];
        assert.deepEqual(attached.map((p) => p.PolicyArn), [DEFAULT_POLICY_ARN]);
      } finally {
        iam.destroy();
      }
    });
  });
});
