import * as vscode from 'vscode';
import { sortRegions } from '../../core/dhmc';
import { toAwsError, type AwsError } from '../../core/aws/error';
import { escapeMarkdown } from '../../core/util/markdown';
import type { AwsPort, AwsTarget, CallerIdentity, SsmRegion } from '../../core/aws/port';

/**
 * The settings this feature reads (declared in package.json). All three are application-scoped and read from the user
 * settings only ({@link userValue}): a workspace must not choose whose credentials sign the calls, nor where they go.
 */
export const AwsSetting = {
  section: 'ssmPolicy.aws',
  profile: 'profile',
  regions: 'regions',
  regionTimeout: 'regionTimeout',
} as const;

/**
 * The user's (global) value of an AWS setting, never a workspace's: VS Code already ignores workspace values of
 * application-scoped settings, and reading `globalValue` keeps it so should a declaration ever change.
 */
function userValue(key: string): unknown {
  return vscode.workspace.getConfiguration(AwsSetting.section).inspect<unknown>(key)?.globalValue;
}

/** The identity of the session: the caller, or why it is unknown. */
export type IdentityResult = { ok: true; identity: CallerIdentity } | { ok: false; error: AwsError };

/**
 * The connection the AWS views share: the profile (a user setting), the caller identity and the Regions, each read
 * once per profile and on demand (never at activation), and the status bar item that shows the profile and the
 * account once a view has asked. `onDidChange` fires when the profile or the Regions setting changes.
 */
