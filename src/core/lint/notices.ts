import type { LintFinding } from './index';

/**
 * The rule id of the notices the engine gives about itself rather than the policy: linting stopped when its time
 * budget ran out, or did not start because the text is too long to lint as you type. No rule has this id, so no
 * setting turns the notices off.
 */
export const LINT_BUDGET_RULE_ID = 'lint-budget';

function notice(messageId: string, message: string, data: Record<string, string>): LintFinding {
  return {
    ruleId: LINT_BUDGET_RULE_ID,
    messageId,
    severity: 'info',
    message,
    offset: 0,
    length: 0,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    data,
  };
}

/** The notice that linting stopped after `elapsedMs`, when `ran` of `total` checks had run. */
export function budgetNotice(elapsedMs: number, ran: number, total: number): LintFinding {
  const ms = Math.round(elapsedMs);
  return notice(
    'budgetExceeded',
    `Linting stopped after ${ms} ms: the document is too large or complex to lint as you type (${ran} of ${total} checks ran); run ssm-policy-lint on it.`,
    { elapsed: String(ms), ran: String(ran), total: String(total) },
  );
}

/** The notice that a text of `length` characters is longer than the `limit` the editor lints as you type. */
export function tooLargeNotice(length: number, limit: number): LintFinding {
  return notice(
    'tooLarge',
    `Not linted as you type: the document has ${length.toLocaleString('en-US')} characters, more than ${limit.toLocaleString('en-US')}; run ssm-policy-lint on it.`,
    { length: String(length), limit: String(limit) },
  );
}
