import * as vscode from 'vscode';
import { dressStatusItem } from '../common/status-rows';
import { loadRegions, outcomeToRead } from '../../core/dhmc';
import { AwsError, errorLabel, errorMarkdown, toAwsError } from '../../core/aws/error';
import { settingRow, sharedError, type SettingRow } from '../../core/service-settings';
import { SERVICE_SETTINGS } from '../../core/ssm/service-settings';
import type { AwsSession } from '../connection/session';

/** The view id (declared in package.json). */
export const SETTINGS_VIEW_ID = 'ssmPolicy.serviceSettings';

/** The `contextValue` of a Region node, and of the row that says why there is nothing to show. */
export const SETTINGS_REGION_CONTEXT = 'serviceSettingsRegion';
export const SETTINGS_PROBLEM_CONTEXT = 'serviceSettingsProblem';
export const SETTINGS_GROUP_CONTEXT = 'serviceSettingsNotOptedIn';

/** How many settings of one Region are read at once: they share one endpoint. */
const SETTINGS_CONCURRENCY = 4;

export type SettingsNode =
  | { kind: 'notOptedIn'; regions: string[] }
  | { kind: 'region'; region: string; enabled: boolean }
  | { kind: 'setting'; region: string; settingId: string; row: SettingRow }
  | { kind: 'problem'; error: AwsError; id: string; /** Set when the error is shared by every setting of this Region. */ region?: string };

/**
 * The service settings view: a node per Region; expanding one reads every documented setting there (a few at a
 * time, each with the per-Region timeout). A setting that cannot be read shows its error; the others stay.
 */
export class SettingsTreeProvider implements vscode.TreeDataProvider<SettingsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SettingsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly regionNodes = new Map<string, SettingsNode & { kind: 'region' }>();
  private readonly rows = new Map<string, Promise<SettingsNode[]>>();
  private readonly controllers = new Map<string, AbortController>();
  private shown = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly session: AwsSession) {
    this.disposables.push(
      this.changed,
      session.onDidChange(() => {
        if (this.shown) this.refresh();
      }),
    );
  }

  getTreeItem(node: SettingsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'notOptedIn': {
        const item = new vscode.TreeItem(vscode.l10n.t('Not enabled in this account ({0})', node.regions.length), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = 'settings/notOptedIn';
        item.iconPath = new vscode.ThemeIcon('cloud-download');
        item.tooltip = vscode.l10n.t('Opt-in Regions the account has not enabled: Systems Manager cannot be used there.');
        item.contextValue = SETTINGS_GROUP_CONTEXT;
        return item;
      }
      case 'region': {
        const item = new vscode.TreeItem(node.region, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `settings/${node.region}`;
        item.iconPath = new vscode.ThemeIcon(node.enabled ? 'globe' : 'cloud-download');
        if (!node.enabled) item.description = vscode.l10n.t('Region not enabled');
        item.contextValue = SETTINGS_REGION_CONTEXT;
        return item;
      }
      case 'setting': {
        const { row } = node;
        const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
        item.id = `settings/${row.region}/${row.settingId}`;
        return dressStatusItem(item, row);
      }
      default: {
        const item = new vscode.TreeItem(errorLabel(node.error, vscode.l10n.t), vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = node.region ? vscode.l10n.t('every setting of this Region: {0}', node.error.message) : node.error.message;
        item.tooltip = new vscode.MarkdownString(errorMarkdown(node.error, vscode.l10n.t).join('\n\n'));
        item.iconPath = new vscode.ThemeIcon(node.error.kind === 'regionNotEnabled' ? 'info' : node.error.kind === 'accessDenied' ? 'lock' : 'error');
        item.contextValue = SETTINGS_PROBLEM_CONTEXT;
        return item;
      }
    }
  }

  async getChildren(node?: SettingsNode): Promise<SettingsNode[]> {
    if (!node) return this.regionChildren();
    if (node.kind === 'notOptedIn') return node.regions.map((r) => this.regionNode(r, false));
    if (node.kind !== 'region') return [];
    let rows = this.rows.get(node.region);
    if (!rows) {
      rows = this.readRegion(node);
      this.rows.set(node.region, rows);
    }
    return rows;
  }

  private async regionChildren(): Promise<SettingsNode[]> {
    this.shown = true;
    const identity = await this.session.identity();
    if (!identity.ok && (identity.error.kind === 'expiredSso' || identity.error.kind === 'noCredentials')) {
      return [{ kind: 'problem', error: identity.error, id: 'settings/problem' }];
    }
    try {
      const regions = await this.session.regions();
      // The Regions that can be used first; those the account has not opted in to folded into one group.
      const enabled: SettingsNode[] = regions.filter((r) => r.enabled).map((r) => this.regionNode(r.name, true));
      const notOptedIn = regions.filter((r) => !r.enabled).map((r) => r.name);
      return notOptedIn.length > 0 ? [...enabled, { kind: 'notOptedIn', regions: notOptedIn }] : enabled;
    } catch (err) {
      return [{ kind: 'problem', error: toAwsError(err), id: 'settings/problem' }];
    }
  }

  private regionNode(region: string, enabled: boolean): SettingsNode & { kind: 'region' } {
    let n = this.regionNodes.get(region);
    if (!n || n.enabled !== enabled) {
      n = { kind: 'region', region, enabled };
      this.regionNodes.set(region, n);
    }
    return n;
  }

  private async readRegion(node: SettingsNode & { kind: 'region' }): Promise<SettingsNode[]> {
    const { region } = node;
    if (!node.enabled) {
      const error = new AwsError({ kind: 'regionNotEnabled', message: vscode.l10n.t('The account has not opted in to this Region.') });
      return [{ kind: 'problem', error, id: `settings/${region}/problem` }];
    }
    this.controllers.get(region)?.abort();
    const controller = new AbortController();
    this.controllers.set(region, controller);
    const profile = this.session.profile;
    const outcomes = await loadRegions(
      SERVICE_SETTINGS.map((s) => s.id),
      (id, signal) => this.session.port.getServiceSetting({ region, profile }, id, { signal }),
      { concurrency: SETTINGS_CONCURRENCY, timeoutMs: this.session.regionTimeoutMs, signal: controller.signal },
    );
    if (this.controllers.get(region) === controller) this.controllers.delete(region);
    const reads = outcomes.map((o) => outcomeToRead(o, vscode.l10n.t));
    const shared = sharedError(reads);
    if (shared) return [{ kind: 'problem', error: shared, id: `settings/${region}/problem`, region }];
    return reads.map((read, i) => {
      const setting = SERVICE_SETTINGS[i]!;
      const row = settingRow(region, setting, read, vscode.l10n.t);
      return { kind: 'setting', region, settingId: setting.id, row };
    });
  }

  /** The rows of a Region, reading them when needed (for commands and tests). */
  async rowsOf(region: string): Promise<SettingRow[]> {
    const node = this.regionNodes.get(region) ?? this.regionNode(region, true);
    const children = await this.getChildren(node);
    return children.filter((c): c is SettingsNode & { kind: 'setting' } => c.kind === 'setting').map((c) => c.row);
  }

  /** Reads every Region again (only those expanded are read right away). */
  refresh(): void {
    for (const c of this.controllers.values()) c.abort();
    this.controllers.clear();
    this.rows.clear();
    this.changed.fire(undefined);
  }

  /** Reads one Region's settings again. */
  refreshRegion(region: string): void {
    this.controllers.get(region)?.abort();
    this.rows.delete(region);
    const node = this.regionNodes.get(region);
    this.changed.fire(node);
  }

  dispose(): void {
    for (const c of this.controllers.values()) c.abort();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
