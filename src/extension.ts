import type * as vscode from 'vscode';
import { registerCommands } from './features/commands';
import { registerDiagnostics } from './features/diagnostics';
import { registerLanguageFeatures } from './features/language';
import { registerSchemaSettings } from './features/schemas/schema-settings';

// When the bundle started to load: activation time is measured from here (module evaluation included).
const loadedAt = performance.now();

/** What the extension returns from activate; tests and the bench read the activation time from it. */
export interface ExtensionApi {
  /** Milliseconds from the start of loading the bundle to the end of activate. */
  activationMs: number;
}

/**
 * Composition root: builds the features and registers them; every disposable goes to context.subscriptions.
 * Snippets and the schemas for conventional file names are declarative contributions in package.json. The IAM
 * data loads on first use, not here.
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  registerSchemaSettings(context);
  const diagnostics = registerDiagnostics(context);
  registerLanguageFeatures(context);
  registerCommands(context, (uri) => diagnostics.lintUri(uri));
  return { activationMs: performance.now() - loadedAt };
}

/** Nothing to release: every disposable goes to context.subscriptions. */
export function deactivate(): void {}
