/**
 * "Apply Policy to Role" end to end: the real extension, the real SDK and the apply engine, over HTTP to moto (started
 * by this suite through `scripts/emulators/start.mjs --json`, as the AWS views suite does). The prompts (quick picks,
 * input boxes, modal confirmations) are answered through `apply.useUi` of the test API (extension mode Test only).
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as vscode from 'vscode';
import { CreateRoleCommand, GetRoleCommand, GetRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import type { ApplyTestApi, ExtensionApi } from '../../../src/extension-api';
import type { ApplyResult, CatalogNode } from '../../../src/features/apply';
import type { ConfirmText } from '../../../src/features/connection/ui';

const EXTENSION_ID = 'ssm-policy-studio.ssm-policy-studio';
const ROLE = 'AppInstanceRole';
const EC2_TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

interface EmulatorInfo {
  motoUrl: string;
  ssmUrl: string;
  env: Record<string, string>;
  unset: string[];
}

function startEmulators(root: string): Promise<{ child: ChildProcessWithoutNullStreams; info: EmulatorInfo }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'emulators', 'start.mjs'), '--json'], { cwd: root, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('exit', (code) => reject(new Error(`the emulators exited (${code}) before they were ready:\n${stderr.slice(-2000)}`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      try {
        resolve({ child, info: JSON.parse(line) as EmulatorInfo });
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}

/** The diff tabs showing a plan (both sides in the feature's read-only scheme). */
function planDiffTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.scheme === 'ssm-policy-apply' && t.input.modified.scheme === 'ssm-policy-apply');
}

