import type { IamIndex } from '../iam';
import { conditionKeyTemplate } from '../policy/condition-keys';
import { isPolicyVariableName } from '../policy/placeholders';
import type { Located, Statement } from '../policy/types';
import { didYouMean } from '../util/did-you-mean';
import type { Finding, PolicyRule } from './rule';

/** Characters a variable name may hold: a key (`aws:PrincipalTag/team`, `saml:sub`, `ec2:SourceInstanceARN`). */
const NAME_CHAR = /^[\w:/.@+=-]$/;
/** One-character variables IAM substitutes with the literal character. */
const SPECIAL = new Set(['*', '?', '$']);

type Problem = { messageId: string; data: Record<string, string> };

/** Policy variables (`${aws:username}`): their syntax, the elements that accept them, and the Version they need. */
export const policyVariable: PolicyRule = {
  id: 'policy-variable',
  meta: {
    description: 'Policy variables must be well formed (${key} or ${key, \'default\'}), appear only in Resource and condition values, and need "Version": "2012-10-17".',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      missingBrace: '"{{value}}" opens a policy variable with "${" but never closes it with "}", so IAM rejects the policy. Add the closing brace.',
      empty: '"${}" names no variable, so IAM rejects the policy. Write the key to substitute, such as ${aws:username}, or remove the braces.',
      space: 'The policy variable "{{variable}}" has white space in its name, so IAM rejects the policy. Write it without spaces: ${{{name}}}.',
      missingQuote: 'The default value of "{{variable}}" must be in single quotes, e.g. ${{{name}}, \'{{fallback}}\'}; IAM rejects it otherwise.',
      symbol: 'The policy variable "{{variable}}" contains "{{symbol}}", which a variable name cannot hold, so IAM rejects the policy. Write the condition key it stands for, such as ${aws:PrincipalTag/team}.',
      element:
        'IAM substitutes policy variables only in Resource, NotResource and condition values; in "{{element}}" "{{variable}}" is rejected. Write the {{what}} itself, or move the variable into a Resource or condition value.',
      noVersion:
        'This policy uses the policy variable "{{variable}}" but has no "Version", so IAM reads it with the 2008-10-17 language, which treats variables as literal text: the statement matches "{{variable}}" itself. Add "Version": "2012-10-17".',
      unknownGlobal:
        '"{{variable}}" names no AWS global condition key, so it is never in the request context and substitutes nothing (or the default). Did you mean ${{{suggestion}}}?',
      unknownGlobalNoSuggestion:
        '"{{variable}}" names no AWS global condition key, so it is never in the request context and substitutes nothing (or the default). Check the key name.',
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    let firstVariable: Located<string> | undefined;
    let firstName = '';
    // Every finding needs a "${" in some string value: a text without one (nor a \u escape that could spell one) has none.
    if (!policy.text.includes('${') && !policy.text.includes('\\u')) return findings;
    for (const st of policy.statements) {
      for (const { item, element } of stringsOf(st)) {
        if (!item.value.includes('${') || item.value.length > 4096) continue;
        const { problems, names } = scan(item.value);
        for (const p of problems) findings.push({ messageId: p.messageId, node: item.node, data: p.data });
        if (names.length === 0) continue;
        const variable = `\${${names[0] ?? ''}}`;
        if (element === 'Action' || element === 'NotAction' || element === 'Principal' || element === 'NotPrincipal') {
          findings.push({ messageId: 'element', node: item.node, data: { element, variable, what: element.endsWith('Action') ? 'action' : 'principal' } });
          continue;
        }
        if (!firstVariable) {
          firstVariable = item;
          firstName = names[0] ?? '';
        }
        for (const name of names) {
          const unknown = unknownGlobal(name, ctx.iam);
          if (unknown) findings.push({ node: item.node, severity: 'warning', ...unknown });
        }
      }
    }
    if (firstVariable && !policy.version && !policy.props.has('Version')) {
      findings.push({ messageId: 'noVersion', node: firstVariable.node, data: { variable: `\${${firstName}}` } });
    }
    return findings;
  },
};

