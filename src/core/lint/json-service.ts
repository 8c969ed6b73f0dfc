/**
 * The problems VS Code's JSON language service reports on its own, whatever schema a document has: syntax errors and
 * duplicate keys always, comments and trailing commas unless the document's schema allows them. Four rules report the
 * same problems; the editor shows each problem once (see {@link standsFor}).
 */
import type { Position, Range } from './position';

/**
 * The `ErrorCode` values of vscode-json-languageservice (its diagnostics' `code`) that report what a rule reports:
 * the scanner and parser errors (0x101–0x106, 0x201–0x206, 0x210) for json-syntax, then TrailingComma (0x207),
 * DuplicateKey (0x208) and CommentNotPermitted (0x209).
 */
export const JSON_SERVICE_CODES: Readonly<Record<string, readonly number[]>> = {
  'json-syntax': [0x101, 0x102, 0x103, 0x104, 0x105, 0x106, 0x201, 0x202, 0x203, 0x204, 0x205, 0x206, 0x210],
  'json-trailing-comma': [0x207],
  'json-duplicate-key': [0x208],
  'json-comments': [0x209],
};

/** The rule that reports the same problem as a JSON language service diagnostic code, if any. */
export function ruleOfJsonServiceCode(code: number): string | undefined {
  for (const [ruleId, codes] of Object.entries(JSON_SERVICE_CODES)) if (codes.includes(code)) return ruleId;
  return undefined;
}

/** A diagnostic of another source, reduced to what {@link standsFor} compares. */
export interface ForeignProblem {
  code: number;
  range: Range;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function same(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** True when two ranges share a character, or are the same (possibly empty) range. */
export function rangesOverlap(a: Range, b: Range): boolean {
  return same(a, b) || (before(a.start, b.end) && before(b.start, a.end));
}

/**
 * True when a JSON language service diagnostic reports the problem of a finding: the code stands for the finding's
 * rule, and the two are at the same place. Such a finding is the JSON service's to show (it cannot be silenced); the
 * editor keeps the finding's fix and offers it on that diagnostic.
 */
export function standsFor(problem: ForeignProblem, finding: { ruleId: string; range: Range }): boolean {
  return ruleOfJsonServiceCode(problem.code) === finding.ruleId && rangesOverlap(problem.range, finding.range);
}