export class AwsSession implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the profile, the Regions setting or the port changes: the views reload. */
  readonly onDidChange = this.changed.event;
  private readonly statusItem: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private identityPromise: Promise<IdentityResult> | undefined;
  private regionsPromise: Promise<SsmRegion[]> | undefined;
  private lastIdentity: IdentityResult | undefined;
  private readinessLines: readonly string[] = [];

  constructor(private currentPort: AwsPort & { reset?(): void }) {
    this.statusItem = vscode.window.createStatusBarItem('ssmPolicy.aws.profile', vscode.StatusBarAlignment.Left, 10);
    this.statusItem.name = vscode.l10n.t('SSM Policy Studio: AWS profile');
    this.statusItem.command = 'ssmPolicy.selectAwsProfile';
    this.disposables.push(
      this.changed,
      this.statusItem,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${AwsSetting.section}.${AwsSetting.profile}`) || e.affectsConfiguration(`${AwsSetting.section}.${AwsSetting.regions}`)) {
          this.invalidate();
        }
      }),
    );
  }

  /** The AWS port the views and commands call. */
  get port(): AwsPort {
    return this.currentPort;
  }

  /** Replaces the port (integration tests, through the test API); the views reload. */
  setPort(port: AwsPort & { reset?(): void }): void {
    this.currentPort = port;
    this.invalidate();
  }

  /** Where global calls (STS, IAM) go: the profile's home Region, and the profile. */
  async homeTarget(): Promise<AwsTarget> {
    const profile = this.profile;
    return { region: await this.currentPort.homeRegion(profile), profile };
  }

  /** A Region with the profile. */
  target(region: string): AwsTarget {
    return { region, profile: this.profile };
  }

  /**
   * The chosen profile, or undefined for the default credential chain. Only the user (global) value counts, even
   * if the setting were declared with a wider scope: a repository must not pick the credentials.
   */
  get profile(): string | undefined {
    const value = userValue(AwsSetting.profile);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }

  /** The per-Region timeout in ms (setting in seconds; default 15 s). */
  get regionTimeoutMs(): number {
    const seconds = userValue(AwsSetting.regionTimeout);
    return typeof seconds === 'number' && seconds > 0 ? seconds * 1000 : 15_000;
  }

  /**
   * Forgets the identity and the Regions, and the port's cached clients and credentials (after a profile change, the
   * next calls sign with what the files and the environment say now), and tells the views to reload.
   */
  invalidate(): void {
    this.currentPort.reset?.();
    this.identityPromise = undefined;
    this.regionsPromise = undefined;
    this.changed.fire();
  }

  /** The caller identity (STS GetCallerIdentity), read once per profile; a failure is not remembered. */
  identity(): Promise<IdentityResult> {
    if (!this.identityPromise) {
      this.showStatus(undefined);
      const promise: Promise<IdentityResult> = this.homeTarget()
        .then((target) => this.currentPort.getCallerIdentity(target))
        .then(
          (identity) => ({ ok: true, identity }),
          (err: unknown) => ({ ok: false, error: toAwsError(err) }),
        );
      this.identityPromise = promise;
      void promise.then((result) => {
        if (this.identityPromise !== promise) return;
        if (!result.ok) this.identityPromise = undefined;
        this.showStatus(result);
      });
    }
    return this.identityPromise;
  }

  /** The Regions to show, narrowed by `ssmPolicy.aws.regions`, in view order; read once per profile. */
  regions(): Promise<SsmRegion[]> {
    if (!this.regionsPromise) {
      const promise = this.homeTarget()
        .then((target) => this.currentPort.listSsmRegions(target))
        .then((list) => this.narrow(list.regions));
      this.regionsPromise = promise;
      promise.catch(() => {
        if (this.regionsPromise === promise) this.regionsPromise = undefined;
      });
    }
    return this.regionsPromise;
  }

  private narrow(all: readonly SsmRegion[]): SsmRegion[] {
    const wanted = userValue(AwsSetting.regions);
    const names = Array.isArray(wanted) ? wanted.filter((r): r is string => typeof r === 'string' && r.trim() !== '').map((r) => r.trim()) : [];
    const byName = new Map(all.map((r) => [r.name, r]));
    // A Region named in the setting but unknown to the list is still shown: the user asked for it.
    const chosen = names.length > 0 ? names.map((n) => byName.get(n) ?? { name: n, optInStatus: 'unknown', enabled: true }) : [...all];
    const order = sortRegions(chosen.map((r) => r.name));
    const chosenByName = new Map(chosen.map((r) => [r.name, r]));
    return order.map((n) => chosenByName.get(n) as SsmRegion);
  }

  /** The label of the profile: its name, or "default credentials". */
  profileLabel(): string {
    return this.profile ?? vscode.l10n.t('default credentials');
  }

  /** The managed-node summaries of the Regions read (one line each), shown in the status bar item's tooltip. */
  setReadinessLines(lines: readonly string[]): void {
    this.readinessLines = [...lines];
    if (this.lastIdentity?.ok) this.showStatus(this.lastIdentity);
  }

  /** The status bar item's tooltip (for the tests). */
  statusTooltip(): string {
    const tooltip = this.statusItem.tooltip;
    return typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
  }

  private showStatus(result: IdentityResult | undefined): void {
    this.lastIdentity = result;
    const profile = this.profileLabel();
    if (!result) {
      this.statusItem.text = `$(loading~spin) ${profile}`;
      this.statusItem.tooltip = vscode.l10n.t('AWS profile: {0}', profile);
    } else if (result.ok) {
      this.statusItem.text = `$(cloud) ${profile} · ${result.identity.account}`;
      const tooltip = new vscode.MarkdownString(undefined, false);
      tooltip.appendMarkdown(vscode.l10n.t('AWS profile: {0}', profile));
      tooltip.appendMarkdown('\n\n');
      tooltip.appendMarkdown(vscode.l10n.t('Account: {0}', result.identity.account));
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(result.identity.arn);
      tooltip.appendMarkdown('\n\n');
      if (this.readinessLines.length > 0) {
        tooltip.appendMarkdown('\n\n');
        tooltip.appendMarkdown(vscode.l10n.t('Managed nodes:'));
        for (const line of this.readinessLines) {
          tooltip.appendMarkdown(`\n- ${escapeMarkdown(line)}`);
        }
      }
      tooltip.appendMarkdown('\n\n');
      tooltip.appendMarkdown(vscode.l10n.t('Click to select another profile.'));
      this.statusItem.tooltip = tooltip;
    } else {
      this.statusItem.text = `$(warning) ${profile}`;
      this.statusItem.tooltip = vscode.l10n.t('AWS profile {0}: {1}', profile, result.error.message);
    }
    this.statusItem.show();
  }

  /** The "Select AWS Profile" command: a quick pick of the profiles found; the choice goes to the user settings. */
  async selectProfile(): Promise<string | undefined> {
    let profiles: string[];
    try {
      profiles = (await this.currentPort.listProfiles()).map((p) => p.name);
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not read the AWS profiles: {0}', toAwsError(err).message));
      return undefined;
    }
    const current = this.profile;
    type ProfilePick = vscode.QuickPickItem & { profile: string };
    const picks: ProfilePick[] = [
      {
        profile: '',
        label: vscode.l10n.t('Default credential chain'),
        description: current === undefined ? vscode.l10n.t('current') : '',
        detail: vscode.l10n.t('Environment variables, then the default profile, SSO, process credentials …'),
      },
      ...profiles.map((p) => ({ profile: p, label: p, description: p === current ? vscode.l10n.t('current') : '' })),
    ];
    const pick = await vscode.window.showQuickPick(picks, {
      title: vscode.l10n.t('Select AWS Profile'),
      placeHolder: profiles.length === 0 ? vscode.l10n.t('No profiles found in the shared config and credentials files') : vscode.l10n.t('The profile whose credentials the AWS views use'),
    });
    if (!pick) return undefined;
    if (pick.profile === (current ?? '')) this.invalidate();
    // Otherwise the configuration listener invalidates.
    else await vscode.workspace.getConfiguration(AwsSetting.section).update(AwsSetting.profile, pick.profile, vscode.ConfigurationTarget.Global);
    return pick.profile;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
