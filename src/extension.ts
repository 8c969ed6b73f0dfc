import type * as vscode from 'vscode';
import { registerSchemaSettings } from './features/schemas/schema-settings';

/**
 * Composition root: builds the features and registers them; every disposable goes to context.subscriptions.
 * Snippets and the schemas for conventional file names are declarative contributions in package.json.
 */
export function activate(context: vscode.ExtensionContext): void {
  registerSchemaSettings(context);
}

/** Nothing to release: every disposable goes to context.subscriptions. */
export function deactivate(): void {}
