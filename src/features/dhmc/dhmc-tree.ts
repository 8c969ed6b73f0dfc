import * as vscode from 'vscode';
import { dressStatusItem } from '../common/status-rows';
import {
  dhmcRegionItem,
  dhmcRegionStatus,
  groupLabel,
  groupRegions,
  loadRegions,
  outcomeToRead,
  instanceRow,
  notCheckedRow,
  reasonRow,
  regionSummaryLine,
  shortSummary,
  sortForView,
  summarizeRegions,
  type DhmcGroup,
  type DhmcRegionStatus,
  type InstanceReadiness,
  type ReadinessReason,
} from '../../core/dhmc';
import { errorLabel, errorMarkdown, toAwsError, type AwsError } from '../../core/aws/error';
import { DHMC_SETTING_ID } from '../../core/ssm/dhmc';
import { escapeMarkdown } from '../../core/util/markdown';
import type { AwsSession, IdentityResult } from '../connection/session';
import { ManagedNodes } from './managed-nodes';

/** The view id (declared in package.json). */
export const DHMC_VIEW_ID = 'ssmPolicy.dhmc';

/**
 * A group of Regions by state, a Region row, or the one row that says why no Region could be listed; under a Region,
 * its instances (managed nodes) with their verdicts, or the row that says there are none or why they could not be
 * read; under an instance, its reasons and what was not checked.
 */
export type DhmcNode =
  | { kind: 'group'; group: DhmcGroup }
  | { kind: 'region'; region: string }
  | { kind: 'problem'; error: AwsError }
  | { kind: 'instance'; region: string; readiness: InstanceReadiness }
  | { kind: 'reason'; region: string; instanceId: string; reason: ReadinessReason }
  | { kind: 'notChecked'; region: string; instanceId: string }
  | { kind: 'nodesInfo'; region: string; error?: AwsError };

/** The `contextValue` of a Region still loading, and of the row that replaces the list when it cannot be read. */
export const DHMC_LOADING_CONTEXT = 'dhmcLoading';
export const DHMC_PROBLEM_CONTEXT = 'dhmcProblem';
export const DHMC_GROUP_CONTEXT = 'dhmcGroup';
/** The row under a Region that says it has no instance, or why its instances could not be read. */
export const NODES_INFO_CONTEXT = 'managedNodesInfo';

/** Errors after which no Region can answer: show one row instead of the same error in every Region. */
const SESSION_ERRORS: ReadonlySet<AwsError['kind']> = new Set(['expiredSso', 'noCredentials']);

/**
 * The DHMC view: one row per Region, read concurrently (bounded, with a per-Region timeout), each row appearing as
 * its answer arrives. A refresh or a profile change cancels the calls in flight. One Region failing shows an error
 * row for it; the others stay.
 */
