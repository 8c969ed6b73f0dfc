import * as vscode from 'vscode';
import { catalog, type CatalogEntry, type Localized } from '../../core/catalog';
import { localized } from '../common/locale';
import { catalogPreviewUri } from './documents';

/** The id of the "Documented Policies" view (declared in package.json). */
export const CATALOG_VIEW_ID = 'ssmPolicy.catalog';

/** A node of the view: a source page of the guide, or one policy of it. */
export type CatalogNode = { kind: 'source'; title: Localized; entries: readonly CatalogEntry[] } | { kind: 'entry'; entry: CatalogEntry };



/**
 * The documented policies grouped by the page of the guide they come from (`source.title`), in catalog order. Each
 * policy has the context value `catalogEntry` (documented) or `catalogManagedEntry` (AWS managed), for
 * "Apply to Role…". Static: the catalog ships with the extension.
 */
export class CatalogTreeProvider implements vscode.TreeDataProvider<CatalogNode> {
  private readonly sources: CatalogNode[];

  constructor(entries: readonly CatalogEntry[] = catalog) {
    const byTitle = new Map<string, { title: Localized; entries: CatalogEntry[] }>();
    for (const entry of entries) {
      const key = entry.source.title.en;
      let group = byTitle.get(key);
      if (!group) byTitle.set(key, (group = { title: entry.source.title, entries: [] }));
      group.entries.push(entry);
    }
    this.sources = [...byTitle.values()].map((g) => ({ kind: 'source', title: g.title, entries: g.entries }));
  }

  getChildren(node?: CatalogNode): CatalogNode[] {
    if (!node) return this.sources;
    return node.kind === 'source' ? node.entries.map((entry) => ({ kind: 'entry', entry })) : [];
  }

  getTreeItem(node: CatalogNode): vscode.TreeItem {
    if (node.kind === 'source') {
      const item = new vscode.TreeItem(localized(node.title), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `source:${node.title.en}`;
      item.iconPath = new vscode.ThemeIcon('book');
      item.contextValue = 'catalogSource';
      item.description = String(node.entries.length);
      return item;
    }
    const { entry } = node;
    const item = new vscode.TreeItem(localized(entry.title), vscode.TreeItemCollapsibleState.None);
    item.id = `entry:${entry.id}`;
    item.description = entry.managed ? entry.managed.name : entry.id;
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.appendText(localized(entry.description));
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('Kind: {0}', entry.kind));
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(entry.managed ? 'lock' : entry.kind === 'trust' ? 'shield' : 'json');
    item.contextValue = entry.managed ? 'catalogManagedEntry' : 'catalogEntry';
    // A click shows the policy as documented, read-only; nothing is inserted anywhere.
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Policy'), arguments: [catalogPreviewUri(entry), { preview: true }] };
    return item;
  }

  /** The node of an entry, for tests and `reveal`. */
  entryNode(id: string): CatalogNode | undefined {
    for (const source of this.sources) {
      if (source.kind !== 'source') continue;
      const entry = source.entries.find((e) => e.id === id);
      if (entry) return { kind: 'entry', entry };
    }
    return undefined;
  }
}
