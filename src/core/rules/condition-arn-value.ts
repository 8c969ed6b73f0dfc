import type { IamIndex } from '../iam';
import { arnFieldOffset, parseArn } from '../policy/arn';
import type { ArnProblem } from '../policy/arn-problem';
import { parseOperator } from '../policy/condition-operators';
import { resolveConditionKey } from '../policy/condition-keys';
import { replaceNode } from '../policy/edits';
import { findPlaceholders } from '../policy/placeholders';
import { ARN_FIELD, MAX_ARN_LENGTH } from '../policy/resource-arns';
import type { Finding, PolicyRule } from './rule';
import { accountProblem } from './arn-account';
import { emptyFieldProblem } from './arn-empty-field';
import { partitionProblem } from './arn-partition';
import { regionProblem } from './arn-region';
import { forbiddenFieldProblem } from './arn-region-account-forbidden';
import { arnSyntaxProblem } from './arn-syntax';

/** Condition key types whose values are ARNs. */
const ARN_TYPES = new Set(['arn', 'arrayofarn']);

/**
 * ARN values in conditions checked as Resource ARNs are: the value of an Arn operator (ArnLike, ArnEquals …) or of a
 * key whose IAM type is ARN (aws:PrincipalArn, aws:SourceArn, ec2:SourceInstanceArn …) under a String operator.
 * The diagnoses are those of arn-syntax, arn-partition, arn-region, arn-account, arn-empty-field and
 * arn-region-account-forbidden; placeholders stay the placeholder rule's.
 */
export const conditionArnValue: PolicyRule = {
  id: 'condition-arn-value',
  meta: {
    description: 'ARN values in conditions (aws:PrincipalArn, aws:SourceArn, ArnLike …) must be ARNs that can match: six fields, a known partition and Region, a 12-digit account.',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      syntax: '{{key}} is compared with "{{value}}", but {{why}}{{whyValue}}{{whyEnd}}. No ARN can match it, so {{outcome}}.',
      partition: '{{key}} is compared with "{{value}}", but {{why}}{{whyValue}}{{whyEnd}}. No ARN can match it, so {{outcome}}.{{advice}}{{adviceValue}}{{adviceEnd}}',
      region: '{{key}} is compared with "{{value}}", but {{why}}{{whyValue}}{{whyEnd}}. No ARN can match it, so {{outcome}}.{{advice}}{{adviceValue}}{{adviceEnd}}',
      account: '{{key}} is compared with "{{value}}", but {{why}}{{whyValue}}{{whyEnd}}. No ARN can match it, so {{outcome}}. Write the 12-digit account ID, or * for any account.',
      emptyField: '{{key}} is compared with "{{value}}", but {{why}}{{whyValue}}{{whyEnd}}. No ARN can match it, so {{outcome}}. Write the missing field, or * for any.',
      forbiddenField: '{{key}} is compared with "{{value}}", but {{why}}{{whyValue}}{{whyEnd}}. No ARN can match it, so {{outcome}}. Leave the field empty.',
      replace: 'Write "{{suggestion}}"',
    },
  },
  check(policy, ctx) {
    const findings: Finding[] = [];
    for (const st of policy.statements) {
      for (const op of st.condition?.operators ?? []) {
        const parsed = parseOperator(op.operator);
        if (!parsed.known || (parsed.valueType !== 'ARN' && parsed.valueType !== 'String')) continue;
        const outcome = parsed.negated ? 'the condition holds for every request and excludes nothing' : 'the condition never matches';
        for (const entry of op.entries) {
          if (parsed.valueType !== 'ARN' && !isArnKey(ctx.iam, entry.key)) continue;
          for (const item of entry.values) {
            if (typeof item.value !== 'string' || !/^arn:/i.test(item.value) || item.value.length > MAX_ARN_LENGTH) continue;
            if (findPlaceholders(item.value, 'conditionValue', { conditionKey: entry.key }).length > 0) continue;
            const found = diagnose(item.value, ctx.iam, parsed.valueType === 'String');
            if (!found) continue;
            const finding: Finding = {
              messageId: found.family,
              node: item.node,
              data: { key: entry.key, value: item.value, outcome, ...found.why, ...found.advice },
            };
            const replacement = found.problem.replacement;
            if (replacement !== undefined && replacement !== item.value) {
              finding.suggestions = [{ messageId: 'replace', data: { suggestion: replacement }, fix: replaceNode(item.node, replacement) }];
            }
            findings.push(finding);
          }
        }
      }
    }
    return findings;
  },
};

function isArnKey(iam: IamIndex, key: string): boolean {
  const type = resolveConditionKey(iam, key)?.type;
  return type !== undefined && ARN_TYPES.has(type.toLowerCase());
}

type Family = 'syntax' | 'partition' | 'region' | 'account' | 'emptyField' | 'forbiddenField';

