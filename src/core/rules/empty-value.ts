import { propKey, propValue } from '../policy/parse';
import type { Node } from '../policy/types';
import type { Finding, PolicyRule } from './rule';

const LIST_ELEMENTS = ['Action', 'NotAction', 'Resource', 'NotResource'] as const;

const WHAT: Record<string, string> = {
  Action: 'action',
  NotAction: 'action',
  Resource: 'resource',
  NotResource: 'resource',
};

/**
 * Empty lists, objects and strings where a policy element needs content ("Action": [], "Condition": {} …).
 * IAM accepts most of these (Access Analyzer lists them as suggestions), but they never do what the author meant.
 * Left to other rules: an empty "Statement" array (statement-missing) and empty action or resource strings
 * (action-missing-prefix, arn-syntax), which IAM rejects; an empty "Sid", which console-generated trust policies
 * carry and which changes nothing.
 */
export const emptyValue: PolicyRule = {
  id: 'empty-value',
  meta: {
    description: 'Policy elements should not be empty (an empty list, object or principal).',
    defaultSeverity: 'warning',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      emptyList:
        '"{{element}}" is an empty list: it names no {{what}}, so this statement matches nothing and has no effect. List at least one {{what}}, or remove the statement.',
      emptyExclusionList:
        '"{{element}}" is an empty list: it excludes nothing, which leaves the scope of this statement unclear. List the {{what}}s to exclude, or use "{{positive}}" instead.',
      emptyPrincipalString:
        'An empty string in "{{element}}" names no principal: write an account ID, an ARN or a service name such as "ssm.amazonaws.com", or remove it.',
      emptyPrincipal:
        '"{{element}}" is an empty object: it names no principal, so this statement does not do what it appears to. Name the principals, e.g. { "Service": "ssm.amazonaws.com" }.',
      emptyPrincipalList:
        'Principal type "{{principalType}}" has an empty list: it names no principal. List at least one, or remove the entry.',
      emptyCondition:
        '"Condition" is an empty object, so it restricts nothing: the statement applies as if it had no condition. Add the intended condition, or remove the element.',
      emptyOperatorBlock:
        'Condition operator "{{operator}}" has no condition keys, so it tests nothing and the statement is not restricted by it. Add the key and values to compare, or remove the operator.',
      emptyConditionValues:
        'Condition key "{{key}}" has an empty list of values: depending on the operator the condition then never matches or matches only when the key is absent. List the values, or use the Null operator to test whether the key is present.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const element of LIST_ELEMENTS) checkList(element, propValue(st.props.get(element)), findings);
      for (const element of ['Principal', 'NotPrincipal']) checkPrincipal(element, propValue(st.props.get(element)), findings);
      checkCondition(propValue(st.props.get('Condition')), findings);
    }
    return findings;
  },
};

function checkList(element: string, value: Node | undefined, findings: Finding[]): void {
  if (value?.type !== 'array' || (value.children?.length ?? 0) > 0) return;
  const what = WHAT[element] ?? 'value';
  if (element.startsWith('Not')) {
    findings.push({ messageId: 'emptyExclusionList', node: value, data: { element, what, positive: element.slice(3) } });
  } else {
    findings.push({ messageId: 'emptyList', node: value, data: { element, what } });
  }
}

function checkPrincipal(element: string, value: Node | undefined, findings: Finding[]): void {
  if (value?.type !== 'object') return;
  if ((value.children?.length ?? 0) === 0) {
    findings.push({ messageId: 'emptyPrincipal', node: value, data: { element } });
    return;
  }
  for (const prop of value.children ?? []) {
    const entry = propValue(prop);
    if (!entry) continue;
    if (entry.type === 'array' && (entry.children?.length ?? 0) === 0) {
      findings.push({ messageId: 'emptyPrincipalList', node: entry, data: { principalType: String(propKey(prop)?.value ?? '') } });
      continue;
    }
    for (const item of entry.type === 'array' ? (entry.children ?? []) : [entry]) {
      if (item.type === 'string' && item.value === '') findings.push({ messageId: 'emptyPrincipalString', node: item, data: { element } });
    }
  }
}

function checkCondition(value: Node | undefined, findings: Finding[]): void {
  if (value?.type !== 'object') return;
  if ((value.children?.length ?? 0) === 0) {
    findings.push({ messageId: 'emptyCondition', node: value });
    return;
  }
  for (const opProp of value.children ?? []) {
    const block = propValue(opProp);
    if (block?.type !== 'object') continue;
    if ((block.children?.length ?? 0) === 0) {
      findings.push({ messageId: 'emptyOperatorBlock', node: block, data: { operator: String(propKey(opProp)?.value ?? '') } });
      continue;
    }
    for (const entryProp of block.children ?? []) {
      const entry = propValue(entryProp);
      // An empty string value is a real test ("the tag is empty"), so only empty lists are reported.
      if (entry?.type === 'array' && (entry.children?.length ?? 0) === 0) {
        findings.push({ messageId: 'emptyConditionValues', node: entry, data: { key: String(propKey(entryProp)?.value ?? '') } });
      }
    }
  }
}