describe('Apply Policy to Role (against moto)', function () {
  this.timeout(120_000);
  let apply: ApplyTestApi;
  let iam: IAMClient;
  let emulators: { child: ChildProcessWithoutNullStreams; info: EmulatorInfo } | undefined;
  const savedEnv = new Map<string, string | undefined>();
  let prompts: vscode.Disposable | undefined;
  let confirmations: ConfirmText[] = [];
  let picks: string[] = [];
  let messages: { level: 'info' | 'warn' | 'error'; text: string }[] = [];

  const inlinePolicy = async (roleName: string, policyName: string): Promise<string | undefined> => {
    try {
      const out = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }));
      return decodeURIComponent(out.PolicyDocument ?? '');
    } catch (err) {
      if (err instanceof Error && err.name === 'NoSuchEntityException') return undefined;
      throw err;
    }
  };

  before(async function () {
    this.timeout(180_000);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    const exported = (await ext.activate()) as ExtensionApi | undefined;
    assert.ok(exported?.apply, 'activate() returns the test API in extension mode Test (src/extension-api.ts)');
    apply = exported.apply;

    emulators = await startEmulators(ext.extensionPath);
    for (const key of [...emulators.info.unset, ...Object.keys(emulators.info.env)]) savedEnv.set(key, process.env[key]);
    for (const key of emulators.info.unset) delete process.env[key];
    Object.assign(process.env, emulators.info.env);
    await vscode.workspace.getConfiguration('ssmPolicy.aws').update('profile', undefined, vscode.ConfigurationTarget.Global);
    exported.awsViews?.session.invalidate();

    iam = new IAMClient({ region: 'us-east-1', endpoint: emulators.info.motoUrl, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    await iam.send(new CreateRoleCommand({ RoleName: ROLE, Path: '/app/', AssumeRolePolicyDocument: JSON.stringify(EC2_TRUST) }));

    prompts = apply.useUi({
      confirm: async (text) => {
        confirmations.push(text);
        return true;
      },
      pickOne: async <T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions) => {
        picks.push(options.title ?? '');
        // Answer by what the items carry: a role, a mode.
        const found = items.find((i) => {
          const item = i as { role?: { name: string }; mode?: string };
          return item.role?.name === ROLE || item.mode === 'inline';
        });
        return found;
      },
      input: async (options) => {
        picks.push(options.title ?? '');
        return 'SessionManager';
      },
      info: (text) => void messages.push({ level: 'info', text }),
      warn: (text) => void messages.push({ level: 'warn', text }),
      error: (text) => void messages.push({ level: 'error', text }),
    });
  });

  beforeEach(() => {
    confirmations = [];
    picks = [];
    messages = [];
  });

  after(async function () {
    this.timeout(30_000);
    prompts?.dispose();
    iam?.destroy();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
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

  it('lists the documented policies grouped by source page, each with "Apply to Role…"', () => {
    const sources = apply.catalog.getChildren();
    assert.ok(sources.length >= 4, `${sources.length} source pages`);
    const titles = sources.map((s) => apply.catalog.getTreeItem(s).label);
    assert.equal(new Set(titles).size, titles.length, 'one group per page');
    const node = apply.catalog.entryNode('ssm-session-manager');
    assert.ok(node);
    const item = apply.catalog.getTreeItem(node);
    assert.equal(item.contextValue, 'catalogEntry');
    assert.equal(item.command?.command, 'vscode.open', 'a click opens a read-only preview, inserting nothing');
    const managed = apply.catalog.entryNode('ssm-managed-instance-core');
    assert.equal(managed && apply.catalog.getTreeItem(managed).contextValue, 'catalogManagedEntry');
  });

  it('applies a catalog entry from the view to a picked role: diff, then a confirmation naming account, role ARN and the calls', async () => {
    const node: CatalogNode | undefined = apply.catalog.entryNode('ssm-session-manager');
    const result = await vscode.commands.executeCommand<ApplyResult>('ssmPolicy.applyPolicyToRole', node);
    assert.equal(result?.status, 'applied', JSON.stringify({ result, messages }));
    assert.ok(picks.length >= 2, `role and mode picked, policy named: ${picks.join(' | ')}`);
    assert.equal(planDiffTabs().length >= 1, true, 'the diff editor is open');

    const confirmation = confirmations.find((c) => c.confirm === 'Apply');
    assert.ok(confirmation, JSON.stringify(confirmations));
    assert.match(confirmation.message + confirmation.detail, /123456789012/);
    assert.match(confirmation.detail, new RegExp(`arn:aws:iam::123456789012:role/app/${ROLE}`));
    assert.match(confirmation.detail, /PutRolePolicy/);

    const stored = await inlinePolicy(ROLE, 'SessionManager');
    assert.ok(stored, 'the inline policy was put');
    assert.match(stored, /ssmmessages:CreateControlChannel/);
    assert.ok(messages.some((m) => m.level === 'info'), JSON.stringify(messages));
  });

  it('reports "no change" when the same policy is applied again, without asking or writing', async () => {
    const result = await vscode.commands.executeCommand<ApplyResult>('ssmPolicy.applyPolicyToRole', {
      policy: { type: 'catalog', entryId: 'ssm-session-manager' },
      role: { type: 'existing', roleName: ROLE },
      mode: 'inline',
      policyName: 'SessionManager',
    });
    assert.equal(result?.status, 'noChange', JSON.stringify({ result, messages }));
    assert.equal(confirmations.length, 0);
    assert.ok(messages.some((m) => m.level === 'info' && /No change/.test(m.text)), JSON.stringify(messages));
  });

  it('replaces the trust policy of a role', async () => {
    const result = await vscode.commands.executeCommand<ApplyResult>('ssmPolicy.applyPolicyToRole', {
      policy: { type: 'catalog', entryId: 'ssm-dhmc-trust' },
      role: { type: 'existing', roleName: ROLE },
      mode: 'trust',
    });
    assert.equal(result?.status, 'applied', JSON.stringify({ result, messages }));
    assert.ok(confirmations.some((c) => /UpdateAssumeRolePolicy/.test(c.detail)), JSON.stringify(confirmations));
    const role = await iam.send(new GetRoleCommand({ RoleName: ROLE }));
    assert.match(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? ''), /ssm\.amazonaws\.com/);
  });

  it('blocks a policy with lint errors (a Principal in an identity policy, which moto would accept) before any call', async () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] }, null, 2);
    const result = await vscode.commands.executeCommand<ApplyResult>('ssmPolicy.applyPolicyToRole', {
      policy: { type: 'text', text, kind: 'identity', label: 'blocked.policy.json' },
      role: { type: 'existing', roleName: ROLE },
      mode: 'inline',
      policyName: 'Blocked',
    });
    assert.equal(result?.status, 'blocked', JSON.stringify({ result, messages }));
    assert.ok(result.status === 'blocked' && result.plan.gate.errors.some((f) => f.ruleId === 'principal-in-identity'));
    assert.equal(confirmations.length, 0, 'no confirmation');
    assert.ok(messages.some((m) => m.level === 'error'), JSON.stringify(messages));
    assert.equal(await inlinePolicy(ROLE, 'Blocked'), undefined, 'nothing was written');
  });
});
