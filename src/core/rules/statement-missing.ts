import { STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS, suggestElement } from '../policy/elements';
import type { PolicyRule } from './rule';

/** A policy object without a `Statement` element, or with an empty statement array: IAM rejects both. */
export const statementMissing: PolicyRule = {
  id: 'statement-missing',
  meta: {
    description: 'A policy must have a "Statement" element with at least one statement.',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      missing:
        'The policy has no "Statement" element, so it says nothing and IAM rejects it. Add "Statement": [ { "Effect": ..., "Action": ..., ... } ].',
      missingWithTopLevelStatementElements:
        'The policy has no "Statement" element, so IAM rejects it; statement elements such as "{{element}}" must sit inside it. Wrap them: "Statement": [ { "Effect": ..., "Action": ..., ... } ].',
      empty:
        'The "Statement" array is empty: a policy needs at least one statement and IAM rejects it. Add a statement with "Effect" and "Action".',
    },
  },
  check(policy) {
    const root = policy.root;
    if (root?.type !== 'object') return [];
    const statement = policy.statementNode;
    if (statement) {
      return statement.type === 'array' && (statement.children?.length ?? 0) === 0 ? [{ messageId: 'empty', node: statement }] : [];
    }
    // A misspelled "statement" key is reported (and renamed) by unknown-element.
    for (const key of policy.props.keys()) {
      if (suggestElement(key, TOP_LEVEL_ELEMENTS) === 'Statement') return [];
    }
    const brace = { offset: root.offset, length: 1 };
    const stray = [...policy.props.keys()].find((key) => STATEMENT_ELEMENTS.includes(key));
    if (stray) return [{ messageId: 'missingWithTopLevelStatementElements', range: brace, data: { element: stray } }];
    return [{ messageId: 'missing', range: brace }];
  },
};
