import * as vscode from 'vscode';
import { MAX_EDITOR_TEXT_LENGTH } from '../../core/policy/limits';
import { applyFixes, lintText, tooLargeNotice, type LintFinding, type LintOptions } from '../../core/lint';
import { mergeLintConfig, ruleSeveritiesFromSetting } from '../../core/lint/editor-config';
import { standsFor } from '../../core/lint/json-service';
import { lintTemplateText, templateFormatOf, type TemplateFormat } from '../../core/embedded';
import { detectPolicyDocument, type PolicyDetection } from '../../core/policy/globs';
import type { PolicyKind, StandaloneKind } from '../../core/policy/types';
import { allRules } from '../../core/rules';
import type { SchemaAssociations } from '../schemas';
import { editorLocale } from '../common/locale';
import { jsonServiceProblems, toDiagnostic } from './convert';
import { localizeFindings } from '../../core/i18n';
import type { WorkspaceLintConfig } from './workspace-config';

/** The languages whose documents may be policies, or templates holding policies. */
const LANGUAGES = new Set(['json', 'jsonc', 'yaml', 'terraform']);

/** What a document is to the linter: a policy of a kind (detected how), or a template of a format. */
type Detected = { kind: PolicyKind | 'auto'; by: PolicyDetection; template?: undefined } | { template: TemplateFormat };

/**
 * Schemes of documents that are files the user edits (not diff views, output channels or git history); documents of
 * any scheme inside a workspace folder are linted too (a virtual workspace's files).
 */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

/** The settings with globs that mark files as policies of a kind. */
const GLOB_SETTINGS: Readonly<Record<StandaloneKind, string>> = {
  identity: 'schemas.identityPolicyFiles',
  trust: 'schemas.trustPolicyFiles',
  scp: 'schemas.scpFiles',
};

/** The default of `ssmPolicy.diagnostics.delay`, in milliseconds. */
const DEFAULT_DELAY = 150;

/**
 * Milliseconds the rules may take on one document: the extension host runs every extension on one thread, so a
 * pathological document gets the findings so far and a notice instead of freezing them all.
 */
export const LINT_BUDGET_MS = 1000;

/** The findings of one document version, with the options they were made with. */
export interface DocumentFindings {
  version: number;
  findings: LintFinding[];
  options: LintOptions;
}

/** What one lint of a document found, and what it was linted as. */
interface LintRun {
  findings: LintFinding[];
  options: LintOptions;
  /** The kind the linter read the policy as (for `auto`, the one its content says). */
  kind: PolicyKind;
}

/**
 * Lints every open JSON/JSONC document that is an IAM policy (by the user's globs, the conventional file names,
 * or its content) and publishes the findings as diagnostics, debounced while the user types.
 *
 * One problem, one entry: VS Code's JSON language service validates the same documents and reports syntax errors and
 * duplicate keys whatever their schema, and comments and trailing commas unless the schema allows them. The policy
 * schemas allow them and validate nothing else, and documents found through the globs or their content are given
 * those schemas (see SchemaAssociations), so in the usual case the linter is the only voice. Where the JSON service
 * still reports one of these problems (a syntax error; a VS Code whose JSON support takes no associations from
 * extensions; the moment before a new association reaches it), its diagnostic stands for the finding: the finding is
 * not published a second time, and its fix is offered on the JSON service's diagnostic (PolicyQuickFixes). Changing
 * the language of such documents to `jsonc` instead would not do: the JSON service still reports trailing commas
 * in JSONC, and a language switch changes other extensions' view of the file.
 */
