import * as vscode from 'vscode';
import {
  DEFAULT_DHMC_ROLE,
  checkRoleTrust,
  describeResults,
  describeStatus,
  disableConfirmation,
  dhmcValueProblemMessage,
  enableConfirmation,
  ensureDefaultDhmcRole,
  loadRegions,
  nothingToDo,
  outcomeError,
  parseDhmcRoleValue,
  planDisable,
  planEnable,
  validateDhmcRoleValue,
  type DhmcChangeResult,
  type DhmcPlan,
} from '../../core/dhmc';
import { toAwsError } from '../../core/aws/error';
import { DHMC_MANAGED_POLICY, DHMC_ROLE_NAME, DHMC_ROLE_PATH } from '../../core/ssm/dhmc';
import type { AwsSession } from '../connection/session';
import type { UiHolder } from '../connection/ui';
import type { DhmcNode, DhmcTreeProvider } from './dhmc-tree';

/** What Enable/Disable DHMC accept as their first argument: a tree row, a Region code, or explicit choices. */
export type DhmcCommandArg = DhmcNode | string | DhmcCommandOptions | undefined;

/** Explicit choices, which skip the pickers (the modal confirmation is always shown). */
export interface DhmcCommandOptions {
  regions?: string[];
  /** Enable only: the setting value, the role name with its path (`service-role/…`). */
  role?: string;
}

/** What Enable/Disable DHMC did; undefined when the user stopped at a prompt before the plan. */
export interface DhmcCommandResult {
  plan: DhmcPlan;
  /** False when the confirmation was declined (no call was made). */
  confirmed: boolean;
  /** True when the default role was created before the settings were changed. */
  roleCreated?: boolean;
  results: DhmcChangeResult[];
}

/** The trust policy the documentation gives for the default role, shown in the confirmation. */
const DEFAULT_TRUST_POLICY = '{"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}';

export interface DhmcCommandDeps {
  session: AwsSession;
  tree: DhmcTreeProvider;
  ui: UiHolder;
  /** Called with the Regions whose setting changed (the service-settings view reloads them). */
  onChanged(regions: readonly string[]): void;
}

function isOptions(arg: unknown): arg is DhmcCommandOptions {
  return typeof arg === 'object' && arg !== null && !('kind' in arg);
}

/** The Regions named by the arguments: the selected rows, the clicked row, a Region code, or `options.regions`. */
function regionsFromArgs(arg: DhmcCommandArg, selected: unknown): string[] | undefined {
  if (Array.isArray(selected)) {
    const regions = selected.filter((n): n is DhmcNode & { kind: 'region' } => typeof n === 'object' && n !== null && (n as DhmcNode).kind === 'region').map((n) => n.region);
    if (regions.length > 0) return regions;
  }
  if (typeof arg === 'string') return [arg];
  if (isOptions(arg)) return arg.regions;
  if (arg && arg.kind === 'region') return [arg.region];
  return undefined;
}

async function pickRegions(deps: DhmcCommandDeps, title: string): Promise<string[] | undefined> {
  const statuses = deps.tree.snapshot();
  const items = deps.tree.regions().map((region) => {
    const status = statuses.get(region);
    return { label: region, description: status ? describeStatus(status, vscode.l10n.t) : vscode.l10n.t('Loading…') };
  });
  if (items.length === 0) {
    deps.ui.current.warn(vscode.l10n.t('No Region to choose from: check the AWS profile and the Regions setting.'));
    return undefined;
  }
  const picked = await deps.ui.current.pickMany(items, { title, placeHolder: vscode.l10n.t('Choose one or more Regions'), ignoreFocusOut: true });
  return picked && picked.length > 0 ? picked.map((p) => p.label) : undefined;
}

/** Loads the view (with a progress note) so the plan sees every Region's status; false when the Regions could not be listed. */
async function ensureLoaded(deps: DhmcCommandDeps): Promise<boolean> {
  await vscode.window.withProgress(
    { location: { viewId: 'ssmPolicy.dhmc' }, title: vscode.l10n.t('Reading Default Host Management Configuration…') },
    () => deps.tree.whenLoaded(),
  );
  const problem = deps.tree.problemError();
  if (problem) deps.ui.current.error(vscode.l10n.t('Could not list the Regions: {0}', problem.message));
  return !problem;
}

