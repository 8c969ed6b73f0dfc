import * as vscode from 'vscode';
import {
  DEFAULT_DHMC_ROLE,
  applyDhmcChange,
  describeResults,
  dhmcRoleArn,
  describeStatus,
  disableConfirmation,
  dhmcTrustPolicy,
  dhmcValueProblemMessage,
  enableConfirmation,
  inspectDhmcRole,
  leftOutNote,
  loadRegions,
  nothingToDo,
  parseDhmcRoleValue,
  pickableRegions,
  planDisable,
  planEnable,
  refusalMessage,
  roleCallLines,
  roleUseNotes,
  setUpDhmcRole,
  validateDhmcRoleValue,
  type ConfirmationContext,
  type DhmcApiChoice,
  type DhmcChangeResult,
  type DhmcPermissionModel,
  type DhmcPlan,
  type DhmcRoleDecision,
} from '../../core/dhmc';
import { toAwsError } from '../../core/aws/error';
import { partitionFor } from '../../core/aws/region-list';
import { DHMC_MANAGED_POLICY, DHMC_ROLE_PATH } from '../../core/ssm/dhmc';
import type { AwsSession } from '../connection/session';
import type { UiHolder } from '../connection/ui';
import type { DhmcNode, DhmcTreeProvider } from './dhmc-tree';

/** What Enable/Disable DHMC accept as their first argument: a tree row, a Region code, or explicit choices. */
export type DhmcCommandArg = DhmcNode | string | DhmcCommandOptions | undefined;

/** Explicit choices, which skip the pickers (the modal confirmation is always shown). */
export interface DhmcCommandOptions {
  regions?: string[];
  /** Enable only: the setting value, the role name with its path (`service-role/…`); implies SELF_MANAGED. */
  role?: string;
  /**
   * Enable only: `SERVICE_MANAGED` lets Systems Manager create and manage the default role; `SELF_MANAGED` uses
   * `role` (picked when absent). Asked when neither this nor `role` is given.
   */
  permissionModel?: DhmcPermissionModel;
}

/** What Enable/Disable DHMC did; undefined when the user stopped at a prompt before the plan. */
export interface DhmcCommandResult {
  plan: DhmcPlan;
  /** False when the confirmation was declined (no call was made). */
  confirmed: boolean;
  /** True when the default role was created before the settings were changed. */
  roleCreated?: boolean;
  /** True when the default role was repaired (its managed policy attached again) before the settings were changed. */
  roleRepaired?: boolean;
  /** The confirmation shown, when one was. */
  confirmation?: { message: string; detail: string };
  /** The error or warning shown instead of going on, when one was. */
  refused?: string;
  results: DhmcChangeResult[];
}

/** How long after an outcome-unknown write the Region is read once more. */
const RECHECK_MS = 5_000;

export interface DhmcCommandDeps {
  session: AwsSession;
  tree: DhmcTreeProvider;
  ui: UiHolder;
  /** Called with the Regions whose setting changed (the service-settings view reloads them). */
  onChanged(regions: readonly string[]): void;
}

/** A Region code from a command argument: the code itself, or a tree row (`{ region }`). */
export function regionOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'object' && arg !== null && 'region' in arg && typeof (arg as { region: unknown }).region === 'string') return (arg as { region: string }).region;
  return undefined;
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
  if (isOptions(arg)) return arg.regions;
  // A Region code, a Region row, or a row under it (the reason "DHMC is off" offers Enable).
  const region = regionOf(arg);
  return region === undefined ? undefined : [region];
}

/** Picks among the Regions where the plan changes something; the others are left out and counted in the title. */
async function pickRegions(deps: DhmcCommandDeps, plan: DhmcPlan, title: string): Promise<string[] | undefined> {
  const statuses = deps.tree.snapshot();
  const { offered, leftOut } = pickableRegions(plan);
  const note = leftOutNote(leftOut, vscode.l10n.t);
  if (offered.length === 0) {
    deps.ui.current.info(note ? vscode.l10n.t('No Region to change: {0}', note) : vscode.l10n.t('No Region to choose from: check the AWS profile and the Regions setting.'));
    return undefined;
  }
  const items = offered.map((region) => {
    const status = statuses.get(region);
    return { label: region, description: status ? describeStatus(status, vscode.l10n.t) : vscode.l10n.t('Loading…') };
  });
  const picked = await deps.ui.current.pickMany(items, {
    title: note ? `${title} (${note})` : title,
    placeHolder: note ? vscode.l10n.t('Choose one or more Regions · {0}', note) : vscode.l10n.t('Choose one or more Regions'),
    ignoreFocusOut: true,
  });
  return picked && picked.length > 0 ? picked.map((p) => p.label) : undefined;
}

