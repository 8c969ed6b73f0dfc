import * as vscode from 'vscode';
import { editorLocale } from '../common/locale';
import { templateFormatOf, type ExtractedTemplate } from '../../core/embedded';
import { extractorFor } from '../../core/embedded/load';
import { templateCompletions, templateHover } from '../../core/embedded/language';
import { getCompletions, getHover, type CompletionKind, type Localize, type PolicyCompletionItem, type PolicyHover } from '../../core/language';
import { MAX_EDITOR_TEXT_LENGTH } from '../../core/policy/limits';
import type { SchemaCoverage } from '../schemas';
import { isPolicyDocument, POLICY_DOCUMENT_SELECTOR, type PolicyDocumentInfo } from '../common/policy-documents';

/** The characters that open completion: after a service prefix (`ssm:`) or an ARN field, and on a new string. */
export const TRIGGER_CHARACTERS: readonly string[] = [':', '"'];

const localize: Localize = (message, ...args) => vscode.l10n.t(message, ...args);

const ITEM_KINDS: Readonly<Record<CompletionKind, vscode.CompletionItemKind>> = {
  action: vscode.CompletionItemKind.Function,
  service: vscode.CompletionItemKind.Module,
  operator: vscode.CompletionItemKind.Operator,
  conditionKey: vscode.CompletionItemKind.Property,
  servicePrincipal: vscode.CompletionItemKind.Value,
  serviceSetting: vscode.CompletionItemKind.Value,
  partition: vscode.CompletionItemKind.EnumMember,
  region: vscode.CompletionItemKind.EnumMember,
  resourceType: vscode.CompletionItemKind.Struct,
};

/**
 * Hovers (actions, wildcards, condition keys, ARNs, service settings) and completions (actions, services, operators,
 * condition keys, service principals, ARN fields) in JSON documents that are policies. The IAM data loads on the
 * first request, not at activation.
 */
export function registerLanguageFeatures(context: vscode.ExtensionContext, schemas: SchemaCoverage): void {
  // The JSON schemas describe and propose the condition operators: where one applies, the operators are left to it.
  const hasSchema = (document: vscode.TextDocument, info: PolicyDocumentInfo): boolean => info.detectedBy === 'fileName' || schemas.served(document.uri);
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(POLICY_DOCUMENT_SELECTOR, { provideHover: (d, p, t) => provideHover(d, p, t, hasSchema) }),
    vscode.languages.registerCompletionItemProvider(
      POLICY_DOCUMENT_SELECTOR,
      { provideCompletionItems: (d, p, t) => provideCompletionItems(d, p, t, hasSchema) },
      ...TRIGGER_CHARACTERS,
    ),
    vscode.languages.registerHoverProvider(TEMPLATE_SELECTOR, { provideHover: provideTemplateHover }),
    vscode.languages.registerCompletionItemProvider(TEMPLATE_SELECTOR, { provideCompletionItems: provideTemplateCompletions }, ':'),
  );
}

/** Documents that may be templates holding policies (CloudFormation/SAM YAML and JSON, CDK output, Terraform). */
const TEMPLATE_SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }, { language: 'json' }, { language: 'terraform' }];

/** The last template read, by document version: hovering and typing ask about the same text many times. */
let lastTemplate: { uri: string; version: number; extracted: Promise<ExtractedTemplate | undefined> } | undefined;

/** The policies of a template document (its parser loads on first use), or undefined for any other document. */
function templateOf(document: vscode.TextDocument): Promise<ExtractedTemplate | undefined> {
  const uri = document.uri.toString();
  if (lastTemplate?.uri === uri && lastTemplate.version === document.version) return lastTemplate.extracted;
  const text = document.getText();
  const format = text.length > MAX_EDITOR_TEXT_LENGTH && document.languageId !== 'terraform' ? undefined : templateFormatOf(document.uri.path, text, document.languageId);
  const extracted = format ? extractorFor(format).then((extract) => extract(text)) : Promise.resolve(undefined);
  lastTemplate = { uri, version: document.version, extracted: extracted.catch(() => undefined) };
  return lastTemplate.extracted;
}

