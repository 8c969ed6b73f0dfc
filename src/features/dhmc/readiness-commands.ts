import * as vscode from 'vscode';
import {
  attachPolicyConfirmation,
  attachPolicyToRole,
  describeFixResults,
  imdsConfirmation,
  parseDhmcRoleValue,
  readinessReport,
  requireImdsV2,
  type FixResult,
  type RegionReadiness,
} from '../../core/dhmc';
import { managedPolicyArn } from '../../core/aws/arn';
import { DHMC_MANAGED_POLICY } from '../../core/ssm/dhmc';
import { confirmationContext, regionOf, type DhmcCommandDeps } from './dhmc-commands';
import type { DhmcNode } from './dhmc-tree';

/** What a fix command did: the confirmation shown, whether it was confirmed, and how each write ended. */
export interface ReadinessFixResult {
  confirmed: boolean;
  confirmation?: { message: string; detail: string };
  results: FixResult[];
  /** Why nothing was asked, when nothing was. */
  refused?: string;
}


/** The Regions whose managed nodes can be read: those whose setting could be read, or that failed for another reason. */
function readableRegions(deps: DhmcCommandDeps): string[] {
  return [...deps.tree.snapshot()].filter(([, s]) => s !== undefined && s.kind !== 'notOptedIn' && s.kind !== 'denied').map(([r]) => r);
}

/** Check Managed Nodes: reads the readiness of one Region (a row or a code) or of every readable Region. */
export async function checkManagedNodes(deps: DhmcCommandDeps, arg?: unknown): Promise<RegionReadiness[]> {
  await deps.tree.whenLoaded();
  const one = regionOf(arg);
  const regions = one ? [one] : readableRegions(deps);
  await vscode.window.withProgress({ location: { viewId: 'ssmPolicy.dhmc' }, title: vscode.l10n.t('Reading managed nodes…') }, () => deps.tree.managedNodes.loadAll(regions));
  return deps.tree.managedNodes.loaded().filter((r) => regions.includes(r.region));
}

/** Copy Report: the Region's readiness table (read first if needed), or every Region read, as Markdown on the clipboard. */
export async function copyReadinessReport(deps: DhmcCommandDeps, arg?: unknown): Promise<string | undefined> {
  const one = regionOf(arg);
  if (one) await deps.tree.managedNodes.ensure(one);
  const read = deps.tree.managedNodes.loaded().filter((r) => !one || r.region === one);
  if (read.length === 0) {
    const state = one ? deps.tree.managedNodes.get(one) : undefined;
    deps.ui.current.error(
      state?.state === 'error'
        ? vscode.l10n.t('Could not read the managed nodes of {0}: {1}', one ?? '', state.error.message)
        : vscode.l10n.t('No Region has been checked yet: unfold a Region of the Default Host Management view, or run Check Managed Nodes.'),
    );
    return undefined;
  }
  const text = read.map((r) => readinessReport(r.region, r.instances, vscode.l10n.t)).join('\n');
  await vscode.env.clipboard.writeText(text);
  deps.ui.current.info(
    read.length === 1 ? vscode.l10n.t('Copied the managed-node report of {0} ({1} instances).', read[0]!.region, read[0]!.instances.length) : vscode.l10n.t('Copied the managed-node report of {0} Regions.', read.length),
  );
  return text;
}

/** The instances an argument names for Require IMDSv2: an instance row or its IMDS reason row, or `{ region, instanceIds }`. */
function imdsTargets(arg: unknown): { region: string; instances: { instanceId: string; name?: string }[] } | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as { kind?: unknown; region?: unknown; instanceIds?: unknown };
  if (typeof a.region !== 'string') return undefined;
  const node = arg as DhmcNode;
  if (node.kind === 'instance') {
    const r = node.readiness;
    return r.reasons.some((x) => x.code === 'imdsOptional') ? { region: node.region, instances: [{ instanceId: r.instanceId, ...(r.name ? { name: r.name } : {}) }] } : undefined;
  }
  if (node.kind === 'reason') return node.reason.code === 'imdsOptional' ? { region: node.region, instances: [{ instanceId: node.instanceId }] } : undefined;
  if (a.kind === undefined && Array.isArray(a.instanceIds)) {
    return { region: a.region, instances: a.instanceIds.filter((i): i is string => typeof i === 'string').map((instanceId) => ({ instanceId })) };
  }
  return undefined;
}

