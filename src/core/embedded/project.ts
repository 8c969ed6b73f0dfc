import type { SourceSpan, TemplateEntry, TemplateString, TemplateValue, UnknownShape } from './types';

/**
 * Projects an embedded policy to JSON text the engine lints, remembering where each JSON node came from.
 *
 * Unknown values are written as stand-ins, in three variants (see src/core/embedded/lint.ts): a finding is kept
 * only when every variant gives it, so no finding is caused by what a stand-in happens to be. Pseudo parameters
 * get values of their shape (three different Regions, account ids, partitions); anything else gets a neutral
 * token, then `*`, then another token, or, where an object belongs (a Condition, a Principal, a statement), an
 * object, then `"*"`, then another object.
 */

/** How many variants a policy with unknown values is linted in. */
export const VARIANTS = 3;

const SHAPE_VALUES: Readonly<Record<Exclude<UnknownShape, 'opaque'>, readonly [string, string, string]>> = {
  partition: ['aws', 'aws-us-gov', 'aws'],
  region: ['us-east-1', 'eu-west-3', 'ap-northeast-1'],
  account: ['305419896012', '210987654321', '502356781234'],
  'url-suffix': ['amazonaws.com', 'amazonaws.com.cn', 'amazonaws.com'],
};

/** Stand-ins for an opaque string, and for an opaque value where an object belongs (as JSON). */
const TOKENS = ['ref0a', '*', 'ref1b'] as const;
const CONDITION_STAND_INS = ['{"StringEquals":{"aws:PrincipalAccount":"305419896012"}}', '"*"', '{"StringLike":{"aws:PrincipalArn":"ref1b"}}'];
const PRINCIPAL_STAND_INS = ['{"AWS":"arn:aws:iam::305419896012:root"}', '"*"', '{"Service":"ref1b.amazonaws.com"}'];
const STATEMENT_STAND_INS = ['{}', '"*"', '{}'];

/** What one JSON node of the projection stands for. */
export interface ProjectedNode {
  /** Where the node is in the projected JSON text. */
  offset: number;
  length: number;
  /** Where it came from in the source. */
  span: SourceSpan;
  role: 'value' | 'key' | 'property';
  /** The source value (for `value` nodes) or entry (for `key` and `property` nodes). */
  value?: TemplateValue;
  entry?: TemplateEntry;
  /** A stand-in for something unknown: a finding about it (or inside it) would be about the stand-in. */
  opaque: boolean;
  /** The node's depth in the JSON tree (the root is 0); the innermost node containing a range is the deepest. */
  depth: number;
}

/** A policy as JSON text, with where each node of it came from. */
export interface Projection {
  text: string;
  /** Nodes in the order they start in `text`. */
  nodes: ProjectedNode[];
  /** Whether any value is unknown (stand-ins were written). */
  hasUnknown: boolean;
  /** How many values are wholly unknown (a stand-in that the rules cannot judge). */
  unknownValues: number;
  /** For messages: each partly known string (and its start up to its last unknown part) as projected, and as the source writes it. */
  displays: [projected: string, source: string][];
}

/** Projects a policy value in one variant (0 is the one whose findings and fixes are reported). */
export function project(value: TemplateValue, variant: number): Projection {
  const chunks: string[] = [];
  let length = 0;
  const nodes: ProjectedNode[] = [];
  const displays: [string, string][] = [];
  let hasUnknown = false;
  let unknownValues = 0;
  const write = (s: string): void => {
    chunks.push(s);
    length += s.length;
  };

  const emit = (v: TemplateValue, path: readonly (string | number)[], depth: number): void => {
    const start = length;
    const node: ProjectedNode = { offset: start, length: 0, span: v.span, role: 'value', value: v, opaque: false, depth };
    nodes.push(node);
    switch (v.type) {
      case 'string':
        write(JSON.stringify(v.value));
        break;
      case 'number':
        write(typeof v.value === 'number' && Number.isFinite(v.value) ? String(v.value) : '0');
        break;
      case 'boolean':
        write(v.value ? 'true' : 'false');
        break;
      case 'null':
        write('null');
        break;
      case 'object':
        write('{');
        v.entries.forEach((entry, i) => {
          if (i > 0) write(',');
          const property: ProjectedNode = { offset: length, length: 0, span: entry.span, role: 'property', entry, opaque: false, depth: depth + 1 };
          nodes.push(property);
          const key = JSON.stringify(entry.key);
          nodes.push({ offset: length, length: key.length, span: entry.keySpan, role: 'key', entry, opaque: false, depth: depth + 2 });
          write(key);
          write(':');
          emit(entry.value, [...path, entry.key], depth + 2);
          property.length = length - property.offset;
        });
        write('}');
        break;
      case 'array':
        write('[');
        v.items.forEach((item, i) => {
          if (i > 0) write(',');
          emit(item, [...path, i], depth + 1);
        });
        write(']');
        break;
      case 'template': {
        hasUnknown = true;
        const { projected, source, opaque, prefix } = substitute(v, variant);
        if (opaque) unknownValues++;
        node.opaque = opaque;
        displays.push([projected, source], prefix);
        write(JSON.stringify(projected));
        break;
      }
      case 'unknown':
        hasUnknown = true;
        if (v.shape !== 'opaque') {
          displays.push([SHAPE_VALUES[v.shape][variant % VARIANTS] as string, v.text]);
          write(JSON.stringify(SHAPE_VALUES[v.shape][variant % VARIANTS]));
        } else {
          unknownValues++;
          node.opaque = true;
          write(standIn(path, variant));
        }
        break;
    }
    node.length = length - start;
  };
  emit(value, [], 0);
  return { text: chunks.join(''), nodes, hasUnknown, unknownValues, displays };
}

/** The stand-in of a wholly unknown value at a path of the policy, as JSON. */
function standIn(path: readonly (string | number)[], variant: number): string {
  const i = variant % VARIANTS;
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (last === 'Condition') return CONDITION_STAND_INS[i] as string;
  if (last === 'Principal' || last === 'NotPrincipal') return PRINCIPAL_STAND_INS[i] as string;
  if (last === 'Statement' || (typeof last === 'number' && parent === 'Statement')) return STATEMENT_STAND_INS[i] as string;
  return JSON.stringify(TOKENS[i]);
}

/**
 * A partly known string with its unknown parts replaced. An opaque part inside an ARN gets a value of its segment's
 * shape (partition, Region, account); a string that starts with an opaque part could be anything (a whole ARN), so
 * it is opaque itself.
 */
function substitute(v: TemplateString, variant: number): { projected: string; source: string; opaque: boolean; prefix: [string, string] } {
  const i = variant % VARIANTS;
  let projected = '';
  let source = '';
  let opaque = false;
  // Up to the last unknown part: a message may quote the value with its tail changed (a suggested ARN).
  let prefix: [string, string] = ['', ''];
  v.parts.forEach((part, index) => {
    if (typeof part === 'string') {
      projected += part;
      source += part;
      return;
    }
    source += part.text;
    if (part.shape !== 'opaque') {
      projected += SHAPE_VALUES[part.shape][i];
      prefix = [projected, source];
      return;
    }
    if (index === 0 || projected === '') opaque = true;
    const segment = projected.startsWith('arn:') ? projected.split(':').length - 1 : -1;
    const shape = segment === 1 ? 'partition' : segment === 3 ? 'region' : segment === 4 ? 'account' : undefined;
    projected += shape ? SHAPE_VALUES[shape][i] : TOKENS[i];
    prefix = [projected, source];
  });
  return { projected, source, opaque, prefix };
}