async function chooseRole(deps: DhmcCommandDeps): Promise<string | undefined> {
  const ui = deps.ui.current;
  const pick = await ui.pickOne(
    [
      {
        value: DEFAULT_DHMC_ROLE.value,
        label: DEFAULT_DHMC_ROLE.value,
        description: vscode.l10n.t('recommended'),
        detail: vscode.l10n.t('Created if missing: path {0}, trusted by ssm.amazonaws.com, with {1} attached.', DHMC_ROLE_PATH, DHMC_MANAGED_POLICY),
      },
      {
        value: '',
        label: vscode.l10n.t('An existing role…'),
        detail: vscode.l10n.t('Enter its name with its path; its trust policy is checked first.'),
      },
    ],
    { title: vscode.l10n.t('Enable DHMC: choose the role'), ignoreFocusOut: true },
  );
  if (!pick) return undefined;
  if (pick.value) return pick.value;
  const value = await ui.input({
    title: vscode.l10n.t('Enable DHMC: role name with its path'),
    prompt: vscode.l10n.t('The role name with its IAM path, without the leading slash; not an ARN.'),
    placeHolder: DEFAULT_DHMC_ROLE.value,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const problem = validateDhmcRoleValue(text.trim());
      return problem ? dhmcValueProblemMessage(problem, vscode.l10n.t) : undefined;
    },
  });
  return value?.trim() || undefined;
}

/** What checking the role found: create the default role, or use it as it is (with notes for the confirmation). */
type RoleCheck = { ok: true; create: boolean; notes: string[] } | { ok: false; message: string };

async function checkRole(deps: DhmcCommandDeps, value: string): Promise<RoleCheck> {
  const wanted = parseDhmcRoleValue(value);
  if (!wanted) return { ok: false, message: dhmcValueProblemMessage(validateDhmcRoleValue(value) ?? 'invalid', vscode.l10n.t) };
  const isDefault = wanted.value === DEFAULT_DHMC_ROLE.value;
  let checked;
  try {
    checked = await checkRoleTrust(deps.session.port, await deps.session.homeTarget(), wanted.name);
  } catch (err) {
    return { ok: false, message: vscode.l10n.t('Could not read the role {0}: {1}', wanted.value, toAwsError(err).message) };
  }
  if (!checked) {
    if (isDefault) {
      return {
        ok: true,
        create: true,
        notes: [
          vscode.l10n.t(
            'First, create the IAM role {0} with path {1} and this trust policy, and attach the AWS managed policy {2}:',
            DHMC_ROLE_NAME,
            DHMC_ROLE_PATH,
            DHMC_MANAGED_POLICY,
          ),
          DEFAULT_TRUST_POLICY,
        ],
      };
    }
    return { ok: false, message: vscode.l10n.t('There is no IAM role named {0} in the account.', wanted.name) };
  }
  const { role, check } = checked;
  if (role.path !== wanted.path) {
    return { ok: false, message: vscode.l10n.t('The role {0} is at path {1}, not {2}: Systems Manager would not find it.', role.name, role.path, wanted.path) };
  }
  if (!role.trustPolicy) return { ok: false, message: vscode.l10n.t('Could not read the trust policy of the role {0}.', wanted.value) };
  if (!check.trustsSsm) {
    return { ok: false, message: vscode.l10n.t('The trust policy of the role {0} does not let ssm.amazonaws.com call sts:AssumeRole.', wanted.value) };
  }
  if (check.errors.length > 0) {
    return { ok: false, message: vscode.l10n.t('The trust policy of the role {0} has errors: {1}', wanted.value, check.errors.map((f) => f.message).join('; ')) };
  }
  const notes = [vscode.l10n.t('The role {0} exists and its trust policy lets ssm.amazonaws.com assume it.', wanted.value)];
  if (check.conditional) notes.push(vscode.l10n.t('Its trust policy has conditions: make sure Systems Manager meets them.'));
  for (const w of check.warnings) notes.push(vscode.l10n.t('Trust policy: {0}', w.message));
  return { ok: true, create: false, notes };
}

/** Makes the plan's calls with progress (cancellable), bounded and with the per-Region timeout. */
async function runPlan(deps: DhmcCommandDeps, plan: DhmcPlan, title: string, before?: () => Promise<void>): Promise<DhmcChangeResult[]> {
  const profile = deps.session.profile;
  const port = deps.session.port;
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const sub = token.onCancellationRequested(() => controller.abort());
    try {
      if (before) await before();
      const step = 100 / Math.max(1, plan.changes.length);
      const byRegion = new Map(plan.changes.map((c) => [c.region, c]));
      const outcomes = await loadRegions(
        plan.changes.map((c) => c.region),
        async (region, signal) => {
          const change = byRegion.get(region)!;
          if (change.operation === 'update') await port.updateServiceSetting({ region, profile }, change.settingId, change.value, { signal });
          else await port.resetServiceSetting({ region, profile }, change.settingId, { signal });
        },
        {
          timeoutMs: deps.session.regionTimeoutMs,
          signal: controller.signal,
          onResult: (o) => progress.report({ increment: step, message: o.region }),
        },
      );
      return outcomes.map((o): DhmcChangeResult => (o.ok ? { region: o.region, ok: true } : { region: o.region, ok: false, error: outcomeError(o, vscode.l10n.t) }));
    } finally {
      sub.dispose();
    }
  });
}

