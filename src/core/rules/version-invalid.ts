import { describeType } from '../policy/elements';
import { replaceNode } from '../policy/edits';
import { propValue } from '../policy/parse';
import { editDistance } from '../util/did-you-mean';
import type { Node, ParsedPolicy } from '../policy/types';
import { mentionsPolicyVariable } from '../policy/variables';
import type { Edit, Finding, PolicyRule } from './rule';

const CURRENT = '2012-10-17';
const VALID = new Set(['2012-10-17', '2008-10-17']);
/** Three numbers with any separators: 2012/10/17, 10.17.2012, 2012 10 17 … */
const DATE_PARTS = /^(\d{1,4})[^0-9A-Za-z]+(\d{1,4})[^0-9A-Za-z]+(\d{1,4})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A Version that is present but neither "2012-10-17" nor "2008-10-17": IAM rejects the policy. Writing the version meant
 * is a fix when no `${` appears in the policy (both languages then read it alike), else a suggestion.
 */
export const versionInvalid: PolicyRule = {
  id: 'version-invalid',
  meta: {
    description: 'Version must be the string "2012-10-17" (or the outdated "2008-10-17").',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      notString:
        '"Version" must be the string "2012-10-17", but this is {{type}}; IAM rejects the policy. Write "Version": "2012-10-17" in double quotes.',
      nearMiss:
        '"{{value}}" is not a policy language version, so IAM rejects the policy. Did you mean "2012-10-17"? Version is a fixed identifier, not a date: write it exactly.',
      invalid:
        '"{{value}}" is not a policy language version, so IAM rejects the policy. The only valid values are "2012-10-17" (current) and "2008-10-17" (outdated): write "Version": "2012-10-17".',
      writeVersion: 'Change the Version to "{{version}}"',
    },
  },
  check(policy) {
    if (policy.root?.type !== 'object') return [];
    const node = propValue(policy.props.get('Version'));
    if (!node) return [];
    if (node.type !== 'string') {
      const finding: Finding = { messageId: 'notString', node, data: { type: describeType(node) } };
      const fix = node.type === 'number' ? unquotedFix(policy.text, node) : undefined;
      if (fix) setEdit(policy, finding, fix);
      return [finding];
    }
    const value = String(node.value);
    if (VALID.has(value)) return [];
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    if (isNearMiss(value)) return [setEdit(policy, { messageId: 'nearMiss', node, data: { value: shown } }, replaceNode(node, CURRENT))];
    return [{ messageId: 'invalid', node, data: { value: shown } }];
  },
};

/** Gives the finding its edit: a fix, or a suggestion when the policy mentions a variable. */
function setEdit(policy: ParsedPolicy, finding: Finding, edit: Edit[]): Finding {
  if (mentionsPolicyVariable(policy)) {
    const version = JSON.parse(edit[0]?.content ?? '""') as string;
    finding.suggestions = [{ messageId: 'writeVersion', data: { version }, fix: edit }];
  } else {
    finding.fix = edit;
  }
  return finding;
}

/**
 * Quotes an unquoted version. The parser reads `2012-10-17` as the number 2012 followed by stray `-10-17`, so
 * the fix covers those too (and keeps 2008-10-17 as written: version-outdated has its own finding). A lone
 * unquoted 2012 or 20121017 clearly means the current version; anything else is left to the author.
 */
function unquotedFix(text: string, node: Node): Edit[] | undefined {
  const end = node.offset + node.length;
  if ((node.value === 2012 || node.value === 2008) && text.startsWith('-10-17', end) && endsValue(text, end + 6)) {
    return [{ offset: node.offset, length: end + 6 - node.offset, content: JSON.stringify(`${String(node.value)}-10-17`) }];
  }
  // `2012-11-01` is also read as 2012 plus stray text: quoting only the 2012 would leave the rest behind.
  if ((node.value === 2012 || node.value === 20121017) && endsValue(text, end)) return replaceNode(node, CURRENT);
  return undefined;
}

/** True when only blanks stand between `from` and what may follow a value (`,` `}`, a line end or a comment). */
function endsValue(text: string, from: number): boolean {
  let next = from;
  while (text[next] === ' ' || text[next] === '\t') next++;
  return next >= text.length || ',}\r\n/'.includes(text[next] ?? '');
}

/** True when the text is clearly an attempt at a valid version: padded, re-punctuated, reordered or one typo away. */
function isNearMiss(raw: string): boolean {
  if (raw.length > 40) return false;
  const value = raw.trim();
  if (VALID.has(value)) return true;
  for (const v of VALID) {
    if (value.includes(v)) return true;
  }
  const parts = DATE_PARTS.exec(value) ?? COMPACT_DATE.exec(value);
  if (parts) {
    const numbers = parts.slice(1, 4).map((p) => Number(p));
    const year = numbers.find((n) => n === 2012 || n === 2008);
    const rest = numbers.filter((n) => n !== year).sort((a, b) => a - b);
    if (year !== undefined && rest.length === 2 && rest[0] === 10 && rest[1] === 17) return true;
  }
  // One or two typos in an otherwise date-shaped value ("2012-10-18", "2012-1017", "2021-10-17").
  return /^[\d\s\-/.]+$/.test(value) && [...VALID].some((v) => editDistance(value, v, 2) <= 2);
}
