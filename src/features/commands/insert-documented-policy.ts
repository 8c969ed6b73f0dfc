import { getLocation } from 'jsonc-parser';
import * as vscode from 'vscode';
import { catalog, catalogEntry, type CatalogEntry } from '../../core/catalog';
import { localized } from '../common/locale';
import { buildSnippets, STATEMENTS_SUFFIX } from '../../core/catalog/snippets';

/** The scheme of the read-only documents that show the text of AWS managed policies. */
export const MANAGED_POLICY_SCHEME = 'ssm-policy-managed';

/** The read-only document of a managed catalog entry: `ssm-policy-managed:/AmazonSSMManagedInstanceCore.json?<id>`. */
export function managedPolicyUri(entry: CatalogEntry): vscode.Uri {
  return vscode.Uri.from({ scheme: MANAGED_POLICY_SCHEME, path: `/${entry.managed?.name ?? entry.id}.json`, query: entry.id });
}

/** Serves the text of AWS managed policies to read-only editors (a content provider's documents cannot be edited). */
export class ManagedPolicyContentProvider implements vscode.TextDocumentContentProvider {
  provideTextDocumentContent(uri: vscode.Uri): string | undefined {
    const entry = catalogEntry(uri.query);
    return entry?.managed ? entry.text : undefined;
  }
}


interface EntryPick extends vscode.QuickPickItem {
  entry?: CatalogEntry;
}

/**
 * Inserts a documented policy. With an entry id (from tests or keybindings) no picker is shown. A documented policy is
 * inserted as a snippet (placeholders become tab stops) at the cursor of the active editor, or in a new untitled JSON
 * document when no editor is open; inside an existing `Statement` array only its statements go in. AWS managed
 * policies are references, not templates: they open read-only. Resolves with the editor that shows the result.
 */
export async function insertDocumentedPolicy(entryId?: unknown): Promise<vscode.TextEditor | undefined> {
  let entry: CatalogEntry | undefined;
  if (typeof entryId === 'string') {
    entry = catalogEntry(entryId);
    if (!entry) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No documented policy has the id: {0}', entryId));
      return undefined;
    }
  } else {
    entry = await pickEntry();
    if (!entry) return undefined;
  }
  if (entry.managed) return openManagedPolicy(entry);

  let editor = vscode.window.activeTextEditor;
  // A managed policy's read-only view takes no edits: such a policy goes into a new document too.
  if (!editor || editor.document.uri.scheme === MANAGED_POLICY_SCHEME) {
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: '' });
    editor = await vscode.window.showTextDocument(document);
  }
  const snippet = snippetFor(entry, editor.document, editor.selection.active);
  const inserted = await editor.insertSnippet(new vscode.SnippetString(snippet), editor.selection);
  if (!inserted) void vscode.window.showWarningMessage(vscode.l10n.t('Could not insert the policy into: {0}', editor.document.fileName));
  return editor;
}

/** Opens the text of an AWS managed policy in a read-only editor. */
export async function openManagedPolicy(entry: CatalogEntry): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(managedPolicyUri(entry));
  const json = document.languageId === 'json' ? document : await vscode.languages.setTextDocumentLanguage(document, 'json');
  return vscode.window.showTextDocument(json, { preview: true });
}

async function pickEntry(): Promise<CatalogEntry | undefined> {
  const documented = catalog.filter((e) => !e.managed);
  const managed = catalog.filter((e) => e.managed);
  const items: EntryPick[] = [
    { label: vscode.l10n.t('Documented policies (inserted as snippets)'), kind: vscode.QuickPickItemKind.Separator },
    ...documented.map((entry) => ({ label: localized(entry.title), description: entry.id, detail: localized(entry.description), entry })),
    { label: vscode.l10n.t('AWS managed policies (open read-only)'), kind: vscode.QuickPickItemKind.Separator },
    ...managed.map((entry) => ({ label: `$(lock) ${localized(entry.title)}`, description: entry.managed?.name, detail: localized(entry.description), entry })),
  ];
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Insert Documented Policy'),
    placeHolder: vscode.l10n.t('Choose a policy from the AWS Systems Manager User Guide'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return chosen?.entry;
}

/**
 * The snippet to insert at a position: the entry's statements alone (with the commas they need) when the position is
 * between the items of a `Statement` array, the whole policy otherwise.
 */
export function snippetFor(entry: CatalogEntry, document: vscode.TextDocument, position: vscode.Position): string {
  const snippets = Object.values(buildSnippets([entry]));
  const whole = snippets.find((s) => s.prefix === entry.id);
  const statements = snippets.find((s) => s.prefix === `${entry.id}${STATEMENTS_SUFFIX}`);
  const content = document.getText();
  const offset = document.offsetAt(position);
  const location = getLocation(content, offset);
  const inStatementArray =
    location.path.length === 2 && location.path[0] === 'Statement' && typeof location.path[1] === 'number' && !location.isAtPropertyKey && !location.previousNode;
  if (statements && inStatementArray) {
    const before = content.slice(0, offset).trimEnd();
    const after = content.slice(offset).trimStart();
    const lead = before.endsWith('}') ? ',\n' : '';
    const trail = after.startsWith('{') ? ',' : '';
    return `${lead}${statements.body.join('\n')}${trail}`;
  }
  return (whole ?? statements)?.body.join('\n') ?? '';
}
