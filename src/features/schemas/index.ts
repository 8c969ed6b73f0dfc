import * as vscode from 'vscode';
import { localeOf, type Locale } from '../../core/i18n';
import type { PolicyKind, StandaloneKind } from '../../core/policy/types';
import { SCHEMA_LOCALES, schemaFiles } from '../../core/schema/associations';
import type { WorkspaceTrust } from '../common/trust';
import { AssociationRegistry, REGISTRY_SCHEME } from './association-registry';
import { SchemaSettingsSync, vscodeSchemaWritePrompt, type SchemaWritePrompt } from './schema-settings';

export { REGISTRY_URI } from './association-registry';
export { CONSENT_KEYS, type SchemaWritePrompt, type SchemaWriteQuestion } from './schema-settings';

/** How the `ssmPolicy.schemas.*` globs reach the JSON schemas. */
export type AssociationMode = 'registry' | 'settings';

/** What the diagnostics tell the schema associations. */
export interface SchemaAssociations {
  /**
   * An open document the linter found to be a policy through the globs or its content gets the schema of `kind`;
   * `undefined` ends its association (closed, renamed, no longer a policy, or found by its file name, whose schema
   * `contributes.jsonValidation` gives).
   */
  associate(uri: vscode.Uri, kind: PolicyKind | undefined): void;
}

/** What the language features ask the schema associations. */
export interface SchemaCoverage {
  /** True when VS Code's JSON language features give the document one of the policy schemas through the registry. */
  served(uri: vscode.Uri): boolean;
}

/** The schema associations, and the hooks the integration tests drive them with (only in Test mode). */
export interface SchemaAssociationsFeature extends SchemaAssociations, SchemaCoverage {
  registry: AssociationRegistry;
  mode(): AssociationMode;
  /** The language of the schemas served: VS Code's display language (Japanese, or English). */
  locale(): Locale;
  /** The URL of the schema of a kind that the extension serves now. */
  schemaUrl(kind: StandaloneKind): string;
  /** Test mode: serves the schemas of another language, as with that display language, until disposed. */
  useLocale(locale: Locale): vscode.Disposable;
  /** Test mode: behaves as with a VS Code whose JSON support does not read the registry, until disposed. */
  useSettings(): vscode.Disposable;
  /** Test mode: answers the json.schemas prompt instead of the workbench until disposed. */
  usePrompt(prompt: SchemaWritePrompt): vscode.Disposable;
  /** Settings mode: brings json.schemas in step now (asking first); resolves when done. */
  syncSettings(): Promise<void>;
  /** Test mode: forgets the remembered answers to the json.schemas prompt. */
  forgetConsents(): Promise<void>;
}

/**
 * True when VS Code's JSON language features read `contributes.jsonValidationRegistry` (they contribute a registry of
 * their own in the versions that do), so that the extension can associate documents with its schemas without writing
 * any setting.
 */
export function jsonFeaturesReadRegistries(): boolean {
  const manifest = vscode.extensions.getExtension('vscode.json-language-features')?.packageJSON as { contributes?: { jsonValidationRegistry?: unknown } } | undefined;
  return Array.isArray(manifest?.contributes?.jsonValidationRegistry);
}

/**
 * The language of the schemas the extension serves: `schemas/ja/…` when VS Code's display language is Japanese
 * (`ja`, `ja-JP` …), `schemas/…` otherwise. VS Code cannot localize a schema, so each language has its own files.
 */
export function schemaLocale(language: string = vscode.env.language): Locale {
  return localeOf(language);
}

/** The URLs of the schemas of a language, in the extension's folder. */
export function schemaUrls(extensionUri: vscode.Uri, locale: Locale): Readonly<Record<StandaloneKind, string>> {
  const files = schemaFiles(locale);
  const url = (kind: StandaloneKind): string => vscode.Uri.joinPath(extensionUri, files[kind]).toString();
  return { identity: url('identity'), trust: url('trust'), scp: url('scp') };
}

/**
 * Registers the schema associations the extension owns. Where VS Code's JSON language features read extension
 * registries (`contributes.jsonValidationRegistry`), the extension serves one from its own read-only file system
 * (scheme `ssm-policy-studio`), naming each open document the linter treats as a policy through the globs or its
 * content: no setting is ever written. Elsewhere the globs are copied into `json.schemas`, with the user's consent
 * (see SchemaSettingsSync). Call first in activate: the JSON language features may read the registry at any time.
 */
export function registerSchemaAssociations(context: vscode.ExtensionContext, trust: WorkspaceTrust): SchemaAssociationsFeature {
  // The schemas of the display language; json.schemas entries written for another language are ours too (replaced).
  let locale = schemaLocale();
  const schemaUrl = (kind: StandaloneKind): string => schemaUrls(context.extensionUri, locale)[kind];
  const otherUrls = (): string[] => SCHEMA_LOCALES.filter((l) => l !== locale).flatMap((l) => Object.values(schemaUrls(context.extensionUri, l)));
  const registry = new AssociationRegistry(schemaUrl);
  let prompt: SchemaWritePrompt = vscodeSchemaWritePrompt;
  const settings = new SchemaSettingsSync(context, trust, () => prompt, schemaUrl, otherUrls);
  let mode: AssociationMode = jsonFeaturesReadRegistries() ? 'registry' : 'settings';
  const syncSettings = (): Promise<void> => (mode === 'settings' ? settings.sync() : Promise.resolve());
  const setMode = (next: AssociationMode): void => {
    mode = next;
    registry.setEnabled(mode === 'registry');
    void syncSettings();
  };
  setMode(mode);
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(REGISTRY_SCHEME, registry, { isReadonly: true, isCaseSensitive: true }),
    registry,
    settings,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('ssmPolicy.schemas')) void syncSettings();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void syncSettings()),
    trust.onDidChange(() => void syncSettings()),
  );
  return {
    registry,
    locale: () => locale,
    schemaUrl,
    associate: (uri, kind) => registry.set(uri, kind),
    served: (uri) => registry.served(uri),
    mode: () => mode,
    syncSettings,
    forgetConsents: () => settings.forgetConsents(),
    useSettings() {
      const previous = mode;
      setMode('settings');
      return new vscode.Disposable(() => setMode(previous));
    },
    useLocale(next) {
      const previous = locale;
      const change = (to: Locale): void => {
        locale = to;
        registry.refresh();
        void syncSettings();
      };
      change(next);
      return new vscode.Disposable(() => change(previous));
    },
    usePrompt(next) {
      const previous = prompt;
      prompt = next;
      return new vscode.Disposable(() => {
        prompt = previous;
      });
    },
  };
}
