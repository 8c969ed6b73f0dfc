import * as vscode from 'vscode';
import { catalogEntry, type CatalogEntry } from '../../core/catalog';

/** The scheme of the read-only documents of this feature: the two sides of a diff, and catalog previews. */
export const APPLY_SCHEME = 'ssm-policy-apply';

/** The read-only preview of a catalog entry: `ssm-policy-apply:/catalog/<id>.json`. */
export function catalogPreviewUri(entry: CatalogEntry): vscode.Uri {
  return vscode.Uri.from({ scheme: APPLY_SCHEME, path: `/catalog/${entry.id}.json` });
}

/** The two sides of a plan's diff. */
export interface PlanDiff {
  current: vscode.Uri;
  proposed: vscode.Uri;
}

/** The diff tabs showing one of these diffs (left side `current`, right side `proposed`). */
export function planDiffTabs(diffs: readonly PlanDiff[]): vscode.Tab[] {
  const wanted = new Set(diffs.map((d) => `${d.current.toString()}\n${d.proposed.toString()}`));
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputTextDiff && wanted.has(`${tab.input.original.toString()}\n${tab.input.modified.toString()}`));
}

/**
 * Serves the read-only documents: a catalog entry's text as documented, and the current and proposed documents of a
 * plan (kept in memory until the diff is closed through {@link close} or the provider is disposed; a content
 * provider's documents cannot be edited or saved).
 */
export class ApplyDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  /** The diffs of each role, by `<account>/<role>`. */
  private readonly diffs = new Map<string, PlanDiff[]>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string | undefined {
    const stored = this.texts.get(uri.toString());
    if (stored !== undefined) return stored;
    const match = /^\/catalog\/(.+)\.json$/.exec(uri.path);
    return match ? catalogEntry(match[1]!)?.text : undefined;
  }

  /** Stores the two sides of a diff under fresh URIs (`…/<account>/<role>/current.json`, `…/proposed.json`). */
  diffUris(accountId: string, roleName: string, currentText: string, proposedText: string): PlanDiff {
    const n = ++this.counter;
    const make = (side: string, text: string) => {
      const uri = vscode.Uri.from({ scheme: APPLY_SCHEME, path: `/plan/${n}/${accountId}/${roleName}/${side}.json` });
      this.texts.set(uri.toString(), text);
      return uri;
    };
    const diff = { current: make('current', currentText), proposed: make('proposed', proposedText) };
    const key = `${accountId}/${roleName}`;
    this.diffs.set(key, [...(this.diffs.get(key) ?? []), diff]);
    return diff;
  }

  /** The diffs stored for a role of an account, oldest first. */
  diffsOf(accountId: string, roleName: string): PlanDiff[] {
    return [...(this.diffs.get(`${accountId}/${roleName}`) ?? [])];
  }

  /** Replaces the text of one side; an open editor shows the new text. */
  update(uri: vscode.Uri, text: string): void {
    if (!this.texts.has(uri.toString())) return;
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  /** Closes the tabs showing these diffs and forgets their texts. */
  async close(diffs: readonly PlanDiff[]): Promise<void> {
    const tabs = planDiffTabs(diffs);
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs, true);
    const gone = new Set(diffs);
    for (const diff of diffs) {
      this.texts.delete(diff.current.toString());
      this.texts.delete(diff.proposed.toString());
    }
    for (const [key, list] of this.diffs) {
      const kept = list.filter((d) => !gone.has(d));
      if (kept.length > 0) this.diffs.set(key, kept);
      else this.diffs.delete(key);
    }
  }

  dispose(): void {
    this.texts.clear();
    this.diffs.clear();
    this.changed.dispose();
  }
}
