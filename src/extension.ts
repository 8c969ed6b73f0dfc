import type * as vscode from 'vscode';

/**
 * Composition root. The policy engine ships first as the `ssm-policy-lint` CLI; editor diagnostics,
 * quick fixes, views and commands are registered here as they land (see the issues).
 */
export function activate(_context: vscode.ExtensionContext): void {
  // Nothing to register yet: snippets and schemas are declarative contributions.
}

/** Nothing to release: every disposable goes to context.subscriptions. */
export function deactivate(): void {}