async function provideTemplateHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
  const extracted = await templateOf(document);
  if (!extracted || token.isCancellationRequested) return undefined;
  const hover: PolicyHover | undefined = await templateHover(extracted, document.offsetAt(position), { localize, locale: editorLocale() });
  if (!hover || token.isCancellationRequested) return undefined;
  return new vscode.Hover(new vscode.MarkdownString(hover.markdown), new vscode.Range(document.positionAt(hover.offset), document.positionAt(hover.offset + hover.length)));
}

async function provideTemplateCompletions(
  document: vscode.TextDocument,
  position: vscode.Position,
  token: vscode.CancellationToken,
): Promise<vscode.CompletionList | undefined> {
  const extracted = await templateOf(document);
  if (!extracted || token.isCancellationRequested) return undefined;
  const items = await templateCompletions(extracted, document.offsetAt(position), { localize, locale: editorLocale() });
  if (token.isCancellationRequested || items.length === 0) return undefined;
  return new vscode.CompletionList(items.map((item) => toCompletionItem(document, position, item)));
}

type HasSchema = (document: vscode.TextDocument, info: PolicyDocumentInfo) => boolean;

async function provideHover(
  document: vscode.TextDocument,
  position: vscode.Position,
  token: vscode.CancellationToken,
  hasSchema: HasSchema,
): Promise<vscode.Hover | undefined> {
  const info = isPolicyDocument(document);
  if (!info) return undefined;
  const hover = await getHover(document.getText(), document.offsetAt(position), { kind: info.kind, localize, locale: editorLocale() });
  if (!hover || token.isCancellationRequested) return undefined;
  if (hover.kind === 'operator' && hasSchema(document, info)) return undefined;
  const range = new vscode.Range(document.positionAt(hover.offset), document.positionAt(hover.offset + hover.length));
  return new vscode.Hover(new vscode.MarkdownString(hover.markdown), range);
}

async function provideCompletionItems(
  document: vscode.TextDocument,
  position: vscode.Position,
  token: vscode.CancellationToken,
  hasSchema: HasSchema,
): Promise<vscode.CompletionList | undefined> {
  const info = isPolicyDocument(document);
  if (!info) return undefined;
  const items = await getCompletions(document.getText(), document.offsetAt(position), { kind: info.kind, localize, locale: editorLocale() });
  if (token.isCancellationRequested || items.length === 0) return undefined;
  const wanted = hasSchema(document, info) ? items.filter((i) => i.kind !== 'operator') : items;
  return new vscode.CompletionList(wanted.map((item) => toCompletionItem(document, position, item)));
}

function toCompletionItem(document: vscode.TextDocument, position: vscode.Position, item: PolicyCompletionItem): vscode.CompletionItem {
  const out = new vscode.CompletionItem(item.label, ITEM_KINDS[item.kind]);
  out.detail = item.detail;
  if (item.documentation) out.documentation = new vscode.MarkdownString(item.documentation);
  out.insertText = item.snippet ? new vscode.SnippetString(item.insertText) : item.insertText;
  out.sortText = item.sortText;
  out.filterText = item.filterText;
  const start = document.positionAt(item.range.offset);
  const end = document.positionAt(item.range.offset + item.range.length);
  // VS Code needs a one-line range around the cursor; a range that is not one falls back to the word at the cursor.
  if (start.line === position.line && end.line === position.line && start.isBeforeOrEqual(position) && end.isAfterOrEqual(position)) {
    out.range = new vscode.Range(start, end);
  }
  if (item.retrigger) out.command = { command: 'editor.action.triggerSuggest', title: vscode.l10n.t('Suggest') };
  return out;
}