/** The account and the profile, for the confirmations. */
export async function confirmationContext(deps: DhmcCommandDeps, roleLines?: string[]): Promise<ConfirmationContext> {
  const identity = await deps.session.identity();
  const context: ConfirmationContext = { profile: deps.session.profileLabel() };
  if (identity.ok) context.account = identity.identity.account;
  if (roleLines) context.roleLines = roleLines;
  return context;
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

/** The permission model: let Systems Manager create and manage the role, or use one's own. */
async function chooseModel(deps: DhmcCommandDeps): Promise<DhmcPermissionModel | undefined> {
  const pick = await deps.ui.current.pickOne(
    [
      {
        value: 'SERVICE_MANAGED' as DhmcPermissionModel,
        label: vscode.l10n.t('Let Systems Manager create the role'),
        description: vscode.l10n.t('recommended'),
        detail: vscode.l10n.t('Systems Manager creates and manages {0}, with {1} attached.', DEFAULT_DHMC_ROLE.value, DHMC_MANAGED_POLICY),
      },
      {
        value: 'SELF_MANAGED' as DhmcPermissionModel,
        label: vscode.l10n.t('Use my role'),
        detail: vscode.l10n.t('The default role (created if missing) or an existing role; its trust and permissions are checked first.'),
      },
    ],
    { title: vscode.l10n.t('Enable DHMC: who manages the role?'), ignoreFocusOut: true },
  );
  return pick?.value;
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

/** Reads the role (trust, attached and inline policies) and decides: use, create, repair, or refuse. */
async function checkRole(deps: DhmcCommandDeps, value: string): Promise<{ ok: true; decision: DhmcRoleDecision } | { ok: false; message: string }> {
  const problem = validateDhmcRoleValue(value);
  if (problem) return { ok: false, message: dhmcValueProblemMessage(problem, vscode.l10n.t) };
  let decision: DhmcRoleDecision;
  try {
    decision = await inspectDhmcRole(deps.session.port, await deps.session.homeTarget(), value);
  } catch (err) {
    return { ok: false, message: vscode.l10n.t('Could not read the role {0}: {1}', value, toAwsError(err).message) };
  }
  if (decision.action === 'refuse') return { ok: false, message: refusalMessage(decision, vscode.l10n.t) };
  return { ok: true, decision };
}

/**
 * Makes the plan's calls with progress (cancellable), bounded; each write ends after the per-Region timeout as
 * "outcome unknown", and an ambiguous failure is settled by reading the setting back (applyDhmcChange). A plan through
 * the DHMC API falls back to the setting call where a Region does not offer it (`beforeFallback` runs first, once).
 */
async function runPlan(
  deps: DhmcCommandDeps,
  plan: DhmcPlan,
  title: string,
  before?: () => Promise<boolean>,
  beforeFallback?: () => Promise<string | undefined>,
): Promise<DhmcChangeResult[] | undefined> {
  const profile = deps.session.profile;
  const port = deps.session.port;
  const timeoutMs = deps.session.regionTimeoutMs;
  let fallbackReady: Promise<string | undefined> | undefined;
  const onceBeforeFallback = beforeFallback ? () => (fallbackReady ??= beforeFallback()) : undefined;
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const sub = token.onCancellationRequested(() => controller.abort());
    try {
      if (before && !(await before())) return undefined;
      const step = 100 / Math.max(1, plan.changes.length);
      const byRegion = new Map(plan.changes.map((c) => [c.region, c]));
      const outcomes = await loadRegions(
        plan.changes.map((c) => c.region),
        (region, signal) =>
          applyDhmcChange(port, { region, profile }, byRegion.get(region)!, { signal, timeoutMs, t: vscode.l10n.t, ...(onceBeforeFallback ? { beforeFallback: onceBeforeFallback } : {}) }),
        // applyDhmcChange times each write out itself (then reads back): no second timeout here.
        { timeoutMs: Infinity, signal: controller.signal, onResult: (o) => progress.report({ increment: step, message: o.region }) },
      );
      return outcomes.map((o): DhmcChangeResult =>
        o.ok ? o.value : { region: o.region, ok: false, outcome: 'unknown', message: vscode.l10n.t('outcome unknown: the call was cancelled; check the Region again.') },
      );
    } finally {
      sub.dispose();
    }
  });
}