export class DhmcTreeProvider implements vscode.TreeDataProvider<DhmcNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DhmcNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly loadedEmitter = new vscode.EventEmitter<void>();
  /** Fires when a whole load or a Region refresh has finished. */
  readonly onDidLoad = this.loadedEmitter.event;
  private readonly nodes = new Map<string, DhmcNode & { kind: 'region' }>();
  private readonly groups = new Map<DhmcGroup, DhmcNode & { kind: 'group' }>();
  private readonly statuses = new Map<string, DhmcRegionStatus | undefined>();
  private readonly regionLoads = new Map<string, AbortController>();
  private readonly regionDone = new Map<string, Promise<void>>();
  private identity: IdentityResult | undefined;
  private problem: DhmcNode | undefined;
  private controller: AbortController | undefined;
  private listed: Promise<void> | undefined;
  private done: Promise<void> | undefined;
  private generation = 0;
  private view: vscode.TreeView<DhmcNode> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The readiness of managed nodes per Region, read when a Region row is expanded. */
  readonly managedNodes: ManagedNodes;

  constructor(private readonly session: AwsSession) {
    this.managedNodes = new ManagedNodes(session);
    this.disposables.push(
      this.changed,
      this.loadedEmitter,
      this.managedNodes,
      this.managedNodes.onDidChange((region) => {
        if (this.statuses.has(region)) this.changed.fire(this.node(region));
      }),
      session.onDidChange(() => {
        // Reload only when the view has been shown: no AWS call before the user asks.
        if (this.listed) this.refresh();
      }),
    );
  }

  /** Attaches the tree view, whose description and message this provider keeps up to date. */
  attach(view: vscode.TreeView<DhmcNode>): void {
    this.view = view;
    this.updateHeader();
  }

  getTreeItem(node: DhmcNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const count = groupRegions(this.statuses).find((g) => g.group === node.group)?.regions.length ?? 0;
      // The Regions the account has not opted in to are folded away, so that those that matter come first.
      const state = node.group === 'notOptedIn' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
      const item = new vscode.TreeItem(groupLabel(node.group, count, vscode.l10n.t), state);
      item.id = `dhmc/group/${node.group}`;
      item.contextValue = DHMC_GROUP_CONTEXT;
      return item;
    }
    if (node.kind === 'problem') {
      const item = new vscode.TreeItem(errorLabel(node.error, vscode.l10n.t), vscode.TreeItemCollapsibleState.None);
      item.description = node.error.message;
      item.tooltip = new vscode.MarkdownString(errorMarkdown(node.error, vscode.l10n.t).join('\n\n'));
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
      item.contextValue = DHMC_PROBLEM_CONTEXT;
      if (node.error.kind === 'noCredentials' || node.error.kind === 'expiredSso') {
        item.command = { command: 'ssmPolicy.selectAwsProfile', title: vscode.l10n.t('Select AWS Profile') };
      }
      return item;
    }
    if (node.kind !== 'region') return this.readinessItem(node);
    const status = this.statuses.get(node.region);
    // A Region row unfolds into its managed nodes (read when it is unfolded), except where the account cannot go.
    const foldable = status !== undefined && status.kind !== 'notOptedIn';
    const item = new vscode.TreeItem(node.region, foldable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `dhmc/${node.region}`;
    if (!status) {
      item.description = vscode.l10n.t('Loading…');
      item.iconPath = new vscode.ThemeIcon('loading~spin');
      item.contextValue = DHMC_LOADING_CONTEXT;
      return item;
    }
    const view = dhmcRegionItem(status, vscode.l10n.t);
    const nodes = this.managedNodes.get(node.region);
    if (nodes?.state === 'ready') {
      const { summary } = nodes.readiness;
      view.description = [shortSummary(summary, vscode.l10n.t), view.description].filter(Boolean).join(' · ');
      view.tooltip = `${view.tooltip}\n\n${escapeMarkdown(regionSummaryLine(node.region, summary, vscode.l10n.t))}`;
    }
    return dressStatusItem(item, view);
  }

  /** The rows under a Region: an instance, a reason, what was not checked, or the row instead of the instances. */
  private readinessItem(node: Exclude<DhmcNode, { kind: 'group' | 'region' | 'problem' }>): vscode.TreeItem {
    switch (node.kind) {
      case 'instance': {
        const r = node.readiness;
        const hasChildren = r.reasons.length > 0 || r.notChecked.length > 0;
        const item = new vscode.TreeItem(r.instanceId, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `dhmc/${node.region}/${r.instanceId}`;
        return dressStatusItem(item, instanceRow(r, vscode.l10n.t));
      }
      case 'reason': {
        const view = reasonRow(node.reason, vscode.l10n.t);
        const item = new vscode.TreeItem(view.label, vscode.TreeItemCollapsibleState.None);
        item.id = `dhmc/${node.region}/${node.instanceId}/${node.reason.code}`;
        return dressStatusItem(item, view);
      }
      case 'notChecked': {
        const view = notCheckedRow(vscode.l10n.t);
        const item = new vscode.TreeItem(view.label, vscode.TreeItemCollapsibleState.None);
        item.id = `dhmc/${node.region}/${node.instanceId}/notChecked`;
        return dressStatusItem(item, view);
      }
      case 'nodesInfo': {
        const item = new vscode.TreeItem(node.error ? errorLabel(node.error, vscode.l10n.t) : vscode.l10n.t('No EC2 instances in this Region'), vscode.TreeItemCollapsibleState.None);
        item.id = `dhmc/${node.region}/info`;
        item.contextValue = NODES_INFO_CONTEXT;
        if (node.error) {
          item.description = node.error.message;
          item.tooltip = new vscode.MarkdownString(errorMarkdown(node.error, vscode.l10n.t).join('\n\n'));
          item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        } else item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
    }
  }

  async getChildren(node?: DhmcNode): Promise<DhmcNode[]> {
    if (node?.kind === 'group') return (groupRegions(this.statuses).find((g) => g.group === node.group)?.regions ?? []).map((r) => this.node(r));
    if (node?.kind === 'region') return this.instanceNodes(node.region);
    if (node?.kind === 'instance') {
      const { region, readiness: r } = node;
      return [
        ...r.reasons.map((reason): DhmcNode => ({ kind: 'reason', region, instanceId: r.instanceId, reason })),
        ...(r.notChecked.length > 0 ? [{ kind: 'notChecked', region, instanceId: r.instanceId } as const] : []),
      ];
    }
    if (node) return [];
    if (!this.listed) this.load();
    await this.listed;
    if (this.problem) return [this.problem];
    return groupRegions(this.statuses).map((g) => this.groupNode(g.group));
  }

  /**
   * The instances of a Region, read when first asked (the row unfolded): what needs attention first. The wait shows
   * as the view's progress bar; other Regions stay usable.
   */
  async instanceNodes(region: string): Promise<DhmcNode[]> {
    await this.managedNodes.ensure(region);
    const state = this.managedNodes.get(region);
    if (state?.state === 'error') return [{ kind: 'nodesInfo', region, error: state.error }];
    if (state?.state !== 'ready') return [];
    const instances = sortForView(state.readiness.instances);
    if (instances.length === 0) return [{ kind: 'nodesInfo', region }];
    return instances.map((readiness) => ({ kind: 'instance', region, readiness }));
  }

  /** The node of a group (the same object every time). */
  groupNode(group: DhmcGroup): DhmcNode & { kind: 'group' } {
    let n = this.groups.get(group);
    if (!n) {
      n = { kind: 'group', group };
      this.groups.set(group, n);
    }
    return n;
  }

  /** The parent of a Region row: its group (for reveal). */
  getParent(node: DhmcNode): DhmcNode | undefined {
    if (node.kind === 'instance' || node.kind === 'nodesInfo') return this.node(node.region);
    if (node.kind === 'reason' || node.kind === 'notChecked') {
      const state = this.managedNodes.get(node.region);
      const readiness = state?.state === 'ready' ? state.readiness.instances.find((i) => i.instanceId === node.instanceId) : undefined;
      return readiness ? { kind: 'instance', region: node.region, readiness } : undefined;
    }
    if (node.kind !== 'region') return undefined;
    const group = groupRegions(this.statuses).find((g) => g.regions.includes(node.region))?.group;
    return group ? this.groupNode(group) : undefined;
  }

  /** The row of a Region (the same object every time, so a change can name it). */
  node(region: string): DhmcNode & { kind: 'region' } {
    let n = this.nodes.get(region);
    if (!n) {
      n = { kind: 'region', region };
      this.nodes.set(region, n);
    }
    return n;
  }

  /** The Regions of the view, in view order. */
  regions(): string[] {
    return [...this.statuses.keys()];
  }

  /** The status of every Region; `undefined` while it loads. */
  snapshot(): Map<string, DhmcRegionStatus | undefined> {
    return new Map(this.statuses);
  }

  /** The row shown instead of the Regions, when the Regions could not be listed. */
  problemError(): AwsError | undefined {
    return this.problem?.kind === 'problem' ? this.problem.error : undefined;
  }

  /** Loads (when nothing was loaded yet) and resolves when the current load has finished. */
  async whenLoaded(): Promise<void> {
    if (!this.listed) this.load();
    let seen: Promise<void> | undefined;
    // A refresh during the wait starts a new load: wait for that one too.
    while (this.done && seen !== this.done) {
      seen = this.done;
      await seen;
    }
    await Promise.all([...this.regionLoads.keys()].map((r) => this.regionDone.get(r)));
  }

  /** Reloads every Region, cancelling the calls in flight. */
  refresh(): void {
    this.load();
    this.changed.fire(undefined);
  }

  /** Reads one Region again. */
  refreshRegion(region: string): Promise<void> {
    if (!this.statuses.has(region)) return Promise.resolve();
    this.regionLoads.get(region)?.abort();
    const controller = new AbortController();
    this.regionLoads.set(region, controller);
    const generation = this.generation;
    const profile = this.session.profile;
    this.statuses.set(region, undefined);
    // Its managed nodes are read again when the row is unfolded (their verdicts depend on the setting).
    this.managedNodes.forget(region);
    // The Region moves to another group: the groups are rebuilt.
    this.changed.fire(undefined);
    this.updateHeader();
    const done = loadRegions([region], (r, signal) => this.session.port.getServiceSetting({ region: r, profile }, DHMC_SETTING_ID, { signal }), {
      concurrency: 1,
      timeoutMs: this.session.regionTimeoutMs,
      signal: controller.signal,
      onResult: (outcome) => {
        if (generation !== this.generation || this.regionLoads.get(region) !== controller) return;
        this.setStatus(region, dhmcRegionStatus(region, outcomeToRead(outcome, vscode.l10n.t)));
      },
    }).then(() => {
      if (this.regionLoads.get(region) === controller) {
        this.regionLoads.delete(region);
        this.regionDone.delete(region);
        this.loadedEmitter.fire();
      }
    });
    this.regionDone.set(region, done);
    return done;
  }

  private load(): void {
    this.controller?.abort();
    for (const c of this.regionLoads.values()) c.abort();
    this.regionLoads.clear();
    this.regionDone.clear();
    const controller = new AbortController();
    this.controller = controller;
    const generation = ++this.generation;
    this.statuses.clear();
    this.managedNodes.clear();
    this.problem = undefined;
    this.identity = undefined;
    let listedResolve!: () => void;
    this.listed = new Promise((resolve) => (listedResolve = resolve));
    this.done = this.run(generation, controller.signal, listedResolve).finally(() => {
      listedResolve();
      if (generation === this.generation) this.loadedEmitter.fire();
    });
    this.updateHeader();
  }

  private async run(generation: number, signal: AbortSignal, listed: () => void): Promise<void> {
    const stale = (): boolean => generation !== this.generation;
    const identity = await this.session.identity();
    if (stale()) return;
    this.identity = identity;
    if (!identity.ok && SESSION_ERRORS.has(identity.error.kind)) {
      this.problem = { kind: 'problem', error: identity.error };
      this.updateHeader();
      return;
    }
    let regions;
    try {
      regions = await this.session.regions();
    } catch (err) {
      if (stale()) return;
      this.problem = { kind: 'problem', error: toAwsError(err) };
      this.updateHeader();
      return;
    }
    if (stale()) return;
    const toRead: string[] = [];
    for (const r of regions) {
      if (r.enabled) {
        this.statuses.set(r.name, undefined);
        toRead.push(r.name);
      } else {
        this.statuses.set(r.name, { kind: 'notOptedIn', region: r.name, message: '' });
      }
    }
    this.updateHeader();
    listed();
    const profile = this.session.profile;
    await loadRegions(toRead, (region, s) => this.session.port.getServiceSetting({ region, profile }, DHMC_SETTING_ID, { signal: s }), {
      timeoutMs: this.session.regionTimeoutMs,
      signal,
      onResult: (outcome) => {
        if (stale() || this.regionLoads.has(outcome.region)) return;
        this.setStatus(outcome.region, dhmcRegionStatus(outcome.region, outcomeToRead(outcome, vscode.l10n.t)));
      },
    });
  }

  private setStatus(region: string, status: DhmcRegionStatus): void {
    this.statuses.set(region, status);
    this.changed.fire(undefined);
    this.updateHeader();
  }

  private updateHeader(): void {
    const view = this.view;
    if (!view) return;
    view.description = !this.problem && this.statuses.size > 0 ? summarizeRegions([...this.statuses.values()], vscode.l10n.t).text : undefined;
    const identity = this.identity;
    const profile = this.session.profileLabel();
    view.message = !identity
      ? undefined
      : identity.ok
        ? vscode.l10n.t('Account {0} · {1} · profile {2}', identity.identity.account, identity.identity.arn, profile)
        : vscode.l10n.t('Could not identify the caller (profile {0}): {1}', profile, identity.error.message);
  }

  dispose(): void {
    this.generation++;
    this.controller?.abort();
    for (const c of this.regionLoads.values()) c.abort();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
