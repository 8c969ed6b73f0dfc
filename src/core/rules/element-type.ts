import { describeType } from '../policy/elements';
import { propKey, propValue } from '../policy/parse';
import type { Node } from '../policy/types';
import type { Finding, PolicyRule } from './rule';

const STRING_ELEMENTS = ['Sid', 'Effect'] as const;
const LIST_ELEMENTS = ['Action', 'NotAction', 'Resource', 'NotResource'] as const;
const PRINCIPAL_ELEMENTS = ['Principal', 'NotPrincipal'] as const;

/** Policy elements whose JSON type IAM does not accept (a boolean Effect, a number in Action, an array as Principal …). */
export const elementType: PolicyRule = {
  id: 'element-type',
  meta: {
    description: 'Each policy element must have the JSON type IAM expects.',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      notString: '"{{element}}" must be a string, but this is {{type}}; IAM rejects the policy. Write it in double quotes, e.g. {{example}}.',
      statementShape:
        '"Statement" must be a statement object or an array of statement objects, but this is {{type}}; IAM rejects the policy. Write "Statement": [ { "Effect": ..., "Action": ..., ... } ].',
      statementNotObject:
        'Each item of "Statement" must be a statement object { "Effect": ..., "Action": ..., ... }, but this is {{type}}; IAM rejects the policy.',
      notStringOrArray:
        '"{{element}}" must be a string or an array of strings, but this is {{type}}; IAM rejects the policy. Write e.g. "{{element}}": [{{example}}].',
      itemNotString:
        'Each item of "{{element}}" must be a string, but this is {{type}}; IAM rejects the policy. Quote the value and keep the list flat, e.g. {{example}}.',
      principalShape:
        '"{{element}}" must be "*" or an object such as { "AWS": "arn:aws:iam::123456789012:root" } or { "Service": "ssm.amazonaws.com" }, but this is {{type}}{{string}}; IAM rejects the policy.',
      principalValue:
        'The value of principal type "{{principalType}}" must be a string or an array of strings, but this is {{type}}; IAM rejects the policy. Write e.g. "{{principalType}}": ["..."].',
      conditionShape:
        '"Condition" must be an object of operator blocks such as { "StringEquals": { "aws:PrincipalTag/team": "ops" } }, but this is {{type}}; IAM rejects the policy.',
      conditionBlockShape:
        'The condition operator "{{operator}}" must map to an object of condition keys such as { "aws:SourceVpc": "vpc-..." }, but this is {{type}}; IAM rejects the policy.',
      conditionValue:
        'A value of condition key "{{key}}" must be a string, number or boolean (or a flat array of them), but this is {{type}}; IAM rejects the policy.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    const root = policy.root;
    if (root?.type !== 'object') return findings;
    // A non-string Version is version-invalid's finding (it knows which version was meant).
    const id = propValue(policy.props.get('Id'));
    if (id && id.type !== 'string') {
      findings.push({ messageId: 'notString', node: id, data: { element: 'Id', type: describeType(id), example: '"my-policy"' } });
    }
    const statement = policy.statementNode;
    if (statement && statement.type !== 'object' && statement.type !== 'array') {
      findings.push({ messageId: 'statementShape', node: statement, data: { type: describeType(statement) } });
    } else if (statement?.type === 'array') {
      for (const item of statement.children ?? []) {
        if (item.type !== 'object') findings.push({ messageId: 'statementNotObject', node: item, data: { type: describeType(item) } });
      }
    }
    for (const st of policy.statements) {
      for (const element of STRING_ELEMENTS) {
        const value = propValue(st.props.get(element));
        if (value && value.type !== 'string') {
          const example = element === 'Effect' ? '"Allow"' : '"AllowSessionManager"';
          findings.push({ messageId: 'notString', node: value, data: { element, type: describeType(value), example } });
        }
      }
      for (const element of LIST_ELEMENTS) checkStringList(element, propValue(st.props.get(element)), findings);
      for (const element of PRINCIPAL_ELEMENTS) checkPrincipal(element, propValue(st.props.get(element)), findings);
      checkCondition(propValue(st.props.get('Condition')), findings);
    }
    return findings;
  },
};

function listExample(element: string): string {
  return element.endsWith('Action') ? '"ssm:SendCommand"' : '"arn:aws:ssm:*:*:document/*"';
}

function checkStringList(element: string, value: Node | undefined, findings: Finding[]): void {
  if (!value || value.type === 'string') return;
  if (value.type !== 'array') {
    findings.push({ messageId: 'notStringOrArray', node: value, data: { element, type: describeType(value), example: listExample(element) } });
    return;
  }
  for (const item of value.children ?? []) {
    if (item.type !== 'string') {
      findings.push({ messageId: 'itemNotString', node: item, data: { element, type: describeType(item), example: listExample(element) } });
    }
  }
}

function checkPrincipal(element: string, value: Node | undefined, findings: Finding[]): void {
  if (!value) return;
  // A bare string is accepted only as "*"; any other bare value is a shape error.
  if (value.type === 'string' && value.value === '*') return;
  if (value.type !== 'object') {
    // The words and the string apart, so that the words can be translated.
    const type = value.type === 'string' ? 'the bare string' : describeType(value);
    const string = value.type === 'string' ? ` ${JSON.stringify(value.value)}` : '';
    findings.push({ messageId: 'principalShape', node: value, data: { element, type, string } });
    return;
  }
  for (const prop of value.children ?? []) {
    const principalType = String(propKey(prop)?.value ?? '');
    const entry = propValue(prop);
    if (!entry || entry.type === 'string') continue;
    if (entry.type !== 'array') {
      findings.push({ messageId: 'principalValue', node: entry, data: { principalType, type: describeType(entry) } });
      continue;
    }
    for (const item of entry.children ?? []) {
      if (item.type !== 'string') findings.push({ messageId: 'principalValue', node: item, data: { principalType, type: describeType(item) } });
    }
  }
}

function isScalar(node: Node): boolean {
  return node.type === 'string' || node.type === 'number' || node.type === 'boolean';
}

function checkCondition(value: Node | undefined, findings: Finding[]): void {
  if (!value) return;
  if (value.type !== 'object') {
    findings.push({ messageId: 'conditionShape', node: value, data: { type: describeType(value) } });
    return;
  }
  for (const opProp of value.children ?? []) {
    const operator = String(propKey(opProp)?.value ?? '');
    const block = propValue(opProp);
    if (!block) continue;
    if (block.type !== 'object') {
      findings.push({ messageId: 'conditionBlockShape', node: block, data: { operator, type: describeType(block) } });
      continue;
    }
    for (const entryProp of block.children ?? []) {
      const key = String(propKey(entryProp)?.value ?? '');
      const entry = propValue(entryProp);
      if (!entry || isScalar(entry)) continue;
      if (entry.type !== 'array') {
        findings.push({ messageId: 'conditionValue', node: entry, data: { key, type: describeType(entry) } });
        continue;
      }
      for (const item of entry.children ?? []) {
        if (!isScalar(item)) findings.push({ messageId: 'conditionValue', node: item, data: { key, type: describeType(item) } });
      }
    }
  }
}