/** Shows the results and reads the Regions again; a Region whose outcome is unknown is read once more a few seconds later. */
async function report(deps: DhmcCommandDeps, plan: DhmcPlan, results: DhmcChangeResult[]): Promise<void> {
  const text = describeResults(plan.operation, results, vscode.l10n.t);
  if (results.some((r) => r.outcome !== 'applied' || r.error)) deps.ui.current.warn(text);
  else deps.ui.current.info(text);
  const regions = plan.changes.map((c) => c.region);
  deps.onChanged(regions);
  await Promise.all(regions.map((r) => deps.tree.refreshRegion(r)));
  const unknown = results.filter((r) => r.outcome === 'unknown').map((r) => r.region);
  if (unknown.length > 0) {
    setTimeout(() => {
      deps.onChanged(unknown);
      for (const r of unknown) void deps.tree.refreshRegion(r);
    }, RECHECK_MS);
  }
}

/** The role's lines of the confirmation: what is checked, created or repaired, and who manages it. */
function roleLinesOf(decision: DhmcRoleDecision, roleValue: string, model: DhmcPermissionModel, viaApi: boolean): string[] {
  if (decision.action === 'use') return [...roleUseNotes(decision, roleValue, vscode.l10n.t), ''];
  const calls = roleCallLines(decision, dhmcTrustPolicy(), vscode.l10n.t);
  if (model === 'SERVICE_MANAGED' && viaApi && decision.action === 'create') {
    // Register creates the role; the role calls are made only for a Region that does not offer the API.
    return [
      vscode.l10n.t('Systems Manager creates the role {0} (path {1}, trusted by ssm.amazonaws.com, with {2} attached) and manages it.', roleValue, DHMC_ROLE_PATH, DHMC_MANAGED_POLICY),
      vscode.l10n.t('Only if a Region does not offer RegisterDefaultHostManagementConfiguration, first:'),
      ...calls,
      '',
    ];
  }
  return [...calls, ''];
}

/**
 * Enable DHMC: the permission model, the role, the Regions, the role check (trust and permissions), the plan, a modal
 * confirmation, the role set-up, the calls (RegisterDefaultHostManagementConfiguration, or UpdateServiceSetting where a
 * Region does not offer it), the report and a refresh.
 */
