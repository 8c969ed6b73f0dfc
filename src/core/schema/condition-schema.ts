import { OPERATOR_NAMES, parseOperator, type ConditionValueType, type SetOperator } from '../policy/condition-operators';
import { IAM_DOCS } from './links';
import type { JsonSchema } from './types';

const OPERATORS_DOC = `${IAM_DOCS}/reference_policies_elements_condition_operators.html`;
const MULTIVALUED_DOC = `${IAM_DOCS}/reference_policies_condition-single-vs-multi-valued-context-keys.html`;

interface TypeInfo {
  /** The family's name in the IAM reference. */
  label: string;
  /** What the operator family compares, for the first sentence. */
  noun: string;
  /** The name prefix before the comparison (`String` in `StringNotLike`); empty for operators named as a whole. */
  prefix: string;
  /** A condition key and a value that fit the family, for the example and the completion skeleton. */
  key: string;
  value: string;
  anchor: string;
}

// The families of src/core/policy/condition-operators.ts; the operator names themselves come from there.
const TYPES: Record<ConditionValueType, TypeInfo> = {
  String: { label: 'String', noun: 'strings', prefix: 'String', key: 'aws:PrincipalTag/team', value: 'ops', anchor: 'Conditions_String' },
  Numeric: { label: 'Numeric', noun: 'numbers', prefix: 'Numeric', key: 's3:max-keys', value: '10', anchor: 'Conditions_Numeric' },
  Date: { label: 'Date', noun: 'dates and times', prefix: 'Date', key: 'aws:CurrentTime', value: '2030-12-31T23:59:59Z', anchor: 'Conditions_Date' },
  Bool: { label: 'Boolean', noun: 'booleans', prefix: '', key: 'aws:SecureTransport', value: 'true', anchor: 'Conditions_Boolean' },
  Binary: { label: 'Binary', noun: 'binary values', prefix: '', key: 'key', value: 'QmluYXJ5VmFsdWU=', anchor: 'Conditions_BinaryEquals' },
  IPAddress: { label: 'IP address', noun: 'IP addresses', prefix: '', key: 'aws:SourceIp', value: '203.0.113.0/24', anchor: 'Conditions_IPAddress' },
  ARN: { label: 'ARN', noun: 'ARNs', prefix: 'Arn', key: 'aws:SourceArn', value: 'arn:aws:sns:us-east-2:123456789012:my-topic', anchor: 'Conditions_ARN' },
  Null: { label: 'Null', noun: '', prefix: '', key: 'aws:TokenIssueTime', value: 'true', anchor: 'Conditions_Null' },
};

/** What the request's value must do to match, by the comparison part of the operator name. */
function comparison(type: ConditionValueType, rest: string): string | undefined {
  const before = type === 'Date' ? 'earlier than' : 'less than';
  const after = type === 'Date' ? 'later than' : 'greater than';
  const phrases: Record<string, string> = {
    Equals: 'equals one of the listed values' + (type === 'String' ? ' (case-sensitive)' : ''),
    NotEquals: 'equals none of the listed values' + (type === 'String' ? ' (case-sensitive)' : ''),
    EqualsIgnoreCase: 'equals one of the listed values, ignoring case',
    NotEqualsIgnoreCase: 'equals none of the listed values, ignoring case',
    Like: 'matches one of the listed values, where `*` matches any run of characters and `?` any one character',
    NotLike: 'matches none of the listed values (`*` and `?` are wildcards)',
    LessThan: `is ${before} the value`,
    LessThanEquals: `is ${before} or equal to the value`,
    GreaterThan: `is ${after} the value`,
    GreaterThanEquals: `is ${after} or equal to the value`,
    // Operators named as a whole.
    Bool: 'is the boolean given: `true` or `false`',
    BinaryEquals: 'equals the base64-encoded value, byte for byte',
    IpAddress: 'is an IP address in one of the listed addresses or CIDR ranges',
    NotIpAddress: 'is an IP address in none of the listed addresses or CIDR ranges',
    Null: 'matches `true` when the key is absent from the request, `false` when it is present (and not null)',
  };
  return Object.prototype.hasOwnProperty.call(phrases, rest) ? phrases[rest] : undefined;
}

const SET_TEXT: Record<SetOperator, string> = {
  ForAllValues:
    'For a multivalued key (such as `aws:TagKeys`): true when **every** value in the request matches one of the listed values. Also true when the key is absent or has no values, so pair it with a `Null` check when the key must be present.',
  ForAnyValue:
    'For a multivalued key (such as `aws:TagKeys`): true when **at least one** value in the request matches one of the listed values; false when the key is absent.',
};

