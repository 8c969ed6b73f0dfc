import * as vscode from 'vscode';
import { localizeFinding } from '../../core/i18n';
import { editorLocale, localized } from '../common/locale';
import { applyPlan, buildPlan, describeApplyOutcome } from '../../core/apply';
import { prettyDocument } from '../../core/apply/document';
import { gate, gatePolicySource } from '../../core/apply/gate';
import { kindForMode, modesFor } from '../../core/apply/resolve';
import type { ApplyGate, ApplyLogEntry, ApplyMode, ApplyOutcome, ApplyPlan, ApplyRequest, ApplyStep, PolicySource, RoleTarget } from '../../core/apply/types';
import { catalog, catalogEntry, fillPlaceholders, type CatalogEntry } from '../../core/catalog';
import type { LintFinding } from '../../core/lint';
import { parsePolicy } from '../../core/policy/parse';
import type { PolicyKind } from '../../core/policy/types';
import { toAwsError } from '../../core/aws/error';
import type { Role } from '../../core/aws/port';
import type { AwsTarget } from '../../core/aws/port';
import type { AwsSession } from '../connection/session';
import type { AwsUi } from '../connection/ui';
import { templateFormatOf } from '../../core/embedded/detect';
import { resolvedPolicyAt } from '../../core/embedded/language';
import { extractorFor } from '../../core/embedded/load';
import { isPolicyDocument } from '../common/policy-documents';
import type { CatalogNode } from './catalog-tree';
import type { ApplyDocumentProvider, PlanDiff } from './documents';

/** The arguments of `ssmPolicy.applyPolicyToRole`; what is missing is asked for. */
export interface ApplyArgs {
  policy?: PolicySource;
  role?: RoleTarget;
  mode?: ApplyMode;
  policyName?: string;
}

/** What the command did (returned for scripts and tests). */
export type ApplyResult =
  | { status: 'cancelled' }
  | { status: 'error'; message: string }
  /** The linter blocks the policy (or the new role's trust policy): as soon as it was known, or in the plan. */
  | { status: 'blocked'; gate: ApplyGate; plan?: ApplyPlan }
  | { status: 'noChange'; plan: ApplyPlan }
  | { status: 'declined'; plan: ApplyPlan }
  | { status: 'applied' | 'failed'; plan: ApplyPlan; outcome: ApplyOutcome };

/** What the command needs. */
export interface ApplyDeps {
  /** The connection: the profile, and the AWS port the command calls. */
  session: AwsSession;
  ui: () => AwsUi;
  log: vscode.LogOutputChannel;
  documents: ApplyDocumentProvider;
}

const NAME_PATTERN = /^[\w+=,.@-]{1,64}$/;
const PATH_PATTERN = /^\/(?:[\x21-\x7e]{1,510}\/)?$/;

/** The kind of a policy: the catalog's, the editor's (file name), or what its content says (as the engine decides). */
function kindOf(policy: PolicySource): PolicyKind {
  if (policy.type === 'catalog') return catalogEntry(policy.entryId)?.kind ?? 'identity';
  if (policy.type === 'text') return policy.kind ?? parsePolicy(policy.text).kind;
  return 'identity';
}

function policyLabel(policy: PolicySource): string {
  if (policy.type === 'text') return policy.label;
  if (policy.type === 'awsManaged') return policy.name;
  const entry = catalogEntry(policy.entryId);
  return entry ? localized(entry.title) : policy.entryId;
}

function modeLabel(mode: ApplyMode): string {
  switch (mode) {
    case 'inline':
      return vscode.l10n.t('Put as an inline policy');
    case 'trust':
      return vscode.l10n.t('Replace the trust policy (UpdateAssumeRolePolicy)');
    case 'attachManaged':
      return vscode.l10n.t('Attach the AWS managed policy');
    case 'customerManaged':
      return vscode.l10n.t('Create or update a customer managed policy and attach it');
  }
}

function findingLine(f: LintFinding): string {
  return vscode.l10n.t('line {0}: {1} ({2})', f.range.start.line + 1, localizeFinding(f, editorLocale()).message, f.ruleId);
}

