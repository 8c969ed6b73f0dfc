import * as vscode from 'vscode';

/**
 * Whether the workspace is trusted, for the features that read what a workspace holds (`.ssm-policy-lint.json`) or
 * write to its settings. VS Code itself ignores the workspace values of the settings package.json lists under
 * `capabilities.untrustedWorkspaces.restrictedConfigurations` (rule severities, schema globs); this covers the rest.
 * `onDidChange` fires when the workspace becomes trusted (VS Code never takes trust back without a reload).
 */
export class WorkspaceTrust implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Set by the integration tests only (the harness runs with workspace trust disabled, so everything is trusted). */
  private override: boolean | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed, vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire())];

  get isTrusted(): boolean {
    return this.override ?? vscode.workspace.isTrusted;
  }

  /** Test mode: pretends the workspace is (not) trusted until disposed; each change fires `onDidChange`. */
  use(trusted: boolean): vscode.Disposable {
    const previous = this.override;
    this.override = trusted;
    this.changed.fire();
    return new vscode.Disposable(() => {
      this.override = previous;
      this.changed.fire();
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The command that opens VS Code's workspace trust editor. */
export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';
