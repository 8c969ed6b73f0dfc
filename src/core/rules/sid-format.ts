import { isRoleTrustStatement } from '../policy/elements';
import { replaceNode } from '../policy/edits';
import type { ParsedPolicy } from '../policy/types';
import type { Finding, PolicyRule } from './rule';

const NOT_ALNUM = /[^A-Za-z0-9]/gu;

/**
 * A Sid with characters other than ASCII letters and digits, which IAM rejects ("Statement IDs (SID) must be
 * alpha-numeric") in identity policies, SCPs and role trust policies. Other resource policies (S3, KMS, ECR …)
 * accept spaces, so a trust-kind document is checked only when every statement is a role trust statement.
 * An empty Sid is accepted (console-made trust policies carry "Sid": ""); non-string Sids are element-type's.
 */
export const sidFormat: PolicyRule = {
  id: 'sid-format',
  meta: {
    description: 'A Sid may contain only ASCII letters and digits.',
    defaultSeverity: 'error',
    fixable: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      invalidChars:
        'Sid "{{sid}}" contains {{chars}}: IAM accepts only ASCII letters (A-Z, a-z) and digits (0-9) in a Sid and rejects the policy. {{suggestion}}{{renamed}}{{suggestionEnd}}',
    },
  },
  check(policy) {
    if (!checksSid(policy)) return [];
    const findings: Finding[] = [];
    const used = new Set<string>();
    for (const st of policy.statements) if (st.sid) used.add(st.sid.value);
    for (const st of policy.statements) {
      const sid = st.sid;
      if (!sid || sid.value === '') continue;
      const bad = sid.value.match(NOT_ALNUM);
      if (!bad) continue;
      const renamed = rename(sid.value, used);
      const finding: Finding = {
        messageId: 'invalidChars',
        node: sid.node,
        data: {
          sid: shorten(sid.value),
          chars: describeChars(bad),
          // The words and the new Sid apart, so that the words can be translated.
          ...(renamed
            ? { suggestion: 'Write "', renamed: shorten(renamed), suggestionEnd: '".' }
            : { suggestion: 'Rename it using letters and digits only, e.g. "AllowSessionManager".', renamed: '', suggestionEnd: '' }),
        },
      };
      if (renamed) {
        finding.fix = replaceNode(sid.node, renamed);
        // Two Sids that strip to the same text must not both be renamed to it.
        used.add(renamed);
      }
      findings.push(finding);
    }
    return findings;
  },
};

/**
 * The Sid with accents folded ("Köln" → "Koln"), a word after a space capitalized, every other character that
 * is not a letter or digit dropped, numbered ("AllowSSM2") when that Sid is taken; undefined when nothing is left or the value is huge.
 */
function rename(value: string, used: ReadonlySet<string>): string | undefined {
  if (value.length > 1000) return undefined;
  // A word after a space gets a capital ("Allow admins" → "AllowAdmins"); other characters just go.
  const base = value
    .normalize('NFKD')
    .replace(/\s+([a-z])/g, (_, next: string) => next.toUpperCase())
    .replace(NOT_ALNUM, '');
  if (base === '') return undefined;
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`)) return `${base}${n}`;
}

function checksSid(policy: ParsedPolicy): boolean {
  if (policy.kind !== 'trust') return true;
  return policy.statements.length > 0 && policy.statements.every(isRoleTrustStatement);
}

function describeChars(bad: string[]): string {
  const names: string[] = [];
  for (const ch of bad) {
    const name = charName(ch);
    if (!names.includes(name)) names.push(name);
    if (names.length === 4) break;
  }
  return names.join(', ');
}

function charName(ch: string): string {
  switch (ch) {
    case ' ':
      return 'a space';
    case '-':
      return 'a hyphen';
    case '_':
      return 'an underscore';
    case '.':
      return 'a period';
    case '\t':
      return 'a tab';
    default: {
      const code = ch.charCodeAt(0);
      return code < 32 || code === 127 ? `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `"${ch}"`;
    }
  }
}

function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}
