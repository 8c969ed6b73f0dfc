/**
 * "Apply Policy to Role" end to end: the real extension, the real SDK and the apply engine, over HTTP to moto (started
 * by this suite through `scripts/emulators/start.ts --json`, as the AWS views suite does). The prompts (quick picks,
 * input boxes, modal confirmations) are answered through `apply.useUi` of the test API (extension mode Test only).
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as vscode from 'vscode';
import { CreateRoleCommand, GetInstanceProfileCommand, GetPolicyCommand, GetRoleCommand, GetRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { STAND_IN_CONNECTION } from '../../../src/core/apply/gate';
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
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'emulators', 'start.ts'), '--json'], { cwd: root, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
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

/** The diff tabs showing a plan (both sides in the feature's read-only scheme), of one role when named. */
function planDiffTabs(roleName?: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter(
      (t) =>
        t.input instanceof vscode.TabInputTextDiff &&
        t.input.original.scheme === 'ssm-policy-apply' &&
        t.input.modified.scheme === 'ssm-policy-apply' &&
        (roleName === undefined || t.input.original.path.endsWith(`/${roleName}/current.json`)),
    );
}

/** Waits until a condition holds (an editor's content follows its provider asynchronously). */
async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) assert.fail(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A progress notification the command ran: its title, whether it could be cancelled, and what it reported. */
interface ProgressRecord {
  title: string;
  cancellable: boolean;
  messages: string[];
}

/** How the prompts answer the create-role questions (unset: pick the existing role). */
interface NewRoleAnswers {
  name: string;
  path: string;
  trustEntryId: string;
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
  let progress: ProgressRecord[] = [];
  let confirmAnswer = true;
  let newRole: NewRoleAnswers | undefined;
  let profileLabel = '';
  const roleExists = async (roleName: string): Promise<boolean> => {
    try {
      await iam.send(new GetRoleCommand({ RoleName: roleName }));
      return true;
    } catch (err) {
      if (err instanceof Error && err.name === 'NoSuchEntityException') return false;
      throw err;
    }
  };

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
    profileLabel = exported.awsViews?.session.profileLabel() ?? '';
    assert.ok(profileLabel, 'the session names the profile');

    iam = new IAMClient({ region: 'us-east-1', endpoint: emulators.info.motoUrl, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    await iam.send(new CreateRoleCommand({ RoleName: ROLE, Path: '/app/', AssumeRolePolicyDocument: JSON.stringify(EC2_TRUST) }));

    prompts = apply.useUi({
      confirm: async (text) => {
        confirmations.push(text);
        return confirmAnswer;
      },
      pickOne: async <T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions) => {
        picks.push(options.title ?? '');
        // Answer by what the items carry: a role (or "Create new role…"), a trust policy, a mode.
        const found = items.find((i) => {
          const item = i as { role?: { name: string }; create?: true; entry?: { id: string }; mode?: string };
          if (newRole) return item.create === true || item.entry?.id === newRole.trustEntryId || item.mode === 'inline';
          return item.role?.name === ROLE || item.mode === 'inline';
        });
        return found;
      },
      input: async (options) => {
        picks.push(options.title ?? '');
        if (newRole && options.title === 'Create new role: name') return newRole.name;
        if (newRole && options.title === 'Create new role: path') return newRole.path;
        return 'SessionManager';
      },
      progress: async <T>(title: string, cancellable: boolean, task: (report: (message: string) => void, token: vscode.CancellationToken) => Promise<T>) => {
        const record: ProgressRecord = { title, cancellable, messages: [] };
        progress.push(record);
        // Recorded, then shown as the workbench shows it.
        return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable }, (p, token) =>
          task((message) => {
            record.messages.push(message);
            p.report({ message });
          }, token),
        );
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
    progress = [];
    confirmAnswer = true;
    newRole = undefined;
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
    assert.ok(confirmation.detail.split('\n').includes(`Profile: ${profileLabel}`), confirmation.detail);
    assert.match(confirmation.detail, /^Region the IAM calls are signed in: us-east-1$/m);

    // Every step that takes a moment ran under a progress notification; only the write cannot be cancelled.
    assert.deepEqual(
      progress.map((p) => [p.title, p.cancellable]),
      [
        ['Listing the roles of the account…', true],
        [`Reading the role and preparing the change: ${ROLE}`, true],
        [`Applying the policy to the role: ${ROLE}`, false],
      ],
    );
    const applying = progress[2]!.messages;
    assert.ok(applying.some((m) => /^iam:PutRolePolicy \(role AppInstanceRole, policy SessionManager\): ok$/.test(m)), JSON.stringify(applying));

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
    assert.ok(result.status === 'blocked' && result.gate.errors.some((f) => f.ruleId === 'principal-in-identity'));
    assert.equal(confirmations.length, 0, 'no confirmation');
    assert.ok(messages.some((m) => m.level === 'error'), JSON.stringify(messages));
    assert.equal(await inlinePolicy(ROLE, 'Blocked'), undefined, 'nothing was written');
  });

  /** Opens a file of the fixture workspace's templates folder with the cursor at the first `needle`. */
  const openTemplateAt = async (name: string, needle: string): Promise<void> => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'templates', name));
    const editor = await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().indexOf(needle) + 2);
    editor.selection = new vscode.Selection(at, at);
  };

  it('applies the policy under the cursor of a Terraform file when all its values are known', async () => {
    await openTemplateAt('apply.tf', 'ssm:GetParameter');
    const result = await vscode.commands.executeCommand<ApplyResult>('ssmPolicy.applyPolicyToRole');
    assert.equal(result?.status, 'applied', JSON.stringify({ result, messages }));
    assert.match((await inlinePolicy(ROLE, 'SessionManager')) ?? '', /parameter\/app\/from-terraform/);
    assert.ok(confirmations.some((c) => /apply\.tf aws_iam_role_policy\.read_app_parameters/.test(c.message)), JSON.stringify(confirmations));
  });

  it('refuses a template policy with a value known only at deploy time, naming the value, before anything else', async () => {
    await openTemplateAt('instance-role.yaml', 'ssm:GetParamter');
    const result = await vscode.commands.executeCommand<ApplyResult>('ssmPolicy.applyPolicyToRole');
    assert.equal(result?.status, 'cancelled', JSON.stringify({ result, messages }));
    assert.deepEqual(picks, []);
    assert.equal(confirmations.length, 0);
    const errors = messages.filter((m) => m.level === 'error');
    assert.equal(errors.length, 1, JSON.stringify(messages));
    assert.match(errors[0]!.text, /^Cannot apply instance-role\.yaml .*: the value \$\{AWS::Partition\} \(line 25\) is known only when the template is deployed/);
  });

  it("stops on the policy's errors as soon as its text is known, before asking for the role, the mode or a name", async () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] }, null, 2);
    const result = await vscode.commands.executeCommand<ApplyResult>('ssmPolicy.applyPolicyToRole', {
      policy: { type: 'text', text, kind: 'identity', label: 'early.policy.json' },
    });
    assert.equal(result?.status, 'blocked', JSON.stringify({ result, messages }));
    assert.ok(result.status === 'blocked' && result.gate.errors.some((f) => f.ruleId === 'principal-in-identity'));
    assert.equal(result.status === 'blocked' && result.plan, undefined, 'no plan was built');
    assert.deepEqual(picks, [], 'no role, mode or policy name was asked for');
    assert.deepEqual(progress, [], 'nothing was read from AWS');
    assert.equal(confirmations.length, 0);
    const errors = messages.filter((m) => m.level === 'error');
    assert.equal(errors.length, 1, JSON.stringify(messages));
    assert.match(errors[0]!.text, /^Not applied: the policy has errors\. line \d+: .*\(principal-in-identity\)/);
  });

  it('lets a catalog entry whose account and Region the connection fills through the early gate', async () => {
    const result = await vscode.commands.executeCommand<ApplyResult>('ssmPolicy.applyPolicyToRole', {
      policy: { type: 'catalog', entryId: 'ssm-dhmc-admin' },
      role: { type: 'existing', roleName: ROLE },
      mode: 'inline',
      policyName: 'DhmcAdmin',
    });
    assert.equal(result?.status, 'applied', JSON.stringify({ result, messages }));
    const stored = await inlinePolicy(ROLE, 'DhmcAdmin');
    assert.notEqual(STAND_IN_CONNECTION.accountId, '123456789012', 'the stand-ins of the early gate differ from the connection');
    assert.notEqual(STAND_IN_CONNECTION.region, 'us-east-1');
    assert.ok(stored?.includes(':us-east-1:123456789012:'), stored);
  });

  it('says "1 warning", not "1 warnings"', async () => {
    confirmAnswer = false;
    const text = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'ssm:DescribeParameters', Resource: '*' }] }, null, 2);
    const result = await vscode.commands.executeCommand<ApplyResult>('ssmPolicy.applyPolicyToRole', {
      policy: { type: 'text', text, kind: 'identity', label: 'warned.policy.json' },
      role: { type: 'existing', roleName: ROLE },
      mode: 'inline',
      policyName: 'Warned',
    });
    assert.equal(result?.status, 'declined', JSON.stringify({ result, messages }));
    assert.ok(result.status === 'declined' && result.plan.gate.warnings.length === 1, 'one warning (version-missing)');
    assert.equal(confirmations.length, 1, JSON.stringify(confirmations));
    assert.equal(confirmations[0]!.message, 'The policy has 1 warning. Apply anyway?');
    assert.match(confirmations[0]!.detail, /version-missing/);
    assert.equal(await inlinePolicy(ROLE, 'Warned'), undefined, 'nothing was written');
  });

  it('shows the trust policy and the instance profile calls in the create-role confirmation; declined, it creates nothing and closes its diff', async () => {
    // The executor of the instance profile steps is another change: this test declines at the confirmation.
    confirmAnswer = false;
    newRole = { name: 'WebInstanceRole', path: '/web/', trustEntryId: 'ssm-quick-setup-ec2-trust' };
    const result = await vscode.commands.executeCommand<ApplyResult>('ssmPolicy.applyPolicyToRole', { policy: { type: 'catalog', entryId: 'ssm-session-manager' } });
    assert.equal(result?.status, 'declined', JSON.stringify({ result, messages }));
    assert.ok(result.status === 'declined');
    assert.deepEqual(
      result.plan.steps.map((s) => [s.action, s.instanceProfileName]),
      [
        ['CreateRole', undefined],
        ['CreateInstanceProfile', 'WebInstanceRole'],
        ['AddRoleToInstanceProfile', 'WebInstanceRole'],
        ['PutRolePolicy', undefined],
      ],
    );
    assert.deepEqual(picks, ['Apply Policy to Role: role', 'Create new role: name', 'Create new role: path', 'Create new role: trust policy', 'Apply Policy to Role: how', 'Inline policy name']);

    assert.equal(confirmations.length, 1, JSON.stringify(confirmations));
    const { message, detail } = confirmations[0]!;
    assert.match(message, /^Create role WebInstanceRole and apply .+ to it in account 123456789012\?$/);
    const lines = detail.split('\n');
    assert.ok(lines.includes('Account: 123456789012'), detail);
    assert.ok(lines.includes(`Profile: ${profileLabel}`), detail);
    assert.ok(lines.includes('Region the IAM calls are signed in: us-east-1'), detail);
    assert.ok(lines.includes('Role: arn:aws:iam::123456789012:role/web/WebInstanceRole'), detail);
    const calls = lines.filter((l) => l.startsWith('• '));
    assert.deepEqual(
      calls.map((l) => l.slice(2, l.indexOf(':'))),
      ['CreateRole', 'CreateInstanceProfile', 'AddRoleToInstanceProfile', 'PutRolePolicy'],
      'one line per call',
    );
    assert.ok(calls[1]!.includes('instance profile WebInstanceRole with the path /web/'), calls[1]);
    const trustAt = lines.indexOf('Trust policy of the new role:');
    assert.ok(trustAt > 0, detail);
    const trust = lines.slice(trustAt + 1).join('\n');
    assert.equal(trust, JSON.stringify(JSON.parse(trust), null, 2), 'pretty-printed');
    assert.deepEqual(JSON.parse(trust), { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

    assert.equal(await roleExists('WebInstanceRole'), false, 'nothing was created');
    await until("the declined plan's diff is closed", () => planDiffTabs('WebInstanceRole').length === 0);
  });

  it('updates the diff after an apply, and closes the earlier diffs of the role when a later apply changes nothing', async () => {
    const args = {
      policy: { type: 'text', text: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*' }] }, null, 2), kind: 'identity', label: 'diff.policy.json' },
      role: { type: 'existing', roleName: ROLE },
      mode: 'inline',
      policyName: 'DiffCheck',
    };
    const first = await vscode.commands.executeCommand<ApplyResult>('ssmPolicy.applyPolicyToRole', args);
    assert.equal(first?.status, 'applied', JSON.stringify({ first, messages }));
    assert.ok(first.status === 'applied');
    assert.equal(first.plan.currentText, '', 'no such inline policy before');
    const [tab] = planDiffTabs(ROLE).filter((t) => (t.input as vscode.TabInputTextDiff).original.path.includes('/123456789012/'));
    assert.ok(tab, 'the diff is open');
    const input = tab.input as vscode.TabInputTextDiff;
    const current = await vscode.workspace.openTextDocument(input.original);
    await until('the current side shows what the role has now', () => current.getText() === first.plan.proposedText);
    assert.equal((await vscode.workspace.openTextDocument(input.modified)).getText(), first.plan.proposedText);

    const again = await vscode.commands.executeCommand<ApplyResult>('ssmPolicy.applyPolicyToRole', args);
    assert.equal(again?.status, 'noChange', JSON.stringify({ again, messages }));
    await until('no diff of the role is left open', () => planDiffTabs(ROLE).length === 0);
  });

  it('gates the trust policy of a new role as soon as it is chosen', async () => {
    const trustPolicyText = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] });
    const result = await vscode.commands.executeCommand<ApplyResult>('ssmPolicy.applyPolicyToRole', {
      policy: { type: 'catalog', entryId: 'ssm-session-manager' },
      role: { type: 'new', roleName: 'BadTrustRole', path: '/', trustPolicyText },
    });
    assert.equal(result?.status, 'blocked', JSON.stringify({ result, messages }));
    assert.ok(result.status === 'blocked' && result.gate.errors.some((f) => f.ruleId === 'missing-principal'));
    assert.deepEqual(picks, [], 'no mode or policy name was asked for');
    assert.deepEqual(progress, [], 'nothing was read from AWS');
    assert.ok(messages.some((m) => m.level === 'error' && m.text.startsWith('Not applied: the trust policy of the new role has errors.')), JSON.stringify(messages));
    assert.equal(await roleExists('BadTrustRole'), false);
  });

  /** Adds faults through the emulators' control API (the front server every AWS call goes through). */
  const fault = async (body: unknown): Promise<void> => {
    const res = await fetch(new URL('/_control/faults', emulators!.info.ssmUrl), { method: body === undefined ? 'DELETE' : 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    assert.ok(res.ok, `faults: HTTP ${res.status}`);
  };

  it('creates a role that EC2 may assume with its instance profile, the role in it', async () => {
    newRole = { name: 'FleetRole', path: '/', trustEntryId: 'ssm-quick-setup-ec2-trust' };
    const result = await vscode.commands.executeCommand<ApplyResult>('ssmPolicy.applyPolicyToRole', { policy: { type: 'catalog', entryId: 'ssm-session-manager' } });
    assert.equal(result?.status, 'applied', JSON.stringify({ result, messages }));
    const profile = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'FleetRole' }));
    assert.deepEqual(profile.InstanceProfile?.Roles?.map((r) => r.RoleName), ['FleetRole']);
  });

  it('a refused write rolls back to the state before the run and says what happened', async () => {
    await fault({ service: 'iam', operations: ['AttachRolePolicy'], kind: 'AccessDenied' });
    try {
      const result = await vscode.commands.executeCommand<ApplyResult>('ssmPolicy.applyPolicyToRole', {
        policy: { type: 'text', text: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*' }] }), kind: 'identity', label: 'cm.policy.json' },
        role: { type: 'existing', roleName: ROLE },
        mode: 'customerManaged',
        policyName: 'RolledBackPolicy',
      });
      assert.equal(result?.status, 'failed', JSON.stringify({ result, messages }));
    } finally {
      await fault(undefined);
    }
    const error = messages.find((m) => m.level === 'error');
    assert.ok(error, JSON.stringify(messages));
    assert.match(error.text, /^Not applied: AttachRolePolicy failed: .*access denied\. Missing permission: iam:AttachRolePolicy Done before it: CreatePolicy\. Rolled back: CreatePolicy\./);
    await assert.rejects(iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::123456789012:policy/RolledBackPolicy' })), /NoSuchEntity|not found/i);
  });

  it('a write whose answer is lost is read back and reported applied, made once', async () => {
    await fault({ service: 'iam', operations: ['PutRolePolicy'], kind: 'ResponseLost', count: 1 });
    let result: ApplyResult | undefined;
    try {
      result = await vscode.commands.executeCommand<ApplyResult>('ssmPolicy.applyPolicyToRole', {
        policy: { type: 'text', text: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ssm:GetParameters', Resource: '*' }] }), kind: 'identity', label: 'lost.policy.json' },
        role: { type: 'existing', roleName: ROLE },
        mode: 'inline',
        policyName: 'LostAnswer',
      });
    } finally {
      await fault(undefined);
    }
    assert.equal(result?.status, 'applied', JSON.stringify({ result, messages }));
    const info = messages.find((m) => m.level === 'info');
    assert.match(info?.text ?? '', /^Applied to arn:aws:iam::123456789012:role\/.*PutRolePolicy failed \(.*\), but reading the state back shows it was applied\.$/);
    assert.match((await inlinePolicy(ROLE, 'LostAnswer')) ?? '', /ssm:GetParameters/);
  });
});