/** Every string of a statement where a `${` may appear, with the element it sits in. */
function* stringsOf(st: Statement): Generator<{ item: Located<string>; element: string }> {
  for (const [element, list] of [
    ['Action', st.action],
    ['NotAction', st.notAction],
    ['Resource', st.resource],
    ['NotResource', st.notResource],
  ] as const) {
    for (const item of list?.items ?? []) yield { item, element };
  }
  for (const [element, block] of [
    ['Principal', st.principal],
    ['NotPrincipal', st.notPrincipal],
  ] as const) {
    if (block?.bare) yield { item: block.bare, element };
    for (const entry of block?.entries ?? []) for (const item of entry.values) yield { item, element };
  }
  for (const op of st.condition?.operators ?? []) {
    for (const entry of op.entries) {
      for (const v of entry.values) if (typeof v.value === 'string') yield { item: { value: v.value, node: v.node }, element: 'Condition' };
    }
  }
}

/** The syntax problems of every `${…}` in a value, and the names of the well-formed policy variables. */
function scan(value: string): { problems: Problem[]; names: string[] } {
  const problems: Problem[] = [];
  const names: string[] = [];
  let from = 0;
  for (let open = value.indexOf('${', from); open >= 0; open = value.indexOf('${', from)) {
    const close = value.indexOf('}', open + 2);
    if (close < 0) {
      problems.push({ messageId: 'missingBrace', data: { value: shorten(value) } });
      break;
    }
    from = close + 1;
    const inner = value.slice(open + 2, close);
    const variable = value.slice(open, close + 1);
    if (inner.trim() === '') {
      problems.push({ messageId: 'empty', data: {} });
      continue;
    }
    const comma = inner.indexOf(',');
    const rawName = comma < 0 ? inner : inner.slice(0, comma);
    const name = rawName.trim();
    // Template placeholders (${AccountId}, ${AWS::Region}) are the placeholder rule's.
    if (!isPolicyVariableName(name)) continue;
    if (SPECIAL.has(name)) {
      names.push(name);
      continue;
    }
    if (/\s/.test(comma < 0 ? inner : rawName.trimEnd())) {
      problems.push({ messageId: 'space', data: { variable, name: name.replace(/\s+/g, '') } });
      continue;
    }
    const symbol = [...name].find((ch) => !NAME_CHAR.test(ch));
    if (symbol !== undefined) {
      problems.push({ messageId: 'symbol', data: { variable, symbol } });
      continue;
    }
    if (comma >= 0) {
      const fallback = inner.slice(comma + 1).trim();
      if (!/^'[^']*'$/.test(fallback)) {
        problems.push({ messageId: 'missingQuote', data: { variable, name, fallback: fallback.replace(/'/g, '') } });
        continue;
      }
    }
    names.push(name);
  }
  return { problems, names };
}

let globalTemplates: { key: string; re: ReturnType<typeof conditionKeyTemplate> }[] | undefined;

/** A finding for an `aws:` variable that no global condition key matches; undefined when it is known or not `aws:`. */
function unknownGlobal(name: string, iam: IamIndex): { messageId: string; data: Record<string, string> } | undefined {
  if (!/^aws:/i.test(name)) return undefined;
  if (iam.globalConditionKey(name)) return undefined;
  const templates = (globalTemplates ??= iam.globalConditionKeyNames().map((k) => ({ key: k, re: conditionKeyTemplate(k) })));
  if (templates.some((t) => t.re?.test(name))) return undefined;
  const suggestion = didYouMean(
    name,
    templates.filter((t) => !t.re).map((t) => t.key),
  );
  const variable = `\${${name}}`;
  return suggestion
    ? { messageId: 'unknownGlobal', data: { variable, suggestion } }
    : { messageId: 'unknownGlobalNoSuggestion', data: { variable } };
}

function shorten(value: string): string {
  return value.length > 120 ? `${value.slice(0, 117)}...` : value;
}