export async function enableDhmc(deps: DhmcCommandDeps, arg?: DhmcCommandArg, selected?: unknown): Promise<DhmcCommandResult | undefined> {
  const ui = deps.ui.current;
  if (!(await ensureLoaded(deps))) return undefined;
  const options = isOptions(arg) ? arg : undefined;
  const model = options?.permissionModel ?? (options?.role !== undefined ? 'SELF_MANAGED' : await chooseModel(deps));
  if (!model) return undefined;
  const roleValue = model === 'SERVICE_MANAGED' ? DEFAULT_DHMC_ROLE.value : (options?.role ?? (await chooseRole(deps)));
  if (!roleValue) return undefined;
  const problem = validateDhmcRoleValue(roleValue);
  if (problem) {
    ui.error(dhmcValueProblemMessage(problem, vscode.l10n.t));
    return undefined;
  }
  const regions = regionsFromArgs(arg, selected) ?? (await pickRegions(deps, planEnable(deps.tree.regions(), deps.tree.snapshot(), roleValue), vscode.l10n.t('Enable DHMC in…')));
  if (!regions || regions.length === 0) return undefined;
  const home = await deps.session.homeTarget();
  const identity = await deps.session.identity();
  // SELF_MANAGED registers the role by its ARN, which needs the account; without it, the setting (by name) is used.
  let api: DhmcApiChoice | undefined;
  if (model === 'SERVICE_MANAGED') api = { model };
  else if (identity.ok) api = { model, roleArn: dhmcRoleArn(parseDhmcRoleValue(roleValue)!, identity.identity.account, partitionFor(home.region).id) };
  const plan = planEnable(regions, deps.tree.snapshot(), roleValue, api);
  if (plan.changes.length === 0) {
    ui.info(nothingToDo(plan, vscode.l10n.t));
    return { plan, confirmed: false, results: [] };
  }
  const role = await checkRole(deps, roleValue);
  if (!role.ok) {
    ui.error(role.message);
    return { plan, confirmed: false, refused: role.message, results: [] };
  }
  const { decision } = role;
  const confirmation = enableConfirmation(plan, vscode.l10n.t, await confirmationContext(deps, roleLinesOf(decision, roleValue, model, api !== undefined)))!;
  const shown = { message: confirmation.message, detail: confirmation.detail };
  if (!(await ui.confirm(confirmation))) return { plan, confirmed: false, confirmation: shown, results: [] };

  let roleCreated = false;
  let roleRepaired = false;
  let roleError: string | undefined;
  const setUp = async (): Promise<boolean> => {
    const setup = await setUpDhmcRole(deps.session.port, home, decision, {}, vscode.l10n.t);
    roleCreated = setup.created && setup.ok;
    roleRepaired = setup.repaired;
    if (!setup.ok) roleError = setup.message ?? vscode.l10n.t('Could not set up the role {0}.', roleValue);
    return setup.ok;
  };
  // Register with SERVICE_MANAGED creates the missing role itself; only a Region without the API needs ours.
  const registerCreates = model === 'SERVICE_MANAGED' && api !== undefined && decision.action === 'create';
  const results = await runPlan(
    deps,
    plan,
    vscode.l10n.t('Enabling Default Host Management Configuration'),
    async () => (decision.action === 'use' || registerCreates ? true : setUp()),
    registerCreates
      ? async () => {
          // Register may have created it in another Region meanwhile: check again, then create or repair.
          const again = await checkRole(deps, roleValue);
          if (!again.ok) return again.message;
          if (again.decision.action === 'use') return undefined;
          const setup = await setUpDhmcRole(deps.session.port, home, again.decision, {}, vscode.l10n.t);
          roleCreated = setup.created && setup.ok;
          return setup.ok ? undefined : (setup.message ?? vscode.l10n.t('Could not set up the role {0}.', roleValue));
        }
      : undefined,
  );
  if (!results) {
    ui.error(roleError ?? vscode.l10n.t('Cancelled; no setting was changed.'));
    return { plan, confirmed: true, confirmation: shown, roleCreated: false, roleRepaired: false, ...(roleError ? { refused: roleError } : {}), results: [] };
  }
  await report(deps, plan, results);
  if (roleRepaired) ui.info(vscode.l10n.t('Repaired the role {0}: attached {1}.', roleValue, DHMC_MANAGED_POLICY));
  return { plan, confirmed: true, confirmation: shown, roleCreated, roleRepaired, results };
}

/**
 * Disable DHMC: Regions, plan, modal confirmation (account, profile, calls; what stops being managed; the role
 * Systems Manager deletes when it manages it), DeregisterDefaultHostManagementConfiguration (ResetServiceSetting where
 * a Region does not offer it), report.
 */
export async function disableDhmc(deps: DhmcCommandDeps, arg?: DhmcCommandArg, selected?: unknown): Promise<DhmcCommandResult | undefined> {
  const ui = deps.ui.current;
  if (!(await ensureLoaded(deps))) return undefined;
  const regions = regionsFromArgs(arg, selected) ?? (await pickRegions(deps, planDisable(deps.tree.regions(), deps.tree.snapshot()), vscode.l10n.t('Disable DHMC in…')));
  if (!regions || regions.length === 0) return undefined;
  const plan = planDisable(regions, deps.tree.snapshot(), true);
  const confirmation = disableConfirmation(plan, vscode.l10n.t, await confirmationContext(deps));
  if (!confirmation) {
    ui.info(nothingToDo(plan, vscode.l10n.t));
    return { plan, confirmed: false, results: [] };
  }
  const shown = { message: confirmation.message, detail: confirmation.detail };
  if (!(await ui.confirm(confirmation))) return { plan, confirmed: false, confirmation: shown, results: [] };
  const results = (await runPlan(deps, plan, vscode.l10n.t('Disabling Default Host Management Configuration'))) ?? [];
  await report(deps, plan, results);
  return { plan, confirmed: true, confirmation: shown, results };
}
