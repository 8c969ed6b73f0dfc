import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, ConfigError, type LintConfig } from '../../core/lint';
import { parseConfigText } from '../../core/lint/editor-config';
import { allRules } from '../../core/rules';
import { MANAGE_TRUST_COMMAND, type WorkspaceTrust } from '../common/trust';

interface Loaded {
  config?: LintConfig;
  error?: string;
}

/**
 * The `.ssm-policy-lint.json` of each workspace folder (the file the CLI reads), read with `workspace.fs`,
 * cached and watched. A file that cannot be used is reported once and ignored, never thrown. In an untrusted workspace
 * the file is not read (it could turn off the rules that flag a dangerous grant): the rules keep their default
 * severities, and a message says so once, until the workspace is trusted.
 */
export class WorkspaceLintConfig implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<Loaded>>();
  private readonly reported = new Map<string, string>();
  private toldRestricted = false;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Fires when a configuration file was created, changed or deleted, or the workspace folders changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly trust: WorkspaceTrust) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const invalidate = (uri: vscode.Uri): void => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder || configUri(folder).toString() !== uri.toString()) return;
      this.cache.delete(folder.uri.toString());
      this.changed.fire();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(invalidate),
      watcher.onDidChange(invalidate),
      watcher.onDidDelete(invalidate),
      // A save through the editor is seen at once, before the file watcher reports it.
      vscode.workspace.onDidSaveTextDocument((doc) => invalidate(doc.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.cache.clear();
        this.changed.fire();
      }),
      trust.onDidChange(() => {
        this.cache.clear();
        this.toldRestricted = false;
        this.changed.fire();
      }),
    );
  }

  /** The configuration that applies to a document: its workspace folder's file, or undefined. */
  async get(uri: vscode.Uri): Promise<LintConfig | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    if (!this.trust.isTrusted) {
      void this.tellRestricted(folder);
      return undefined;
    }
    const key = folder.uri.toString();
    let loading = this.cache.get(key);
    if (!loading) {
      loading = this.load(folder);
      this.cache.set(key, loading);
    }
    const loaded = await loading;
    this.report(key, folder, loaded.error);
    return loaded.config;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.cache.clear();
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<Loaded> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(configUri(folder));
    } catch (err) {
      if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound') return {};
      return { error: vscode.l10n.t('cannot read the file ({0})', err instanceof Error ? err.message : String(err)) };
    }
    try {
      const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
      return { config: parseConfigText(text, allRules, CONFIG_FILE_NAME) };
    } catch (err) {
      return { error: err instanceof ConfigError ? err.message : String(err) };
    }
  }

  /** Says once, when a folder has the file, that Restricted Mode leaves it unread. */
  private async tellRestricted(folder: vscode.WorkspaceFolder): Promise<void> {
    if (this.toldRestricted) return;
    this.toldRestricted = true;
    try {
      await vscode.workspace.fs.stat(configUri(folder));
    } catch {
      // No file, nothing left out: ask again for another folder.
      this.toldRestricted = false;
      return;
    }
    const manage = vscode.l10n.t('Manage Workspace Trust');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('Restricted Mode: SSM Policy Studio does not read {0} in a workspace you have not trusted; the rules keep their default severities.', CONFIG_FILE_NAME),
      manage,
    );
    if (choice === manage) void vscode.commands.executeCommand(MANAGE_TRUST_COMMAND);
  }

  /** Shows a problem once per folder until the file changes to another problem (or is fixed). */
  private report(key: string, folder: vscode.WorkspaceFolder, error: string | undefined): void {
    if (error === undefined) {
      this.reported.delete(key);
      return;
    }
    if (this.reported.get(key) === error) return;
    this.reported.set(key, error);
    const where = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders.length > 1 ? `${folder.name}/${CONFIG_FILE_NAME}` : CONFIG_FILE_NAME;
    void vscode.window.showWarningMessage(
      vscode.l10n.t('SSM Policy Studio ignores {0} until it is fixed: {1}', where, error),
    );
  }
}

function configUri(folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
}
