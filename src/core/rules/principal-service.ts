import { parseOperator } from '../policy/condition-operators';
import { replaceNode } from '../policy/edits';
import { findPlaceholders } from '../policy/placeholders';
import type { IamIndex } from '../iam';
import {
  diagnoseServicePrincipal,
  isKnownServiceName,
  SERVICE_PRINCIPAL_NAMES,
  type ServicePrincipalProblem,
} from '../policy/service-principals';
import type { Located, Node } from '../policy/types';
import { closest } from '../util/closest';
import { editDistance } from '../util/did-you-mean';
import type { Finding, PolicyRule, Suggestion } from './rule';

/** Condition keys whose values are service principals (iam:AWSServiceName: the service of a service-linked role). */
const SERVICE_KEYS = new Set(['iam:passedtoservice', 'iam:awsservicename']);

/** Longer values are shortened in messages. */
const MAX_SHOWN = 120;

const PROBLEM: Record<ServicePrincipalProblem['kind'], string> = {
  whitespace: 'has spaces in or around the name',
  url: 'is written as a URL; a service principal is the bare host name',
  arn: 'is an ARN, not a service principal (roles, users and accounts go under "AWS")',
  list: 'holds several names in one string; each principal is a string of its own',
  case: 'is not lower case; service principals are written in lower case exactly as AWS documents them',
  bareName: 'is a service name, not a service principal (service principals end in ".amazonaws.com")',
  domain: 'has a misspelled domain (service principals end in ".amazonaws.com")',
  malformed: 'is not a service principal; service principals look like "ssm.amazonaws.com"',
};

/** A Service principal, iam:PassedToService or iam:AWSServiceName value that is not a well-formed service principal. */
export const principalService: PolicyRule = {
  id: 'principal-service',
  meta: {
    description: 'Service principals are written "<service>.amazonaws.com" (or a documented variant); malformed ones are rejected or never match.',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      arn: '"{{value}}" {{problem}}. IAM rejects it under "Service" ("Invalid principal in policy"). Move it under "AWS", or name the service, such as "ssm.amazonaws.com".',
      whitespace: '"{{value}}" {{problem}}. IAM rejects it ("Invalid principal in policy"). Write "{{suggestion}}".',
      url: '"{{value}}" {{problem}}. IAM rejects it ("Invalid principal in policy"). Write "{{suggestion}}".',
      list: '"{{value}}" {{problem}}. IAM rejects it ("Invalid principal in policy"). Write a JSON array such as ["ssm.amazonaws.com", "ec2.amazonaws.com"].',
      case: '"{{value}}" {{problem}}. Write "{{suggestion}}".',
      bareName: '"{{value}}" {{problem}}. IAM rejects it ("Invalid principal in policy"). Write "{{suggestion}}".',
      bareNameUnknown: '"{{value}}" {{problem}}. IAM rejects it ("Invalid principal in policy"). Write the principal, such as "{{value}}.amazonaws.com" (check the service\'s documentation).',
      domain: '"{{value}}" {{problem}}. IAM rejects it ("Invalid principal in policy"). Did you mean "{{suggestion}}"?',
      malformed: '"{{value}}" {{problem}}. IAM rejects it ("Invalid principal in policy"). Check the principal in the service\'s documentation.',
      wildcard:
        '"{{value}}" has a wildcard in a service principal. IAM matches principals exactly and does not accept a wildcard for part of a principal name, so this does not trust the services you mean. Name each service principal, such as "ssm.amazonaws.com".',
      conditionValue:
        'The {{key}} value "{{value}}" {{problem}}, so the condition never matches the service AWS passes. {{advice}}{{adviceValue}}{{adviceEnd}}',
      unknownService:
        '"{{value}}" is well formed, but "{{name}}" is neither a service prefix in the IAM data nor a known service principal. A misspelled principal never matches, so no service can assume the role. Did you mean "{{suggestion}}"? (A service newer than this linter\'s data is fine: then ignore this warning.)',
      changePrincipal: 'Change the service principal to "{{suggestion}}"',
      splitList: 'Write each service principal as a string of its own',
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const block of [st.principal, st.notPrincipal]) {
        for (const entry of block?.entries ?? []) {
          if (entry.type !== 'Service') continue;
          for (const item of entry.values) {
            if (typeof item.value !== 'string') continue;
            // "*" alone is the any-principal wildcard, not a partial match; principal-wildcard looks at those.
            if (item.value !== '*' && /[*?]/.test(item.value) && item.value.length <= 256) {
              findings.push({ messageId: 'wildcard', node: item.node, data: { value: shorten(item.value) } });
              continue;
            }
            const problem = diagnose(item.value);
            if (problem) findings.push(principalFinding(item, problem));
            else {
              const unknown = unknownService(item.value, ctx.iam);
              if (unknown) findings.push(unknown(item.node));
            }
          }
        }
      }
      for (const op of st.condition?.operators ?? []) {
        // Service principals are compared by the string operators only; "Null": {"iam:PassedToService": "true"} is not one.
        const parsed = parseOperator(op.operator);
        if (parsed.valueType !== 'String' && !(parsed.valueType === undefined && /string/i.test(op.operator))) continue;
        const ignoreCase = /IgnoreCase/i.test(op.operator);
        for (const entry of op.entries) {
          if (typeof entry.key !== 'string' || !SERVICE_KEYS.has(entry.key.toLowerCase())) continue;
          for (const item of entry.values) {
            if (typeof item.value !== 'string') continue;
            const problem = diagnose(ignoreCase ? item.value.toLowerCase() : item.value);
            if (problem) findings.push(conditionFinding(entry.key, item as Located<string>, problem));
          }
        }
      }
    }
    return findings;
  },
};