/**
 * Require IMDSv2 on the selected instances (or the clicked one, or `{ region, instanceIds }`) whose IMDSv2 is
 * optional, per Region: a confirmation listing each call, then the calls, the report, and the Region read again.
 */
export async function requireImdsV2Command(deps: DhmcCommandDeps, arg?: unknown, selected?: unknown): Promise<ReadinessFixResult | undefined> {
  const ui = deps.ui.current;
  const nodes = (Array.isArray(selected) && selected.length > 0 ? selected : [arg]) as unknown[];
  const byRegion = new Map<string, { instanceId: string; name?: string }[]>();
  for (const n of nodes) {
    const found = imdsTargets(n);
    if (found) byRegion.set(found.region, [...(byRegion.get(found.region) ?? []), ...found.instances]);
  }
  if (byRegion.size === 0) {
    const refused = vscode.l10n.t('Select instances whose IMDSv2 is optional in the Default Host Management view.');
    ui.error(refused);
    return { confirmed: false, results: [], refused };
  }
  if (byRegion.size > 1) {
    const refused = vscode.l10n.t('Select instances of one Region at a time ({0}).', [...byRegion.keys()].join(', '));
    ui.error(refused);
    return { confirmed: false, results: [], refused };
  }
  const [[region, instances]] = [...byRegion] as [[string, { instanceId: string; name?: string }[]]];
  const confirmation = imdsConfirmation(region, instances, vscode.l10n.t, await confirmationContext(deps));
  const shown = { message: confirmation.message, detail: confirmation.detail };
  if (!(await ui.confirm(confirmation))) return { confirmed: false, confirmation: shown, results: [] };
  const results = await ui.progress(vscode.l10n.t('Requiring IMDSv2 in {0}', region), false, () =>
    requireImdsV2(
      deps.session.port,
      deps.session.target(region),
      instances.map((i) => i.instanceId),
    ),
  );
  report(deps, results);
  await deps.tree.managedNodes.load(region);
  return { confirmed: true, confirmation: shown, results };
}

/**
 * Attach AmazonSSMManagedEC2InstanceDefaultPolicy to the role a Region's DHMC setting names (from a reason row or
 * a Region): a confirmation with the call, the call, the report, and every Region read that names the role read again.
 */
export async function attachDhmcPolicyCommand(deps: DhmcCommandDeps, arg?: unknown): Promise<ReadinessFixResult | undefined> {
  const ui = deps.ui.current;
  const region = regionOf(arg);
  if (!region) return undefined;
  await deps.tree.managedNodes.ensure(region);
  const state = deps.tree.managedNodes.get(region);
  const value = state?.state === 'ready' ? state.readiness.dhmc.roleValue : undefined;
  const role = value ? parseDhmcRoleValue(value) : undefined;
  if (!role) {
    const refused = vscode.l10n.t('The DHMC setting of {0} names no role to attach the policy to.', region);
    ui.error(refused);
    return { confirmed: false, results: [], refused };
  }
  const home = await deps.session.homeTarget();
  const policyArn = managedPolicyArn(home.region, DHMC_MANAGED_POLICY);
  const sharing = deps.tree.managedNodes.loaded().filter((r) => r.dhmc.roleValue === value).map((r) => r.region);
  const confirmation = attachPolicyConfirmation(role.name, policyArn, sharing.length > 0 ? sharing : [region], vscode.l10n.t, await confirmationContext(deps));
  const shown = { message: confirmation.message, detail: confirmation.detail };
  if (!(await ui.confirm(confirmation))) return { confirmed: false, confirmation: shown, results: [] };
  const result = await attachPolicyToRole(deps.session.port, home, role.name, policyArn);
  report(deps, [result]);
  await deps.tree.managedNodes.loadAll(sharing.length > 0 ? sharing : [region]);
  return { confirmed: true, confirmation: shown, results: [result] };
}

function report(deps: DhmcCommandDeps, results: readonly FixResult[]): void {
  const text = describeFixResults(results, vscode.l10n.t);
  if (results.every((r) => r.outcome === 'applied')) deps.ui.current.info(text);
  else deps.ui.current.warn(text);
}
