/**
 * What activate() returns. Production: the activation timings only (the bench reads them). In the integration
 * tests (extension mode Test, which only the test runner's extensionTestsPath gets) also the test API, whose hooks
 * swap the prompts and the AWS port: no other extension can reach them, since none can change our extension mode.
 */
import type * as vscode from 'vscode';
import type { AwsPort } from './core/aws/port';
import type { ApplyApi } from './features/apply';
import type { AwsSession } from './features/connection/session';
import type { AwsUi } from './features/connection/ui';
import type { DhmcTreeProvider } from './features/dhmc/dhmc-tree';
import type { SchemaAssociationsFeature } from './features/schemas';
import type { SettingsTreeProvider } from './features/service-settings/settings-tree';

/** How long activation took. */
export interface ActivationTimings {
  /** Our share of activation: evaluating the bundle plus running activate (VS Code's own gaps excluded). */
  activationMs: number;
  /** Evaluating the bundle (undefined when it was not built with the esbuild banner, e.g. under tsx). */
  loadMs?: number;
  /** Running activate. */
  activateMs: number;
}

/** The DHMC and service-settings views, and the hooks the integration tests drive them with. */
export interface AwsViewsTestApi {
  session: AwsSession;
  log: vscode.LogOutputChannel;
  dhmc: DhmcTreeProvider;
  settings: SettingsTreeProvider;
  /** Replaces some prompts (a modal dialog cannot be answered from the extension host) until disposed. */
  useUi(ui: Partial<AwsUi>): vscode.Disposable;
  /** Replaces the AWS port until disposed; the views reload. */
  usePort(port: AwsPort): vscode.Disposable;
}

/** The documented-policies view and the apply command, and the prompts hook. */
export interface ApplyTestApi extends ApplyApi {
  useUi(ui: Partial<AwsUi>): vscode.Disposable;
}

/** Workspace trust as the extension sees it (the harness runs with trust disabled: every workspace is trusted). */
export interface TrustTestApi {
  /** Pretends the workspace is (not) trusted until disposed. */
  use(trusted: boolean): vscode.Disposable;
}

/** The test API: only in extension mode Test. */
export interface TestApi {
  awsViews: AwsViewsTestApi;
  apply: ApplyTestApi;
  /** The schema associations: the registry, the json.schemas fallback and its prompt. */
  schemas: SchemaAssociationsFeature;
  trust: TrustTestApi;
}

/** What activate() returns: the timings, plus the test API in the integration tests only. */
export type ExtensionApi = ActivationTimings & Partial<TestApi>;

/** The value of activate(): the test API is made and added only when `isTestMode` (extension mode Test). */
export function extensionApi(isTestMode: boolean, timings: ActivationTimings, testApi: () => TestApi): ExtensionApi {
  return isTestMode ? { ...timings, ...testApi() } : { ...timings };
}
