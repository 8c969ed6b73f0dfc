import type * as Sarif from 'sarif';
import type { LintFinding } from '../core/lint';
import type { PolicyRule, Severity } from '../core/rules/rule';
import { ruleDocsUrl } from '../core/rules/rule';
import { ruleDescription, type Locale } from '../core/i18n';
import { cliTexts, type CliTexts } from './messages';

/** Findings of one input, as the CLI reports them. */
export interface FileFindings {
  file: string;
  findings: LintFinding[];
  /** For a template: values known only at deploy time (parameters, references, Terraform expressions), not checked. */
  unknownValues?: number;
}

/** The `--format json` record: exactly these fields, ranges 0-based in UTF-16 units (as LSP). */
export interface JsonFinding {
  file: string;
  ruleId: string;
  severity: Severity;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** True when `--fix` would correct this finding without changing what the policy means. */
  fixable: boolean;
  /** Changes that would change what the policy means, for a person to choose; `--fix` never applies them. */
  suggestions: JsonSuggestion[];
}

/** One suggestion: what it does, and its edits (offsets and lengths in UTF-16 units into the file's text, as jsonc-parser's `Edit`). */
export interface JsonSuggestion {
  message: string;
  edits: { offset: number; length: number; content: string }[];
}

/** One JSON array of every finding. */
export function formatJson(results: readonly FileFindings[]): string {
  const out: JsonFinding[] = results.flatMap((r) =>
    r.findings.map((f) => ({
      file: r.file,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      range: f.range,
      fixable: (f.fix?.length ?? 0) > 0,
      suggestions: (f.suggestions ?? []).map((s) => ({ message: s.message, edits: s.fix.map(({ offset, length, content }) => ({ offset, length, content })) })),
    })),
  );
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Human-readable lines `file:line:col  severity  message  rule-id`, then a summary in the texts' language. */
export function formatText(results: readonly FileFindings[], color = false, texts: CliTexts = cliTexts('en')): string {
  const paint = (code: string, s: string): string => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sevColor: Record<Severity, string> = { error: '31', warning: '33', info: '36' };
  const lines: string[] = [];
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of results) {
    for (const f of r.findings) {
      totals[f.severity]++;
      const where = `${escapeControl(r.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${where}  ${paint(sevColor[f.severity], f.severity.padEnd(7))}  ${escapeControl(f.message)}  ${paint('2', f.ruleId)}`);
    }
  }
  const problems = totals.error + totals.warning + totals.info;
  const files = results.length;
  lines.push(problems === 0 ? texts.noProblems(files) : texts.problems(problems, totals.error, totals.warning, totals.info, files));
  const unknown = results.reduce((n, r) => n + (r.unknownValues ?? 0), 0);
  if (unknown > 0) lines.push(texts.unknownValues(unknown));
  return `${lines.join('\n')}\n`;
}

// C0 and C1 controls, DEL, the Unicode line and paragraph separators and the bidirectional overrides and isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Escapes the characters that would break a line of text output or drive the terminal (`\n`, `\x1b`, `\u202e` …),
 * so a file name or a message quoting a policy stays one line and shows what it holds. JSON and SARIF need no
 * escaping of their own: JSON.stringify escapes them losslessly.
 */
export function escapeControl(s: string): string {
  return s.replace(CONTROL, (c) => {
    const named = NAMED_ESCAPES[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const SARIF_LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

/** A SARIF 2.1.0 log with one run, the rule metadata and help links, for code-scanning dashboards. */
export function formatSarif(results: readonly FileFindings[], rules: readonly PolicyRule[], version: string, locale: Locale = 'en'): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults: Sarif.Result[] = results.flatMap((r) =>
    r.findings.map((f): Sarif.Result => {
      const result: Sarif.Result = {
        ruleId: f.ruleId,
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(r.file),
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
          },
        ],
      };
      const idx = ruleIndex.get(f.ruleId);
      if (idx !== undefined) result.ruleIndex = idx;
      // SARIF's fixes are proposals a viewer may offer, never applied on their own: they fit suggestions.
      const fixes = (f.suggestions ?? []).map((s): Sarif.Fix => ({
        description: { text: s.message },
        artifactChanges: [
          {
            artifactLocation: artifactLocation(r.file),
            replacements: s.fix.map((e): Sarif.Replacement => ({
              deletedRegion: { charOffset: e.offset, charLength: e.length },
              ...(e.content ? { insertedContent: { text: e.content } } : {}),
            })),
          },
        ],
      }));
      if (fixes.length > 0) result.fixes = fixes;
      return result;
    }),
  );
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ssm-policy-lint',
            version,
            informationUri: 'https://github.com/ssm-policy-studio/ssm-policy-studio',
            rules: rules.map(
              (r): Sarif.ReportingDescriptor => {
                const description = ruleDescription(r.id, locale) ?? r.meta.description;
                const url = ruleDocsUrl(r.id, locale);
                const [see, documentation] = locale === 'ja' ? ['詳細:', 'ドキュメント'] : ['See', 'Documentation'];
                return {
                id: r.id,
                shortDescription: { text: description },
                helpUri: url,
                help: { text: `${description} ${see} ${url}`, markdown: `${description} [${documentation}](${url})` },
                defaultConfiguration: { level: SARIF_LEVEL[r.meta.defaultSeverity] },
                properties: { tags: ['iam', 'security', ...r.meta.appliesTo], fixable: r.meta.fixable, hasSuggestions: r.meta.hasSuggestions ?? false },
                };
              },
            ),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function artifactLocation(file: string): Sarif.ArtifactLocation {
  return file === '-' ? { uri: 'stdin' } : { uri: toUri(file), uriBaseId: '%SRCROOT%' };
}

function toUri(file: string): string {
  return file
    .split(/[\\/]/)
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}