/**
 * A well-formed principal whose service name is unknown but one or two letters away from a known one
 * ("sssm.amazonaws.com"): a warning, since the lists lag behind new services.
 */
function unknownService(value: string, iam: IamIndex): ((node: Node) => Finding) | undefined {
  const m = /^([a-z0-9-]+)((?:\.[a-z0-9.-]+)?\.amazonaws\.com(?:\.cn)?)$/.exec(value);
  if (!m) return undefined;
  const name = m[1] ?? '';
  if (isKnownServiceName(name) || iam.hasService(name)) return undefined;
  if (name.length < 4) return undefined;
  const known = closest(name, [...SERVICE_PRINCIPAL_NAMES, ...iam.servicePrefixes()]);
  if (!known || !likelyTypo(name, known)) return undefined;
  const suggestion = `${known}${m[2] ?? ''}`;
  return (node) => ({
    messageId: 'unknownService',
    node,
    severity: 'warning',
    data: { value, name, suggestion },
    suggestions: [{ messageId: 'changePrincipal', fix: replaceNode(node, suggestion) }],
  });
}

/**
 * Real principals are often a known name with a suffix or a hyphen ("securityhubv2", "application-insights"):
 * only a letter or two changed inside the name counts as a typo.
 */
function likelyTypo(name: string, known: string): boolean {
  if (name.startsWith(known) || known.startsWith(name)) return false;
  if (name.replace(/-/g, '') === known.replace(/-/g, '')) return false;
  return editDistance(name, known, 2) <= (name.length >= 8 ? 2 : 1);
}

function diagnose(value: string): ServicePrincipalProblem | undefined {
  // Documentation placeholders ("{{service}}", "<service>") are the placeholder rule's.
  if (findPlaceholders(value, 'principal').length > 0) return undefined;
  return diagnoseServicePrincipal(value);
}

function shorten(value: string): string {
  return value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
}

/** The suggestion that writes the corrected principal, or the list's principals as separate strings. */
function suggestionsOf(node: Node, problem: ServicePrincipalProblem): Suggestion[] | undefined {
  if (problem.suggestion) return [{ messageId: 'changePrincipal', data: { suggestion: problem.suggestion }, fix: replaceNode(node, problem.suggestion) }];
  if (!problem.parts || problem.parts.length === 0) return undefined;
  const strings = problem.parts.map((p) => JSON.stringify(p)).join(', ');
  // Inside an array the strings become items of it; a lone string becomes an array.
  const content = node.parent?.type === 'array' ? strings : `[${strings}]`;
  return [{ messageId: 'splitList', fix: [{ offset: node.offset, length: node.length, content }] }];
}

function principalFinding(item: Located<string>, problem: ServicePrincipalProblem): Finding {
  const data: Record<string, string> = { value: shorten(item.value), problem: PROBLEM[problem.kind] };
  const messageId = problem.kind === 'bareName' && !problem.suggestion ? 'bareNameUnknown' : problem.kind;
  const suggestions = suggestionsOf(item.node, problem);
  if (problem.suggestion) data.suggestion = problem.suggestion;
  return { messageId, node: item.node, data, ...(suggestions ? { suggestions } : {}) };
}

function conditionFinding(key: string, item: Located<string>, problem: ServicePrincipalProblem): Finding {
  // The advice's words and the principal apart, so that the words can be translated.
  let advice = { advice: 'Write the service principal, such as "ssm.amazonaws.com".', adviceValue: '', adviceEnd: '' };
  if (problem.suggestion) advice = { advice: 'Write "', adviceValue: problem.suggestion, adviceEnd: '".' };
  else if (problem.kind === 'list') advice = { ...advice, advice: 'Write each service principal as a value of its own in a JSON array.' };
  else if (problem.kind === 'arn') advice = { ...advice, advice: 'Write the service the role is passed to, such as "ssm.amazonaws.com".' };
  const suggestions = suggestionsOf(item.node, problem);
  return {
    messageId: 'conditionValue',
    node: item.node,
    data: { key, value: shorten(item.value), problem: PROBLEM[problem.kind], ...advice },
    ...(suggestions ? { suggestions } : {}),
  };
}
