import * as vscode from 'vscode';
import { catalogEntry, type CatalogEntry } from '../../core/catalog';

/** The scheme of the read-only documents of this feature: the two sides of a diff, and catalog previews. */
export const APPLY_SCHEME = 'ssm-policy-apply';

/** The read-only preview of a catalog entry: `ssm-policy-apply:/catalog/<id>.json`. */
export function catalogPreviewUri(entry: CatalogEntry): vscode.Uri {
  return vscode.Uri.from({ scheme: APPLY_SCHEME, path: `/catalog/${entry.id}.json` });
}

/**
 * Serves the read-only documents: a catalog entry's text as documented, and the current and proposed documents of a
 * plan (kept in memory until disposed; a content provider's documents cannot be edited or saved).
 */
export class ApplyDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string | undefined {
    const stored = this.texts.get(uri.toString());
    if (stored !== undefined) return stored;
    const match = /^\/catalog\/(.+)\.json$/.exec(uri.path);
    return match ? catalogEntry(match[1]!)?.text : undefined;
  }

  /** Stores the two sides of a diff under fresh URIs (`…/<role>/current.json`, `…/<role>/proposed.json`). */
  diffUris(roleName: string, currentText: string, proposedText: string): { current: vscode.Uri; proposed: vscode.Uri } {
    const n = ++this.counter;
    const make = (side: string, text: string) => {
      const uri = vscode.Uri.from({ scheme: APPLY_SCHEME, path: `/plan/${n}/${roleName}/${side}.json` });
      this.texts.set(uri.toString(), text);
      return uri;
    };
    return { current: make('current', currentText), proposed: make('proposed', proposedText) };
  }

  dispose(): void {
    this.texts.clear();
    this.changed.dispose();
  }
}
