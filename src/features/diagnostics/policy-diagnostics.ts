import * as vscode from 'vscode';
import { applyFixes, lintText, tooLargeNotice, type LintFinding, type LintOptions } from '../../core/lint';
import { mergeLintConfig, ruleSeveritiesFromSetting } from '../../core/lint/editor-config';
import { documentPolicyKind } from '../../core/policy/globs';
import type { PolicyKind } from '../../core/policy/types';
import { allRules } from '../../core/rules';
import { toDiagnostic } from './convert';
import type { WorkspaceLintConfig } from './workspace-config';

/** The languages whose documents may be policies. */
const LANGUAGES = new Set(['json', 'jsonc']);

/** Schemes of documents that are files the user edits (not diff views, output channels or git history). */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

/** The settings with globs that mark files as policies of a kind. */
const GLOB_SETTINGS: Readonly<Record<PolicyKind, string>> = {
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

/**
 * Documents longer than this (in characters) are not linted in the editor. IAM takes at most 10,240 characters for a
 * policy, and CloudFormation at most 1 MB for a template, which may hold policies.
 */
export const MAX_LINT_LENGTH = 1024 * 1024;

/** The findings of one document version, with the options they were made with. */
export interface DocumentFindings {
  version: number;
  findings: LintFinding[];
  options: LintOptions;
}

/**
 * Lints every open JSON/JSONC document that is an IAM policy (by the user's globs, the conventional file names,
 * or its content) and publishes the findings as diagnostics, debounced while the user types.
 */
export class PolicyDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('ssm-policy');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The latest lint started per document: results of older ones are dropped. */
  private readonly runs = new Map<string, number>();
  private readonly latest = new Map<string, DocumentFindings>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private runCounter = 0;
  private reportedSetting = '';

  constructor(private readonly workspaceConfig: WorkspaceLintConfig) {
    this.disposables.push(
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
   * Lints one document now and publishes its diagnostics; returns them ([] for a document that is not a policy).
   * When the document changes meanwhile, the result is returned but not published.
   */
  async lintDocument(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
    const key = document.uri.toString();
    this.cancelTimer(key);
    const run = ++this.runCounter;
    this.runs.set(key, run);
    const version = document.version;
    const text = document.getText();
    // Decided before any await, so documents are classified in the order they were opened.
    const kind = this.isCandidate(document) ? this.kindOf(document.uri, text) : undefined;
    if (!kind) {
      this.forget(document.uri);
      return [];
    }
    const result = await this.lint(document.uri, text, kind, document.fileName);
    const diagnostics = result.findings.map(toDiagnostic);
    if (!document.isClosed && document.version === version && this.runs.get(key) === run) {
      this.latest.set(key, { version, ...result });
      this.collection.set(document.uri, diagnostics);
    }
    return diagnostics;
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
    const kind = this.kindOf(uri, text);
    if (!kind) {
      this.collection.delete(uri);
      return [];
    }
    const { findings } = await this.lint(uri, text, kind, uri.fsPath);
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
    const kind = this.isCandidate(document) ? this.kindOf(document.uri, text) : undefined;
    if (!kind) return undefined;
    const result = await this.lint(document.uri, text, kind, document.fileName);
    return { version, ...result };
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

  private async lint(uri: vscode.Uri, text: string, kind: PolicyKind | 'auto', fileName: string): Promise<{ findings: LintFinding[]; options: LintOptions }> {
    const settings = vscode.workspace.getConfiguration('ssmPolicy', uri);
    const setting = ruleSeveritiesFromSetting(settings.get<unknown>('rules'), allRules);
    this.reportSetting(setting.ignored);
    const fileConfig = await this.workspaceConfig.get(uri);
    const options: LintOptions = { kind, fileName, config: mergeLintConfig(fileConfig, setting.rules), budgetMs: LINT_BUDGET_MS };
    if (text.length > MAX_LINT_LENGTH) return { findings: [tooLargeNotice(text.length, MAX_LINT_LENGTH)], options };
    const { findings } = await lintText(text, options);
    return { findings, options };
  }

  private kindOf(uri: vscode.Uri, text: string): PolicyKind | 'auto' | undefined {
    const settings = vscode.workspace.getConfiguration('ssmPolicy', uri);
    const globs: Partial<Record<PolicyKind, string[]>> = {};
    for (const [kind, key] of Object.entries(GLOB_SETTINGS) as [PolicyKind, string][]) {
      const value = settings.get<unknown>(key);
      if (Array.isArray(value)) globs[kind] = value.filter((g): g is string => typeof g === 'string');
    }
    return documentPolicyKind({ path: uri.path, text, globs, detectByContent: settings.get<boolean>('detectByContent', true) });
  }

  private isCandidate(document: vscode.TextDocument): boolean {
    return LANGUAGES.has(document.languageId) && SCHEMES.has(document.uri.scheme);
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
    this.collection.delete(uri);
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