/**
 * Why no ARN matches, as its words and the value they name with the words after it apart (`why`, `whyValue`,
 * `whyEnd`), and the did-you-mean in the same way, so that the words can be translated.
 */
interface Diagnosis {
  family: Family;
  problem: ArnProblem;
  why: { why: string; whyValue: string; whyEnd: string };
  advice: { advice: string; adviceValue: string; adviceEnd: string };
}

const NO_ADVICE = { advice: '', adviceValue: '', adviceEnd: '' };

function why(words: string, whyValue = '', whyEnd = ''): Diagnosis['why'] {
  return { why: words, whyValue, whyEnd };
}

function didYouMean(suggestion: string | undefined): Diagnosis['advice'] {
  return suggestion ? { advice: ' Did you mean "', adviceValue: suggestion, adviceEnd: '"?' } : NO_ADVICE;
}

/**
 * The first problem of an ARN value, in the order a reader fixes them: syntax, partition, region, account, fields.
 * Arn operators compare each of the six fields on its own, so a wildcard stays inside its field; under a String
 * operator a wildcard may stand for colons too, so only the fields before the first wildcard are judged then.
 */
function diagnose(value: string, iam: IamIndex, stringOperator: boolean): Diagnosis | undefined {
  const wildcard = stringOperator ? value.search(/[*?]/) : -1;
  // True when field `index` ends before the first wildcard (or there is none that may span fields).
  const literal = (index: number): boolean => wildcard < 0 || arnFieldOffset(value, index + 1) - 1 < wildcard;
  if (wildcard < 0) {
    const syntax = arnSyntaxProblem(value, 'conditionValue');
    if (syntax) return { family: 'syntax', problem: syntax, why: why(syntaxWhy(syntax)), advice: NO_ADVICE };
  }
  const arn = parseArn(value);
  if (!arn) return undefined;
  const partition = literal(ARN_FIELD.partition) ? partitionProblem(value, arn) : undefined;
  // IAM substitutes policy variables in condition values, so a variable partition may be fine here.
  if (partition && partition.messageId !== 'variable') {
    const d = partition.data;
    const reason = partition.messageId === 'empty' ? why('its partition field is empty') : why('', `"${d.partition}"`, ' is not an AWS partition');
    return { family: 'partition', problem: partition, why: reason, advice: didYouMean(d.suggestion) };
  }
  const region = literal(ARN_FIELD.region) ? regionProblem(value, arn) : undefined;
  if (region) {
    const d = region.data;
    const reason =
      region.messageId === 'wrongCase'
        ? why('', `"${d.region}"`, ' is not a Region code: Region codes are lower case')
        : region.messageId === 'zone'
          ? why('', `"${d.region}"`, ' is a zone, not a Region')
          : region.messageId === 'otherPartition'
            ? why(`"${d.region}" is a Region of the ${d.regionPartition} partition, not of ${d.partition}`)
            : why(`"${d.region}" is not a Region of the ${d.partition} partition`);
    return { family: 'region', problem: region, why: reason, advice: didYouMean(d.suggestion) };
  }
  const account = literal(ARN_FIELD.account) ? accountProblem(value, arn) : undefined;
  if (account) {
    const d = account.data;
    const reason =
      account.messageId === 'separators'
        ? why('the account ', `"${d.account}"`, ' is written with separators')
        : account.messageId === 'length'
          ? why(`the account "${d.account}" has ${d.count} digits, and an account ID has 12`)
          : why('', `"${d.account}"`, ' is not an AWS account ID');
    return { family: 'account', problem: account, why: reason, advice: NO_ADVICE };
  }
  if (!literal(ARN_FIELD.account)) return undefined;
  const empty = emptyFieldProblem(value, arn, iam);
  if (empty) {
    const d = empty.data;
    const fields = { region: 'the region', account: 'the account', regionAndAccount: 'the region and the account', regionOrAccount: 'the region and the account' }[empty.messageId] ?? 'a field';
    return { family: 'emptyField', problem: empty, why: why(`it leaves ${fields} empty, and ${d.service} ARNs of this kind have them (${d.template})`), advice: NO_ADVICE };
  }
  const forbidden = forbiddenFieldProblem(value, arn, iam);
  if (forbidden) {
    const d = forbidden.data;
    const fields = { region: 'no region', account: 'no account', regionAndAccount: 'neither region nor account' }[forbidden.messageId] ?? 'no such field';
    return { family: 'forbiddenField', problem: forbidden, why: why(`${d.service} ARNs of this kind have ${fields} (${d.template})`), advice: NO_ADVICE };
  }
  return undefined;
}

function syntaxWhy(problem: ArnProblem): string {
  const d = problem.data;
  if (problem.messageId === 'prefixCase') return `it starts with "${d.prefix}", and ARNs start with lower-case "arn:"`;
  if (problem.messageId === 'tooFewFields') return `it has ${d.count} colon-separated fields, and an ARN has six (arn:partition:service:region:account:resource)`;
  return 'it is not an ARN';
}
