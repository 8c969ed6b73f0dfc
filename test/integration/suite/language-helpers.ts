import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** A file of the fixture workspace's language folder. */
export function languageFixture(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, 'language', ...segments);
}

/** The position `delta` characters after the first occurrence of `needle` in the document. */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 1): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} is in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}

/** The text of a hover's contents, whatever form each part takes. */
export function hoverText(hover: vscode.Hover): string {
  return hover.contents
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Every provider's hovers at a position (the JSON language server may answer too). */
export async function hoversAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
}

/** The hover of ours whose text matches, failing with what was there instead. */
export async function ourHover(uri: vscode.Uri, position: vscode.Position, mark: RegExp): Promise<{ hover: vscode.Hover; text: string }> {
  const hovers = await hoversAt(uri, position);
  const found = hovers.map((hover) => ({ hover, text: hoverText(hover) })).find((h) => mark.test(h.text));
  assert.ok(found, `a hover matching ${mark} at ${position.line}:${position.character}; got ${JSON.stringify(hovers.map(hoverText))}`);
  return found;
}

/** Every provider's completion items at a position. */
export async function completionsAt(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger);
  return list?.items ?? [];
}

/** The label of a completion item as a string. */
export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The item with this label and kind, failing with a sample of what was offered. */
export function itemNamed(items: readonly vscode.CompletionItem[], label: string, kind?: vscode.CompletionItemKind): vscode.CompletionItem {
  const found = items.find((i) => labelOf(i) === label && (kind === undefined || i.kind === kind));
  assert.ok(found, `${label} among ${items.length} items: ${items.slice(0, 10).map(labelOf).join(', ')}`);
  return found;
}

/** The range an item replaces (its `replacing` range when it has two). */
export function replacedRange(item: vscode.CompletionItem): vscode.Range | undefined {
  const r = item.range;
  if (!r) return undefined;
  return r instanceof vscode.Range ? r : r.replacing;
}

/** The text an item inserts. */
export function insertedText(item: vscode.CompletionItem): string {
  const t = item.insertText;
  if (t === undefined) return labelOf(item);
  return typeof t === 'string' ? t : t.value;
}
