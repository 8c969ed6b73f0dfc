import * as vscode from 'vscode';
import {
  DEFAULT_DHMC_ROLE,
  DHMC_NONE,
  describeResults,
  describeStatus,
  disableConfirmation,
  dhmcTrustPolicy,
  dhmcValueProblemMessage,
  enableConfirmation,
  inspectDhmcRole,
  leftOutNote,
  loadRegions,
  nothingToDo,
  pickableRegions,
  planDisable,
  planEnable,
  refusalMessage,
  roleCallLines,
  roleUseNotes,
  setUpDhmcRole,
  validateDhmcRoleValue,
  type ConfirmationContext,
  type DhmcChangeResult,
  type DhmcPlan,
  type DhmcRoleDecision,
} from '../../core/dhmc';
import { toAwsError } from '../../core/aws/error';
import { changeSetting } from '../../core/service-settings';
import { DHMC_MANAGED_POLICY, DHMC_ROLE_PATH } from '../../core/ssm/dhmc';
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
async function confirmationContext(deps: DhmcCommandDeps, roleLines?: string[]): Promise<ConfirmationContext> {
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
 * "outcome unknown", and an ambiguous failure is settled by reading the setting back (changeSetting).
 */
async function runPlan(deps: DhmcCommandDeps, plan: DhmcPlan, title: string, before?: () => Promise<boolean>): Promise<DhmcChangeResult[] | undefined> {
  const profile = deps.session.profile;
  const port = deps.session.port;
  const timeoutMs = deps.session.regionTimeoutMs;
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const sub = token.onCancellationRequested(() => controller.abort());
    try {
      if (before && !(await before())) return undefined;
      const step = 100 / Math.max(1, plan.changes.length);
      const byRegion = new Map(plan.changes.map((c) => [c.region, c]));
      const outcomes = await loadRegions(
        plan.changes.map((c) => c.region),
        (region, signal) => {
          const c = byRegion.get(region)!;
          const change = c.operation === 'update' ? { settingId: c.settingId, operation: 'update' as const, value: c.value } : { settingId: c.settingId, operation: 'reset' as const, defaultValue: DHMC_NONE };
          return changeSetting(port, { region, profile }, change, { signal, timeoutMs, label: vscode.l10n.t('Default Host Management Configuration'), t: vscode.l10n.t });
        },
        // changeSetting times the write out itself (then reads back): no second timeout here.
        { timeoutMs: Infinity, signal: controller.signal, onResult: (o) => progress.report({ increment: step, message: o.region }) },
      );
      return outcomes.map((o): DhmcChangeResult => {
        if (!o.ok) return { region: o.region, ok: false, outcome: 'unknown', message: vscode.l10n.t('outcome unknown: the call was cancelled; check the Region again.') };
        const r = o.value;
        const result: DhmcChangeResult = { region: o.region, ok: r.outcome === 'applied', outcome: r.outcome, message: r.message };
        if (r.error) result.error = r.error;
        return result;
      });
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

/** Enable DHMC: role, Regions, role check (trust and permissions), plan, modal confirmation, role set-up, calls, report, refresh. */
export async function enableDhmc(deps: DhmcCommandDeps, arg?: DhmcCommandArg, selected?: unknown): Promise<DhmcCommandResult | undefined> {
  const ui = deps.ui.current;
  if (!(await ensureLoaded(deps))) return undefined;
  const roleValue = (isOptions(arg) ? arg.role : undefined) ?? (await chooseRole(deps));
  if (!roleValue) return undefined;
  const problem = validateDhmcRoleValue(roleValue);
  if (problem) {
    ui.error(dhmcValueProblemMessage(problem, vscode.l10n.t));
    return undefined;
  }
  const regions = regionsFromArgs(arg, selected) ?? (await pickRegions(deps, planEnable(deps.tree.regions(), deps.tree.snapshot(), roleValue), vscode.l10n.t('Enable DHMC in…')));
  if (!regions || regions.length === 0) return undefined;
  const plan = planEnable(regions, deps.tree.snapshot(), roleValue);
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
  const roleLines = decision.action === 'use' ? [...roleUseNotes(decision, roleValue, vscode.l10n.t), ''] : [...roleCallLines(decision, dhmcTrustPolicy(), vscode.l10n.t), ''];
  const confirmation = enableConfirmation(plan, vscode.l10n.t, await confirmationContext(deps, roleLines))!;
  const shown = { message: confirmation.message, detail: confirmation.detail };
  if (!(await ui.confirm(confirmation))) return { plan, confirmed: false, confirmation: shown, results: [] };

  let roleCreated = false;
  let roleRepaired = false;
  let roleError: string | undefined;
  const results = await runPlan(deps, plan, vscode.l10n.t('Enabling Default Host Management Configuration'), async () => {
    if (decision.action === 'use') return true;
    const setup = await setUpDhmcRole(deps.session.port, await deps.session.homeTarget(), decision, {}, vscode.l10n.t);
    roleCreated = setup.created && setup.ok;
    roleRepaired = setup.repaired;
    if (!setup.ok) roleError = setup.message ?? vscode.l10n.t('Could not set up the role {0}.', roleValue);
    return setup.ok;
  });
  if (!results) {
    ui.error(roleError ?? vscode.l10n.t('Cancelled; no setting was changed.'));
    return { plan, confirmed: true, confirmation: shown, roleCreated: false, roleRepaired: false, ...(roleError ? { refused: roleError } : {}), results: [] };
  }
  await report(deps, plan, results);
  if (roleRepaired) ui.info(vscode.l10n.t('Repaired the role {0}: attached {1}.', roleValue, DHMC_MANAGED_POLICY));
  return { plan, confirmed: true, confirmation: shown, roleCreated, roleRepaired, results };
}

/** Disable DHMC: Regions, plan, modal confirmation (account, profile, calls; what stops being managed), reset, report. */
export async function disableDhmc(deps: DhmcCommandDeps, arg?: DhmcCommandArg, selected?: unknown): Promise<DhmcCommandResult | undefined> {
  const ui = deps.ui.current;
  if (!(await ensureLoaded(deps))) return undefined;
  const regions = regionsFromArgs(arg, selected) ?? (await pickRegions(deps, planDisable(deps.tree.regions(), deps.tree.snapshot()), vscode.l10n.t('Disable DHMC in…')));
  if (!regions || regions.length === 0) return undefined;
  const plan = planDisable(regions, deps.tree.snapshot());
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
