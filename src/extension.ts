import type * as vscode from 'vscode';
import { registerApply, type ApplyApi } from './features/apply';
import { registerAwsViews, type AwsViewsApi } from './features/aws';
import { registerCommands } from './features/commands';
import { registerDiagnostics } from './features/diagnostics';
import { registerLanguageFeatures } from './features/language';
import { registerSchemaSettings } from './features/schemas/schema-settings';

// esbuild's banner stamps the start of the bundle's evaluation; the imports above have run by now.
const loadStart = (globalThis as { __ssmPolicyStudioLoadStart?: number }).__ssmPolicyStudioLoadStart;
const loadedAt = performance.now();

/** What the extension returns from activate; tests and the bench read the activation time from it. */
export interface ExtensionApi {
  /** Our share of activation: evaluating the bundle plus running activate (VS Code's own gaps excluded). */
  activationMs: number;
  /** Evaluating the bundle (undefined when it was not built with the esbuild banner, e.g. under tsx). */
  loadMs?: number;
  /** Running activate. */
  activateMs: number;
  /** The DHMC and service-settings views (the integration tests drive them through it). */
  awsViews: AwsViewsApi;
  /** The documented-policies view and the apply-to-role command. */
  apply: ApplyApi;
}

/**
 * Composition root: builds the features and registers them; every disposable goes to context.subscriptions.
 * Snippets and the schemas for conventional file names are declarative contributions in package.json. The IAM
 * data loads on first use, not here.
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  registerSchemaSettings(context);
  const diagnostics = registerDiagnostics(context);
  registerLanguageFeatures(context);
  registerCommands(context, (uri) => diagnostics.lintUri(uri));
  // The AWS SDK loads on first use of the views, not here.
  const awsViews = registerAwsViews(context);
  const apply = registerApply(context, { session: awsViews.session, log: awsViews.log });
  const activateMs = performance.now() - started;
  const loadMs = loadStart === undefined ? undefined : loadedAt - loadStart;
  return { activationMs: (loadMs ?? 0) + activateMs, loadMs, activateMs, awsViews, apply };
}

/** Nothing to release: every disposable goes to context.subscriptions. */
export function deactivate(): void {}