const IF_EXISTS_TEXT =
  '`IfExists`: when the key is not in the request the condition is true; when it is, the comparison is made as usual.';

/** The first sentence for a base operator; `undefined` when its name is not one the generator knows how to describe. */
export function describeBaseOperator(base: string): string | undefined {
  const parsed = parseOperator(base);
  if (!parsed.valueType) return undefined;
  const info = TYPES[parsed.valueType];
  const rest = info.prefix && base.startsWith(info.prefix) ? base.slice(info.prefix.length) : base;
  const phrase = comparison(parsed.valueType, rest);
  if (!phrase) return undefined;
  return parsed.valueType === 'Null' ? `Tests whether a condition key is in the request: ${phrase}.` : `The value of the condition key ${phrase}.`;
}

/** Hover text for one operator name such as `ForAnyValue:StringLikeIfExists`. */
export function describeOperator(name: string): { description: string; markdownDescription: string } {
  const parsed = parseOperator(name);
  const base = parsed.base ?? name;
  const info = parsed.valueType ? TYPES[parsed.valueType] : undefined;
  const first = describeBaseOperator(base) ?? 'A condition operator.';
  const notes = [parsed.ifExists ? IF_EXISTS_TEXT : '', parsed.set ? SET_TEXT[parsed.set] : ''].filter(Boolean);
  const values =
    parsed.valueType === 'Null'
      ? 'Value: `true` or `false`.'
      : `Values: one, or an array (${parsed.negated ? 'the condition is true when none matches' : 'any one may match'}).`;
  const example = info ? `"${name}": { ${exampleEntry(parsed.valueType, parsed.set !== undefined)} }` : '';
  const links = [`[${info?.label ?? 'Condition'} condition operators](${OPERATORS_DOC}${info ? `#${info.anchor}` : ''})`];
  if (parsed.set) links.push(`[Multivalued keys](${MULTIVALUED_DOC})`);
  const markdown = [
    `**${name}**: ${first}${info && parsed.valueType !== 'Null' ? ` Compares ${info.noun}.` : ''}`,
    ...notes,
    values,
    example ? `\`\`\`json\n${example}\n\`\`\`` : '',
    links.join(' · '),
  ].filter(Boolean);
  return { description: `${name}: ${first.replace(/`/g, '')}`, markdownDescription: markdown.join('\n\n') };
}

/** `"key": value` for an example: a multivalued key for set operators where the family has one. */
function exampleEntry(type: ConditionValueType | undefined, set: boolean): string {
  if (set && type === 'String') return '"aws:TagKeys": ["team", "project"]';
  const info = TYPES[type ?? 'String'];
  return `"${info.key}": "${info.value}"`;
}

/** The definition that holds the shape of every operator of a family (so the schema states it once). */
function familyRef(type: ConditionValueType): string {
  return `#/definitions/${familyDefinition(type)}`;
}

function familyDefinition(type: ConditionValueType): string {
  return `operator${type}`;
}

/** The definitions the Condition element refers to: one operator block per family, with its completion skeleton. */
export function conditionDefinitions(): Record<string, JsonSchema> {
  const definitions: Record<string, JsonSchema> = {};
  for (const [type, info] of Object.entries(TYPES) as [ConditionValueType, TypeInfo][]) {
    // The shape of a block (an object of condition keys) is element-type's to check; the schema only proposes it.
    definitions[familyDefinition(type)] = {
      defaultSnippets: [{ label: `${info.label} condition`, body: { [`\${1:${info.key}}`]: `\${2:${info.value}}` } }],
    };
  }
  return definitions;
}

/** The schema of one operator block: its hover text, and the shape shared by its family. */
function operatorSchema(name: string): JsonSchema {
  const type = parseOperator(name).valueType ?? 'String';
  return { ...describeOperator(name), allOf: [{ $ref: familyRef(type) }] };
}

/**
 * The Condition element: every operator IAM accepts (from condition-operators.ts), for completion and hover; an
 * operator IAM does not accept is condition-operator-unknown's finding.
 */
export function conditionSchema(doc: { description: string; markdownDescription: string }): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const name of OPERATOR_NAMES) properties[name] = operatorSchema(name);
  return {
    ...doc,
    properties,
    defaultSnippets: [
      { label: 'StringEquals condition', body: { StringEquals: { '${1:aws:ResourceTag/team}': '${2:ops}' } } },
      { label: 'ArnLike condition', body: { ArnLike: { '${1:aws:SourceArn}': '${2:arn:aws:ssm:*:123456789012:*}' } } },
      { label: 'Bool condition', body: { Bool: { '${1:aws:SecureTransport}': '${2:true}' } } },
    ],
  };
}
