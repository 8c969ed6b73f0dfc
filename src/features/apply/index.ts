import * as vscode from 'vscode';
import type { AwsSession } from '../connection/session';
import type { UiHolder } from '../connection/ui';
import { applyPolicyToRole } from './apply-command';
import { CATALOG_VIEW_ID, CatalogTreeProvider, type CatalogNode } from './catalog-tree';
import { APPLY_SCHEME, ApplyDocumentProvider } from './documents';

export { type ApplyArgs, type ApplyResult } from './apply-command';
export { type CatalogNode } from './catalog-tree';

/** The command ids of this feature (declared in package.json). */
export const ApplyCommandId = {
  applyPolicyToRole: 'ssmPolicy.applyPolicyToRole',
} as const;

/** What registerApply needs from the connection: the session (profile and AWS port), the prompts and the "SSM Policy Studio: AWS" log. */
export interface ApplyFeatureDeps {
  session: AwsSession;
  ui: UiHolder;
  log: vscode.LogOutputChannel;
}

/** What registerApply returns. */
export interface ApplyApi {
  catalog: CatalogTreeProvider;
}

/**
 * Registers the "Documented Policies" view (`ssmPolicy.catalog`), the read-only documents of the `ssm-policy-apply`
 * scheme (catalog previews, the two sides of a plan's diff) and `ssmPolicy.applyPolicyToRole`. Nothing calls AWS
 * until the command runs.
 */
export function registerApply(context: vscode.ExtensionContext, deps: ApplyFeatureDeps): ApplyApi {
  const documents = new ApplyDocumentProvider();
  const catalog = new CatalogTreeProvider();
  const view = vscode.window.createTreeView<CatalogNode>(CATALOG_VIEW_ID, { treeDataProvider: catalog, showCollapseAll: true });
  const commandDeps = { session: deps.session, ui: () => deps.ui.current, log: deps.log, documents };

  context.subscriptions.push(
    documents,
    view,
    vscode.workspace.registerTextDocumentContentProvider(APPLY_SCHEME, documents),
    vscode.commands.registerCommand(ApplyCommandId.applyPolicyToRole, (arg?: unknown) => applyPolicyToRole(commandDeps, arg)),
  );
  return { catalog };
}
