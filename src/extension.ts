import * as vscode from 'vscode';
import { extensionApi, type ExtensionApi } from './extension-api';
import { registerApply } from './features/apply';
import { registerCommands } from './features/commands';
import { registerConnection } from './features/connection';
import { registerDhmc } from './features/dhmc';
import { registerDiagnostics } from './features/diagnostics';
import { registerLanguageFeatures } from './features/language';
import { registerSchemaAssociations } from './features/schemas';
import { registerServiceSettings } from './features/service-settings';
import { WorkspaceTrust } from './features/common/trust';

export type { ExtensionApi } from './extension-api';

// esbuild's banner stamps the start of the bundle's evaluation; the imports above have run by now.
const loadStart = (globalThis as { __ssmPolicyStudioLoadStart?: number }).__ssmPolicyStudioLoadStart;
const loadedAt = performance.now();

/**
 * Composition root: builds the features and registers them; every disposable goes to context.subscriptions.
 * Snippets and the schemas for conventional file names are declarative contributions in package.json. The IAM
 * data loads on first use, not here; so does the AWS SDK (src/features/connection/load-aws.ts).
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const trust = new WorkspaceTrust();
  context.subscriptions.push(trust);
  // First: VS Code's JSON language features may read the schema association registry at any time.
  const schemas = registerSchemaAssociations(context, trust);
  const diagnostics = registerDiagnostics(context, trust, schemas);
  registerLanguageFeatures(context, schemas);
  registerCommands(context, (uri) => diagnostics.lintUri(uri));
  const connection = registerConnection(context);
  const dhmc = registerDhmc(context, connection);
  const settings = registerServiceSettings(context, connection);
  const apply = registerApply(context, connection);
  const activateMs = performance.now() - started;
  const loadMs = loadStart === undefined ? undefined : loadedAt - loadStart;
  const { session, ui, log } = connection;
  return extensionApi(context.extensionMode === vscode.ExtensionMode.Test, { activationMs: (loadMs ?? 0) + activateMs, loadMs, activateMs }, () => ({
    awsViews: {
      session,
      log,
      dhmc,
      settings,
      useUi: (partial) => ui.use(partial),
      usePort: (port) => {
        const previous = session.port;
        session.setPort(port);
        return new vscode.Disposable(() => session.setPort(previous));
      },
    },
    apply: { ...apply, useUi: (partial) => ui.use(partial) },
    schemas,
    trust: { use: (trusted) => trust.use(trusted) },
  }));
}

/** Nothing to release: every disposable goes to context.subscriptions. */
export function deactivate(): void {}