async function report(deps: DhmcCommandDeps, plan: DhmcPlan, results: DhmcChangeResult[]): Promise<void> {
  const text = describeResults(plan.operation, results, vscode.l10n.t);
  if (results.some((r) => !r.ok)) deps.ui.current.warn(text);
  else deps.ui.current.info(text);
  const regions = plan.changes.map((c) => c.region);
  deps.onChanged(regions);
  await Promise.all(regions.map((r) => deps.tree.refreshRegion(r)));
}

/** Enable DHMC: Regions, role (created or checked), plan, modal confirmation, calls with progress, report, refresh. */
export async function enableDhmc(deps: DhmcCommandDeps, arg?: DhmcCommandArg, selected?: unknown): Promise<DhmcCommandResult | undefined> {
  const ui = deps.ui.current;
  if (!(await ensureLoaded(deps))) return undefined;
  const regions = regionsFromArgs(arg, selected) ?? (await pickRegions(deps, vscode.l10n.t('Enable DHMC in…')));
  if (!regions || regions.length === 0) return undefined;
  const roleValue = (isOptions(arg) ? arg.role : undefined) ?? (await chooseRole(deps));
  if (!roleValue) return undefined;
  const problem = validateDhmcRoleValue(roleValue);
  if (problem) {
    ui.error(dhmcValueProblemMessage(problem, vscode.l10n.t));
    return undefined;
  }
  const plan = planEnable(regions, deps.tree.snapshot(), roleValue);
  const confirmation = enableConfirmation(plan, vscode.l10n.t);
  if (!confirmation) {
    ui.info(nothingToDo(plan, vscode.l10n.t));
    return { plan, confirmed: false, results: [] };
  }
  const role = await checkRole(deps, roleValue);
  if (!role.ok) {
    ui.error(role.message);
    return { plan, confirmed: false, results: [] };
  }
  const detail = [...role.notes, '', confirmation.detail].join('\n');
  if (!(await ui.confirm({ ...confirmation, detail }))) return { plan, confirmed: false, results: [] };

  let roleCreated = false;
  let createError: string | undefined;
  const results = await runPlan(deps, plan, vscode.l10n.t('Enabling Default Host Management Configuration'), async () => {
    if (!role.create) return;
    try {
      roleCreated = (await ensureDefaultDhmcRole(deps.session.port, await deps.session.homeTarget())).created;
    } catch (err) {
      createError = toAwsError(err).message;
      throw err;
    }
  }).catch((err: unknown): DhmcChangeResult[] => {
    if (createError === undefined) throw err;
    return [];
  });
  if (createError !== undefined) {
    ui.error(vscode.l10n.t('Could not create the role {0}; no setting was changed: {1}', DEFAULT_DHMC_ROLE.value, createError));
    return { plan, confirmed: true, roleCreated: false, results: [] };
  }
  await report(deps, plan, results);
  return { plan, confirmed: true, roleCreated, results };
}

/** Disable DHMC: Regions, plan, modal confirmation (names the Regions, says what stops being managed), reset, report. */
export async function disableDhmc(deps: DhmcCommandDeps, arg?: DhmcCommandArg, selected?: unknown): Promise<DhmcCommandResult | undefined> {
  const ui = deps.ui.current;
  if (!(await ensureLoaded(deps))) return undefined;
  const regions = regionsFromArgs(arg, selected) ?? (await pickRegions(deps, vscode.l10n.t('Disable DHMC in…')));
  if (!regions || regions.length === 0) return undefined;
  const plan = planDisable(regions, deps.tree.snapshot());
  const confirmation = disableConfirmation(plan, vscode.l10n.t);
  if (!confirmation) {
    ui.info(nothingToDo(plan, vscode.l10n.t));
    return { plan, confirmed: false, results: [] };
  }
  if (!(await ui.confirm(confirmation))) return { plan, confirmed: false, results: [] };
  const results = await runPlan(deps, plan, vscode.l10n.t('Disabling Default Host Management Configuration'));
  await report(deps, plan, results);
  return { plan, confirmed: true, results };
}

