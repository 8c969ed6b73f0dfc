import * as vscode from 'vscode';
import type { AwsSession } from '../aws/session';
import { UiHolder, type AwsUi } from '../aws/ui';
import { createApplyBackend, type ApplyBackend } from './apply-backend';
import { applyPolicyToRole } from './apply-command';
import { CATALOG_VIEW_ID, CatalogTreeProvider, type CatalogNode } from './catalog-tree';
import { APPLY_SCHEME, ApplyDocumentProvider } from './documents';

export { type ApplyArgs, type ApplyResult } from './apply-command';
export { type ApplyBackend, type ApplyRole, type AccountAndRegion } from './apply-backend';
export { type CatalogNode } from './catalog-tree';

/** The command ids of this feature (declared in package.json). */
export const ApplyCommandId = {
  applyPolicyToRole: 'ssmPolicy.applyPolicyToRole',
} as const;

/** What registerApply needs from the AWS feature: the session (profile) and the "SSM Policy Studio: AWS" log. */
export interface ApplyFeatureDeps {
  session: AwsSession;
  log: vscode.LogOutputChannel;
  /** The AWS backend; by default one over src/aws (the apply engine), loaded on first use. */
  backend?: ApplyBackend;
}

/** What registerApply returns: the seams integration tests use. */
export interface ApplyApi {
  catalog: CatalogTreeProvider;
  /** Replaces some prompts (a modal dialog cannot be answered from the extension host) until disposed. */
  useUi(ui: Partial<AwsUi>): vscode.Disposable;
  /** Replaces the backend until disposed. */
  useBackend(backend: ApplyBackend): vscode.Disposable;
}

/**
 * Registers the "Documented Policies" view (`ssmPolicy.catalog`), the read-only documents of the `ssm-policy-apply`
 * scheme (catalog previews, the two sides of a plan's diff) and `ssmPolicy.applyPolicyToRole`. Nothing calls AWS
 * until the command runs.
 */
export function registerApply(context: vscode.ExtensionContext, deps: ApplyFeatureDeps): ApplyApi {
  let backend: ApplyBackend;
  if (deps.backend) backend = deps.backend;
  else {
    const real = createApplyBackend();
    context.subscriptions.push(real);
    backend = real;
  }
  const ui = new UiHolder();
  const documents = new ApplyDocumentProvider();
  const catalog = new CatalogTreeProvider();
  const view = vscode.window.createTreeView<CatalogNode>(CATALOG_VIEW_ID, { treeDataProvider: catalog, showCollapseAll: true });
  const commandDeps = { session: deps.session, backend: () => backend, ui: () => ui.current, log: deps.log, documents };

  context.subscriptions.push(
    documents,
    view,
    vscode.workspace.registerTextDocumentContentProvider(APPLY_SCHEME, documents),
    vscode.commands.registerCommand(ApplyCommandId.applyPolicyToRole, (arg?: unknown) => applyPolicyToRole(commandDeps, arg)),
  );

  return {
    catalog,
    useUi: (partial) => ui.use(partial),
    useBackend: (replacement) => {
      const previous = backend;
      backend = replacement;
      return new vscode.Disposable(() => {
        backend = previous;
      });
    },
  };
}