function stepLine(step: ApplyStep): string {
  return `${step.action}: ${step.description}`;
}

/** "1 warning", "2 warnings" in the log (English, like every log line). */
function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One IAM call of a run, for the log and the progress notification. */
function logLine(e: ApplyLogEntry): string {
  return `${e.rollback ? 'rollback ' : ''}${e.action} (${e.subject}): ${e.ok ? 'ok' : `failed: ${e.message ?? ''}`}`;
}

/** An AbortSignal that follows a cancellation token. */
function signalOf(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

/** Stops on the gate's errors, before anything else is asked or written. */
function blockedBy(deps: ApplyDeps, ui: AwsUi, what: 'policy' | 'trust', g: ApplyGate, plan?: ApplyPlan): ApplyResult {
  deps.log.warn(`apply: blocked by the linter (${what === 'trust' ? 'the trust policy of the new role' : 'the policy'}): ${g.errors.map((f) => f.ruleId).join(', ')}`);
  const lines = g.errors.map(findingLine).join('; ');
  ui.error(what === 'trust' ? vscode.l10n.t('Not applied: the trust policy of the new role has errors. {0}', lines) : vscode.l10n.t('Not applied: the policy has errors. {0}', lines));
  return plan ? { status: 'blocked', gate: g, plan } : { status: 'blocked', gate: g };
}

/** The command's first argument as ApplyArgs: ApplyArgs themselves, or a node of the Documented Policies view. */
export function argsFrom(arg: unknown): ApplyArgs {
  if (typeof arg !== 'object' || arg === null) return {};
  if ('kind' in arg && (arg as CatalogNode).kind === 'entry' && 'entry' in arg) {
    return { policy: { type: 'catalog', entryId: (arg as { entry: CatalogEntry }).entry.id } };
  }
  const a = arg as Record<string, unknown>;
  const out: ApplyArgs = {};
  if (typeof a.policy === 'object' && a.policy !== null) out.policy = a.policy as PolicySource;
  if (typeof a.role === 'object' && a.role !== null) out.role = a.role as RoleTarget;
  if (typeof a.mode === 'string') out.mode = a.mode as ApplyMode;
  if (typeof a.policyName === 'string') out.policyName = a.policyName;
  return out;
}

/**
 * The policy of the active editor, when it is a policy document (a managed-policy preview counts as its entry), or
 * the policy under the cursor in a template when all its values are known. A template policy with a value known only
 * at deploy time is refused, naming the value: `blocked` is then the message.
 */
async function activeEditorPolicy(): Promise<PolicySource | { blocked: string } | undefined> {
  const editor = vscode.window.activeTextEditor;
  const document = editor?.document;
  if (!document || !editor) return undefined;
  const text = document.getText();
  const format = templateFormatOf(document.uri.path, text, document.languageId);
  if (format) {
    const resolved = resolvedPolicyAt(await (await extractorFor(format))(text), document.offsetAt(editor.selection.active));
    if (!resolved) return undefined;
    const label = `${document.uri.path.split('/').pop() ?? ''} ${resolved.policy.location}`;
    if (resolved.blockedBy) {
      const at = document.positionAt(resolved.blockedBy.span.offset);
      return {
        blocked: vscode.l10n.t(
          'Cannot apply {0}: the value {1} (line {2}) is known only when the template is deployed. Apply a policy whose values are all written out.',
          label,
          resolved.blockedBy.text,
          at.line + 1,
        ),
      };
    }
    return { type: 'text', text: `${JSON.stringify(resolved.json, null, 2)}\n`, kind: resolved.policy.kind, label };
  }
  if (document.uri.scheme === 'ssm-policy-managed' && catalogEntry(document.uri.query)) return { type: 'catalog', entryId: document.uri.query };
  const catalogMatch = /^\/catalog\/(.+)\.json$/.exec(document.uri.path);
  if (document.uri.scheme === 'ssm-policy-apply' && catalogMatch && catalogEntry(catalogMatch[1]!)) return { type: 'catalog', entryId: catalogMatch[1]! };
  const info = isPolicyDocument(document);
  if (!info) return undefined;
  const label = document.uri.path.split('/').pop() || document.uri.toString();
  return { type: 'text', text: document.getText(), kind: info.kind, label };
}

async function pickPolicy(ui: AwsUi): Promise<PolicySource | undefined> {
  type Pick = vscode.QuickPickItem & { policy?: PolicySource; askManaged?: true };
  const items: Pick[] = [
    { label: `$(cloud) ${vscode.l10n.t('AWS managed policy by name…')}`, askManaged: true },
    { label: vscode.l10n.t('Documented policies'), kind: vscode.QuickPickItemKind.Separator },
    ...catalog.map((entry) => ({
      label: `${entry.managed ? '$(lock) ' : ''}${localized(entry.title)}`,
      description: entry.managed?.name ?? entry.id,
      detail: localized(entry.source.title),
      policy: { type: 'catalog', entryId: entry.id } as PolicySource,
    })),
  ];
  const chosen = await ui.pickOne(items, { title: vscode.l10n.t('Apply Policy to Role: policy'), placeHolder: vscode.l10n.t('The policy to apply'), matchOnDescription: true });
  if (!chosen) return undefined;
  if (chosen.policy) return chosen.policy;
  const name = await ui.input({
    title: vscode.l10n.t('Apply Policy to Role: AWS managed policy'),
    prompt: vscode.l10n.t('The name of an AWS managed policy, e.g. AmazonSSMManagedInstanceCore'),
    validateInput: (v) => (/^[\w+=,.@-]{1,128}$/.test(v.trim()) ? undefined : vscode.l10n.t('Not a policy name')),
  });
  return name ? { type: 'awsManaged', name: name.trim() } : undefined;
}

async function pickRole(deps: ApplyDeps, ui: AwsUi): Promise<RoleTarget | undefined> {
  deps.log.info(`iam:ListRoles (${deps.session.profileLabel()})`);
  let roles: Role[] | undefined;
  try {
    roles = await ui.progress(vscode.l10n.t('Listing the roles of the account…'), true, async (_report, token) => {
      const listed = await deps.session.port.listRoles(await deps.session.homeTarget(), undefined, { signal: signalOf(token) });
      return token.isCancellationRequested ? undefined : listed;
    });
    if (!roles) return undefined;
    deps.log.info(`iam:ListRoles → ${counted(roles.length, 'role', 'roles')}`);
  } catch (err) {
    const message = toAwsError(err).message;
    deps.log.error(`iam:ListRoles failed: ${message}`);
    ui.error(vscode.l10n.t('Could not list the roles: {0}', message));
    return undefined;
  }
  type Pick = vscode.QuickPickItem & { role?: Role; create?: true };
  const items: Pick[] = [
    { label: `$(add) ${vscode.l10n.t('Create new role…')}`, create: true },
    ...roles.map((role) => ({ label: role.name, description: role.path, detail: role.arn, role })),
  ];
  const chosen = await ui.pickOne(items, {
    title: vscode.l10n.t('Apply Policy to Role: role'),
    placeHolder: vscode.l10n.t('Search the roles of the account'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!chosen) return undefined;
  if (chosen.role) return { type: 'existing', roleName: chosen.role.name };
  return newRole(deps, ui);
}

async function newRole(deps: ApplyDeps, ui: AwsUi): Promise<RoleTarget | undefined> {
  const roleName = await ui.input({
    title: vscode.l10n.t('Create new role: name'),
    prompt: vscode.l10n.t('The role name (letters, digits and +=,.@_-, at most 64)'),
    validateInput: (v) => (NAME_PATTERN.test(v) ? undefined : vscode.l10n.t('Not a valid role name')),
  });
  if (!roleName) return undefined;
  const path = await ui.input({
    title: vscode.l10n.t('Create new role: path'),
    prompt: vscode.l10n.t('The role path, / or /some/path/'),
    value: '/',
    validateInput: (v) => (PATH_PATTERN.test(v) ? undefined : vscode.l10n.t('A path starts and ends with /')),
  });
  if (!path) return undefined;
  type Pick = vscode.QuickPickItem & { entry: CatalogEntry };
  const trusts: Pick[] = catalog.filter((e) => e.kind === 'trust' && !e.managed).map((entry) => ({ label: localized(entry.title), description: entry.id, detail: localized(entry.description), entry }));
  const chosen = await ui.pickOne(trusts, { title: vscode.l10n.t('Create new role: trust policy'), placeHolder: vscode.l10n.t('Who may assume the role') });
  if (!chosen) return undefined;
  let trustPolicyText = chosen.entry.text;
  if (chosen.entry.placeholders.length > 0) {
    let filled: string | undefined;
    try {
      filled = await ui.progress(vscode.l10n.t('Reading the account for the trust policy…'), true, async (_report, token) => {
        const target = await deps.session.homeTarget();
        const accountId = (await deps.session.port.getCallerIdentity(target, { signal: signalOf(token) })).account;
        if (token.isCancellationRequested) return undefined;
        const values: Record<string, string> = {};
        for (const p of chosen.entry.placeholders) {
          if (p.kind === 'account') values[p.name] = accountId;
          else if (p.kind === 'region') values[p.name] = target.region;
        }
        return fillPlaceholders(chosen.entry, values);
      });
    } catch (err) {
      const message = toAwsError(err).message;
      deps.log.error(`sts:GetCallerIdentity failed: ${message}`);
      ui.error(vscode.l10n.t('Could not read the account: {0}', message));
      return undefined;
    }
    if (filled === undefined) return undefined;
    trustPolicyText = filled;
  }
  return { type: 'new', roleName, path, trustPolicyText };
}

function defaultPolicyName(policy: PolicySource): string {
  const raw = policy.type === 'catalog' ? policy.entryId : policy.type === 'text' ? policy.label.replace(/\.json$/i, '') : policy.name;
  return raw.replace(/[^\w+=,.@-]/g, '-').slice(0, 128) || 'Policy';
}

/** The message that ends a run: what happened, as the core says it (settled failures, rollback, what is left). */
function outcomeMessage(plan: ApplyPlan, outcome: ApplyOutcome): string {
  return describeApplyOutcome(plan.roleArn, outcome, vscode.l10n.t);
}

/** The trust policy a new role gets (the policy itself in trust mode), pretty-printed; undefined for an existing role. */
function newRoleTrustText(plan: ApplyPlan): string | undefined {
  const role = plan.request.role;
  if (role.type !== 'new') return undefined;
  return plan.request.mode === 'trust' ? plan.proposedText : prettyDocument(role.trustPolicyText);
}

/** The modal confirmation of a plan: the account, the profile, the Region the calls are signed in, the role, every call, and a new role's trust policy. */
function confirmation(deps: ApplyDeps, target: AwsTarget, plan: ApplyPlan, label: string): { message: string; detail: string; confirm: string } {
  const role = plan.request.role;
  const trust = newRoleTrustText(plan);
  const detail = [
    vscode.l10n.t('Account: {0}', plan.accountId),
    vscode.l10n.t('Profile: {0}', deps.session.profileLabel()),
    vscode.l10n.t('Region the IAM calls are signed in: {0}', target.region),
    vscode.l10n.t('Role: {0}', plan.roleArn),
    vscode.l10n.t('IAM calls, in order:'),
    ...plan.steps.map((s) => `• ${stepLine(s)}`),
  ];
  if (trust !== undefined) detail.push('', vscode.l10n.t('Trust policy of the new role:'), trust);
  return {
    message:
      role.type === 'new'
        ? vscode.l10n.t('Create role {1} and apply {0} to it in account {2}?', label, role.roleName, plan.accountId)
        : vscode.l10n.t('Apply {0} to role {1} in account {2}?', label, role.roleName, plan.accountId),
    detail: detail.join('\n'),
    confirm: vscode.l10n.t('Apply'),
  };
}

/** True when every step was done (read through the outcome's fields, whatever else the outcome says). */
function succeeded(outcome: ApplyOutcome): boolean {
  return !outcome.failed;
}

/**
 * `ssmPolicy.applyPolicyToRole`: gates the policy as soon as its text is known and stops on its errors before asking
 * anything else; then asks for what the arguments do not give (role, whose trust policy is gated as soon as it is
 * chosen for a new one; mode; policy name), builds the plan, asks "apply anyway" on warnings, stops when nothing
 * would change (closing the diffs of earlier plans for that role, now stale), shows the diff and a modal
 * confirmation naming the account, the profile, the Region, the role ARN, every call and a new role's trust policy,
 * and only then applies. Every step that can take more than a moment runs under a progress notification. Every
 * call and outcome goes to the log (no secrets: names, ARNs and error messages only).
 */
export async function applyPolicyToRole(deps: ApplyDeps, arg?: unknown): Promise<ApplyResult> {
  const ui = deps.ui();
  const args = argsFrom(arg);
  const fromEditor = args.policy ? undefined : await activeEditorPolicy();
  if (fromEditor && 'blocked' in fromEditor) {
    ui.error(fromEditor.blocked);
    return { status: 'cancelled' };
  }
  const policy = args.policy ?? fromEditor ?? (await pickPolicy(ui));
  if (!policy) return { status: 'cancelled' };
  const label = policyLabel(policy);

  const { modes } = modesFor(kindOf(policy), policy);
  if (modes.length === 0) {
    const message = vscode.l10n.t('This policy cannot go on a role (a service control policy is attached in AWS Organizations): {0}', label);
    ui.error(message);
    return { status: 'error', message };
  }
  let mode = args.mode;
  if (mode && !modes.includes(mode)) {
    const message = vscode.l10n.t('This mode does not fit the policy: {0}', mode);
    ui.error(message);
    return { status: 'error', message };
  }

  // The gate first: the policy's errors are known as soon as its text is (the account and Region placeholders the
  // connection fills do not count yet).
  let policyGate: ApplyGate;
  try {
    policyGate = await gatePolicySource(policy, mode ? kindForMode(mode) : undefined);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    ui.error(vscode.l10n.t('Could not read the policy: {0}', message));
    return { status: 'error', message };
  }
  if (policyGate.blocked) return blockedBy(deps, ui, 'policy', policyGate);

  const role = args.role ?? (await pickRole(deps, ui));
  if (!role) return { status: 'cancelled' };
  if (role.type === 'new') {
    const trustGate = await gate(role.trustPolicyText, 'trust');
    if (trustGate.blocked) return blockedBy(deps, ui, 'trust', trustGate);
  }

  if (!mode) {
    if (modes.length === 1) mode = modes[0]!;
    else {
      type Pick = vscode.QuickPickItem & { mode: ApplyMode };
      const chosen = await ui.pickOne<Pick>(
        modes.map((m) => ({ label: modeLabel(m), mode: m })),
        { title: vscode.l10n.t('Apply Policy to Role: how'), placeHolder: label },
      );
      if (!chosen) return { status: 'cancelled' };
      mode = chosen.mode;
    }
  }

  let policyName = args.policyName;
  if (!policyName && (mode === 'inline' || mode === 'customerManaged')) {
    policyName = await ui.input({
      title: mode === 'inline' ? vscode.l10n.t('Inline policy name') : vscode.l10n.t('Customer managed policy name'),
      value: defaultPolicyName(policy),
      validateInput: (v) => (/^[\w+=,.@-]{1,128}$/.test(v) ? undefined : vscode.l10n.t('Not a valid policy name')),
    });
    if (!policyName) return { status: 'cancelled' };
  }

  const request: ApplyRequest = { policy, role, mode, ...(policyName ? { policyName } : {}) };
  const target = await deps.session.homeTarget();
  const where = `role ${role.roleName}, mode ${mode}${policyName ? `, policy ${policyName}` : ''}, ${deps.session.profileLabel()}`;
  deps.log.info(`apply: plan (${where})`);
  let plan: ApplyPlan | undefined;
  try {
    plan = await ui.progress(vscode.l10n.t('Reading the role and preparing the change: {0}', role.roleName), true, async (_report, token) => {
      const built = await buildPlan(deps.session.port, target, request, { signal: signalOf(token) });
      return token.isCancellationRequested ? undefined : built;
    });
  } catch (err) {
    const message = toAwsError(err).message;
    deps.log.error(`apply: plan failed (${where}): ${message}`);
    ui.error(vscode.l10n.t('Could not prepare the change: {0}', message));
    return { status: 'error', message };
  }
  if (!plan) {
    deps.log.info('apply: cancelled while preparing the change, nothing changed');
    return { status: 'cancelled' };
  }
  deps.log.info(
    `apply: plan for ${plan.roleArn} (account ${plan.accountId}): ${plan.noChange ? 'no change' : plan.steps.map((s) => s.action).join(', ')}; ${counted(plan.gate.errors.length, 'error', 'errors')}, ${counted(plan.gate.warnings.length, 'warning', 'warnings')}`,
  );

  if (plan.gate.blocked) return blockedBy(deps, ui, 'policy', plan.gate, plan);
  if (plan.noChange) {
    ui.info(vscode.l10n.t('No change: {0} already has this policy.', plan.roleArn));
    // The diffs of earlier plans for this role describe a change that is in place now, or was never made.
    await deps.documents.close(deps.documents.diffsOf(plan.accountId, role.roleName));
    return { status: 'noChange', plan };
  }
  const warnings = plan.gate.warnings.length;
  if (warnings > 0) {
    const anyway = await ui.confirm({
      message: warnings === 1 ? vscode.l10n.t('The policy has 1 warning. Apply anyway?') : vscode.l10n.t('The policy has {0} warnings. Apply anyway?', warnings),
      detail: plan.gate.warnings.map(findingLine).join('\n'),
      confirm: vscode.l10n.t('Apply anyway'),
    });
    if (!anyway) {
      deps.log.info('apply: declined at the warnings');
      return { status: 'declined', plan };
    }
  }

  const diff: PlanDiff = deps.documents.diffUris(plan.accountId, role.roleName, plan.currentText, plan.proposedText);
  await vscode.commands.executeCommand('vscode.diff', diff.current, diff.proposed, vscode.l10n.t('{0}: current ↔ proposed', role.roleName), { preview: true });

  const confirmed = await ui.confirm(confirmation(deps, target, plan, label));
  if (!confirmed) {
    deps.log.info('apply: not confirmed, nothing changed');
    await deps.documents.close([diff]);
    return { status: 'declined', plan };
  }

  const applying = plan;
  let outcome: ApplyOutcome;
  try {
    outcome = await ui.progress(vscode.l10n.t('Applying the policy to the role: {0}', role.roleName), false, (report) => {
      report(stepLine(applying.steps[0]!));
      return applyPlan(deps.session.port, target, applying, {
        onLog: (e) => {
          const line = logLine(e);
          if (e.ok) deps.log.info(line);
          else deps.log.error(line);
          report(line);
        },
      });
    });
  } catch (err) {
    const message = toAwsError(err).message;
    deps.log.error(`apply: failed (${plan.roleArn}): ${message}`);
    ui.error(vscode.l10n.t('Could not apply the policy: {0}', message));
    return { status: 'error', message };
  }
  for (const step of outcome.done) deps.log.info(`apply: done ${stepLine(step)}`);
  if (outcome.failed) deps.log.error(`apply: failed ${stepLine(outcome.failed.step)}: ${outcome.failed.message}`);
  for (const s of outcome.settled ?? []) deps.log.warn(`apply: ${s.message}`);
  for (const step of outcome.rolledBack) deps.log.warn(`apply: rolled back ${stepLine(step)}`);
  for (const left of outcome.rollbackFailed ?? []) deps.log.error(`apply: could not roll back ${stepLine(left.step)}: ${left.message}`);
  for (const n of outcome.notRestorable ?? []) deps.log.error(`apply: not restorable: ${n.reason}`);
  if (outcome.noChange) {
    ui.info(vscode.l10n.t('No change: {0} already has this policy.', plan.roleArn));
    return { status: 'applied', plan, outcome };
  }
  if (!succeeded(outcome)) {
    ui.error(outcomeMessage(plan, outcome));
    return { status: 'failed', plan, outcome };
  }
  // The role has the proposed document now: the diff's current side says so (the tab shows no difference).
  deps.documents.update(diff.current, plan.proposedText);
  ui.info(outcomeMessage(plan, outcome));
  return { status: 'applied', plan, outcome };
}
