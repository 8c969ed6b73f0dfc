import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { partitionById } from '../iam/partitions';
import type { CatalogEntry, CatalogPlaceholder } from './types';

/** One snippet as VS Code reads it from a snippets file (`contributes.snippets`). */
export interface VsCodeSnippet {
  prefix: string;
  body: string[];
  description: string;
}

/** The suffix of statement-level snippet prefixes: `ssm-dhmc-admin-statements`. */
export const STATEMENTS_SUFFIX = '-statements';

/**
 * The snippets of the catalog, by name: for each policy that is not an AWS managed reference, one for the whole
 * document (prefix = its id) and one for its statements alone, to paste into an existing `Statement` array.
 * Placeholders become tab stops (every occurrence of one placeholder is the same tab stop), a Region becomes a
 * choice list of the commercial Regions, and the description names the page the policy comes from.
 */
export function buildSnippets(entries: readonly CatalogEntry[]): Record<string, VsCodeSnippet> {
  const out: Record<string, VsCodeSnippet> = {};
  for (const entry of entries) {
    if (entry.managed) continue;
    const source = `AWS Systems Manager User Guide: ${entry.source.title.en}`;
    out[`${entry.title.en} (${entry.id})`] = {
      prefix: entry.id,
      body: toBody(entry.text, entry.placeholders),
      description: `${entry.description.en} From: ${source}.`,
    };
    const statements = statementsText(entry.text);
    if (statements !== undefined) {
      out[`${entry.title.en}: statements only (${entry.id}${STATEMENTS_SUFFIX})`] = {
        prefix: `${entry.id}${STATEMENTS_SUFFIX}`,
        body: toBody(statements, entry.placeholders),
        description: `The statements of "${entry.title.en}", to add to an existing Statement array. From: ${source}.`,
      };
    }
  }
  return out;
}

/**
 * The statements of a policy text as they are written there, separated by commas and dedented so that the
 * first line starts at column 0 (VS Code indents the other lines of a snippet to the insertion point).
 */
export function statementsText(text: string): string | undefined {
  const root = parseTree(text);
  const statement = root && findNodeAtLocation(root, ['Statement']);
  if (!statement) return undefined;
  const items = statement.type === 'array' ? (statement.children ?? []) : [statement];
  if (items.length === 0) return undefined;
  const pieces = items.map((item) => dedent(text.slice(item.offset, item.offset + item.length), columnOf(text, item.offset)));
  return pieces.join(',\n');
}

function columnOf(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return offset - lineStart;
}

function dedent(piece: string, column: number): string {
  const pad = new RegExp(`^ {0,${column}}`);
  return piece
    .split('\n')
    .map((line, i) => (i === 0 ? line : line.replace(pad, '')))
    .join('\n');
}

/** The snippet body of a text: snippet syntax escaped, placeholders turned into tab stops, split into lines. */
function toBody(text: string, placeholders: readonly CatalogPlaceholder[]): string[] {
  // Tab stops are numbered in the order their placeholders first appear in the text.
  const ordered = placeholders
    .map((p) => ({ p, at: text.indexOf(p.token) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((x) => x.p);
  let out = '';
  let i = 0;
  const seen = new Set<CatalogPlaceholder>();
  while (i < text.length) {
    const hit = nextToken(text, i, ordered);
    if (!hit) {
      out += escapeText(text.slice(i));
      break;
    }
    const { placeholder, at } = hit;
    const index = ordered.indexOf(placeholder) + 1;
    const nameAt = placeholder.token.indexOf(placeholder.name);
    out += escapeText(text.slice(i, at));
    out += escapeText(placeholder.token.slice(0, nameAt));
    out += seen.has(placeholder) && placeholder.kind === 'region' ? `$${index}` : tabStop(index, placeholder);
    out += escapeText(placeholder.token.slice(nameAt + placeholder.name.length));
    seen.add(placeholder);
    i = at + placeholder.token.length;
  }
  return out.split('\n');
}

function nextToken(text: string, from: number, placeholders: readonly CatalogPlaceholder[]): { placeholder: CatalogPlaceholder; at: number } | undefined {
  let best: { placeholder: CatalogPlaceholder; at: number } | undefined;
  for (const placeholder of placeholders) {
    const at = text.indexOf(placeholder.token, from);
    if (at >= 0 && (!best || at < best.at)) best = { placeholder, at };
  }
  return best;
}

/** `${1:account-id}`, or for a Region `${2|us-east-1,us-east-2,…|}` (the first choice is the default). */
function tabStop(index: number, placeholder: CatalogPlaceholder): string {
  if (placeholder.kind === 'region') {
    const regions = partitionById('aws')?.regions ?? [];
    const first = regions.includes(placeholder.example) ? [placeholder.example] : [];
    const choices = [...first, ...regions.filter((r) => r !== placeholder.example)];
    return `\${${index}|${choices.map(escapeChoice).join(',')}|}`;
  }
  return `\${${index}:${escapePlaceholder(placeholder.name)}}`;
}

/** Outside tab stops, `$` starts a variable and `\` escapes: IAM policy variables such as `${aws:username}` stay literal. */
function escapeText(text: string): string {
  return text.replace(/[\\$]/g, '\\$&');
}

function escapePlaceholder(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, '\\$&');
}
