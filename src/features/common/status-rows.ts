import * as vscode from 'vscode';

/** What a core row builder says a status row looks like (src/core/dhmc, src/core/service-settings). */
export interface StatusRowView {
  description?: string;
  /** Markdown, not trusted: it holds values and messages from AWS. */
  tooltip: string;
  /** A codicon name. */
  icon: string;
  contextValue: string;
}

/** The theme colour of each status icon the AWS views use. */
const ICON_COLORS: Readonly<Record<string, string>> = {
  pass: 'testing.iconPassed',
  'pass-filled': 'testing.iconPassed',
  warning: 'list.warningForeground',
  error: 'list.errorForeground',
  lock: 'list.warningForeground',
};

/** Gives a tree item a status row's description, tooltip, coloured icon and context value. */
export function dressStatusItem(item: vscode.TreeItem, view: StatusRowView): vscode.TreeItem {
  item.description = view.description;
  item.tooltip = new vscode.MarkdownString(view.tooltip);
  const color = ICON_COLORS[view.icon];
  item.iconPath = new vscode.ThemeIcon(view.icon, color ? new vscode.ThemeColor(color) : undefined);
  item.contextValue = view.contextValue;
  return item;
}