export class PolicyDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('ssm-policy');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The latest lint started per document: results of older ones are dropped. */
  private readonly runs = new Map<string, number>();
  private readonly latest = new Map<string, DocumentFindings>();
  /** What was last published per document, to publish again only when it changes. */
  private readonly published = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private runCounter = 0;
  private reportedSetting = '';

  constructor(
    private readonly workspaceConfig: WorkspaceLintConfig,
    private readonly associations: SchemaAssociations,
  ) {
    this.disposables.push(
      // The JSON language service's diagnostics decide which findings it already shows.
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const uri of e.uris) {
          const current = this.latest.get(uri.toString());
          if (current) this.publish(uri, current.findings);
        }
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document, this.delay(e.document));
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('ssmPolicy')) this.lintOpenDocuments();
      }),
      workspaceConfig.onDidChange(() => this.lintOpenDocuments()),
    );
    this.lintOpenDocuments();
  }

  /**
   * Lints one document now and publishes its diagnostics; returns them, all the linter's findings ([] for a document
   * that is not a policy), including those published by the JSON language service instead. When the document changes
   * meanwhile, the result is returned but not published.
   */
  async lintDocument(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
    const key = document.uri.toString();
    this.cancelTimer(key);
    const run = ++this.runCounter;
    this.runs.set(key, run);
    const version = document.version;
    const text = document.getText();
    // Decided before any await, so documents are classified in the order they were opened.
    const detected = this.isCandidate(document) ? this.detect(document.uri, text, document.languageId) : undefined;
    if (!detected) {
      this.forget(document.uri);
      return [];
    }
    const result = await this.lint(document.uri, text, detected, document.fileName);
    if (!document.isClosed && document.version === version && this.runs.get(key) === run) {
      this.latest.set(key, { version, findings: result.findings, options: result.options });
      // Named files get their schema from contributes.jsonValidation; the others from the extension's registry.
      this.associations.associate(document.uri, detected.template || detected.by === 'fileName' ? undefined : result.kind);
      this.publish(document.uri, result.findings);
    }
    return result.findings.map(toDiagnostic);
  }

  /**
   * Lints a file by its URI: the open document when there is one, else the file as saved (read with
   * `workspace.fs`); publishes and returns the diagnostics ([] when it is not a policy or cannot be read).
   */
  async lintUri(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return this.lintDocument(open);
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
    } catch {
      return [];
    }
    const detected = this.detect(uri, text);
    if (!detected) {
      this.collection.delete(uri);
      return [];
    }
    const { findings } = await this.lint(uri, text, detected, uri.fsPath);
    const diagnostics = findings.map(toDiagnostic);
    // Opened meanwhile: the document's own lint publishes.
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.collection.set(uri, diagnostics);
    return diagnostics;
  }

  /** The findings of the document's current version (linted now when the last result is stale); undefined if not a policy. */
  async findings(document: vscode.TextDocument): Promise<DocumentFindings | undefined> {
    const cached = this.latest.get(document.uri.toString());
    if (cached && cached.version === document.version) return cached;
    const version = document.version;
    const text = document.getText();
    const detected = this.isCandidate(document) ? this.detect(document.uri, text, document.languageId) : undefined;
    if (!detected) return undefined;
    const result = await this.lint(document.uri, text, detected, document.fileName);
    return { version, findings: result.findings, options: result.options };
  }

  /**
   * The text after the fixes of the findings published as diagnostics for the document's current version (linted
   * with the editor's settings and .ssm-policy-lint.json, so a rule turned off contributes nothing), or undefined
   * when nothing changes. One pass: a fix that only a first fix brings to light waits until its diagnostic is shown.
   * Suggestions are never applied here.
   */
  async fixAllText(document: vscode.TextDocument): Promise<string | undefined> {
    const key = document.uri.toString();
    // Not yet published for this version (a save right after typing): lint and publish now.
    if (this.latest.get(key)?.version !== document.version) await this.lintDocument(document);
    const current = this.latest.get(key);
    if (current?.version !== document.version || !current.findings.some((f) => f.fix && f.fix.length > 0)) return undefined;
    const before = document.getText();
    const text = applyFixes(before, current.findings);
    return text === before ? undefined : text;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }

  /**
   * Publishes the findings of an open document, but for those a diagnostic of VS Code's JSON language service already
   * reports at the same place (see the class comment).
   */
  private publish(uri: vscode.Uri, findings: readonly LintFinding[]): void {
    const foreign = jsonServiceProblems(vscode.languages.getDiagnostics(uri));
    const shown = foreign.length === 0 ? findings : findings.filter((f) => !foreign.some((p) => standsFor(p, f)));
    const key = uri.toString();
    const signature = shown.map((f) => `${f.ruleId}@${f.offset}+${f.length}:${f.severity}:${f.message}`).join('\n');
    if (this.published.get(key) === signature) return;
    this.published.set(key, signature);
    this.collection.set(uri, shown.map(toDiagnostic));
  }

  private async lint(uri: vscode.Uri, text: string, detected: Detected, fileName: string): Promise<LintRun> {
    const settings = vscode.workspace.getConfiguration('ssmPolicy', uri);
    const setting = ruleSeveritiesFromSetting(settings.get<unknown>('rules'), allRules);
    this.reportSetting(setting.ignored);
    const fileConfig = await this.workspaceConfig.get(uri);
    const kind = detected.template ? 'auto' : detected.kind;
    const options: LintOptions = { kind, fileName, config: mergeLintConfig(fileConfig, setting.rules), budgetMs: LINT_BUDGET_MS };
    const fallbackKind = kind === 'auto' ? 'identity' : kind;
    if (text.length > MAX_EDITOR_TEXT_LENGTH) return { findings: localizeFindings([tooLargeNotice(text.length, MAX_EDITOR_TEXT_LENGTH)], editorLocale()), options, kind: fallbackKind };
    if (detected.template) {
      // The template's parser loads here, with the first template: never at activation.
      const { findings } = await lintTemplateText(text, { fileName, format: detected.template, config: options.config, budgetMs: LINT_BUDGET_MS });
      return { findings: localizeFindings(findings, editorLocale()), options, kind: fallbackKind };
    }
    const { findings, policy } = await lintText(text, options);
    // In the display language: the diagnostics, the quick fixes' titles and the matching of the two all read these.
    return { findings: localizeFindings(findings, editorLocale()), options, kind: policy.kind };
  }

  /** What a document is: a template (by its language, name and content) first, then a policy (by the globs, its name or content). */
  private detect(uri: vscode.Uri, text: string, languageId?: string): Detected | undefined {
    const template = templateFormatOf(uri.path, text, languageId);
    if (template) return { template };
    // A YAML document that is not a template holds no policy.
    if (languageId === 'yaml') return undefined;
    const settings = vscode.workspace.getConfiguration('ssmPolicy', uri);
    const globs: Partial<Record<StandaloneKind, string[]>> = {};
    for (const [kind, key] of Object.entries(GLOB_SETTINGS) as [StandaloneKind, string][]) {
      const value = settings.get<unknown>(key);
      if (Array.isArray(value)) globs[kind] = value.filter((g): g is string => typeof g === 'string');
    }
    return detectPolicyDocument({ path: uri.path, text, globs, detectByContent: settings.get<boolean>('detectByContent', true) });
  }

  private isCandidate(document: vscode.TextDocument): boolean {
    if (!LANGUAGES.has(document.languageId)) return false;
    return SCHEMES.has(document.uri.scheme) || vscode.workspace.getWorkspaceFolder(document.uri) !== undefined;
  }

  private delay(document: vscode.TextDocument): number {
    const value = vscode.workspace.getConfiguration('ssmPolicy', document.uri).get<number>('diagnostics.delay', DEFAULT_DELAY);
    return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(value, 0), 5000) : DEFAULT_DELAY;
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!this.isCandidate(document)) {
      // A document whose language changed away from JSON keeps no diagnostics of ours.
      if (this.latest.has(document.uri.toString())) this.forget(document.uri);
      return;
    }
    const key = document.uri.toString();
    this.cancelTimer(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) void this.lintDocument(document).catch(() => undefined);
      }, delay),
    );
  }

  private lintOpenDocuments(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  private cancelTimer(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cancelTimer(key);
    this.runs.delete(key);
    this.latest.delete(key);
    this.published.delete(key);
    this.collection.delete(uri);
    this.associations.associate(uri, undefined);
  }

  /** Tells once about `ssmPolicy.rules` entries that name no rule or no severity. */
  private reportSetting(ignored: readonly string[]): void {
    const key = ignored.join(', ');
    if (key === this.reportedSetting) return;
    this.reportedSetting = key;
    if (ignored.length === 0) return;
    void vscode.window.showWarningMessage(
      vscode.l10n.t('SSM Policy Studio ignores these entries of the ssmPolicy.rules setting (unknown rule or severity): {0}', key),
    );
  }
}
