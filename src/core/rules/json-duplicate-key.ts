import { LineMap } from '../lint/position';
import { propKey } from '../policy/parse';
import type { Node } from '../policy/types';
import { objectNodes } from '../policy/walk';
import type { Finding, PolicyRule } from './rule';

/** The same key twice in one object, or two keys that differ only in case, anywhere in the document; reports the later key. */
export const jsonDuplicateKey: PolicyRule = {
  id: 'json-duplicate-key',
  meta: {
    description: 'An object must not repeat a key, nor hold two keys that differ only in case.',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      duplicate:
        '"{{key}}" appears twice in the same object{{where}}{{whereName}}{{whereEnd}} (first on line {{line}}). A repeated key makes the policy ambiguous: IAM rejects it, or a tool that parses the JSON first silently keeps only one of the two and drops the other\'s content. Merge both into one "{{key}}".',
      caseDuplicate:
        '"{{key}}" differs only in case from "{{first}}" (line {{line}}) in the same object{{where}}{{whereName}}{{whereEnd}}. Element names are case-sensitive, so one of the two spellings is not valid and IAM rejects it; condition key names are case-insensitive, so both entries name the same key, which IAM Access Analyzer reports as an error. Keep one spelling and merge both into it.',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    let lines: LineMap | undefined;
    const lineOf = (node: Node): string => String((lines ??= new LineMap(policy.text)).position(node.offset).line + 1);
    const statementIndex = new Map(policy.statements.map((st) => [st.node, st.index]));
    const where = (object: Node): Where => {
      const index = statementIndex.get(object);
      return index === undefined ? describe(object) : { where: ' (statement ', whereName: String(index + 1), whereEnd: ')' };
    };
    for (const object of objectNodes(policy.root)) {
      const props = object.children ?? [];
      if (props.length < 2) continue;
      const exact = new Map<string, Node>();
      const folded = new Map<string, Node>();
      for (const prop of props) {
        const keyNode = propKey(prop);
        if (typeof keyNode?.value !== 'string') continue;
        const key = keyNode.value;
        const first = exact.get(key);
        if (first) {
          findings.push({ messageId: 'duplicate', node: keyNode, data: { key, line: lineOf(first), ...where(object) } });
          continue;
        }
        exact.set(key, keyNode);
        const lower = key.toLowerCase();
        const other = folded.get(lower);
        if (other) {
          const firstKey = String(other.value);
          findings.push({ messageId: 'caseDuplicate', node: keyNode, data: { key, first: firstKey, line: lineOf(other), ...where(object) } });
        } else {
          folded.set(lower, keyNode);
        }
      }
    }
    return findings;
  },
};

/**
 * Where an object sits, for the message: ' (statement 2)', ' ("Condition")', ' (an item of "Action")' …, as its words
 * (`where`, `whereEnd`) and the name or number between them (`whereName`), so that each part can be translated.
 */
interface Where {
  where: string;
  whereName: string;
  whereEnd: string;
}

const NOWHERE: Where = { where: '', whereName: '', whereEnd: '' };

/** Where an object that is not a statement sits; looks at most two levels up. */
function describe(object: Node): Where {
  const parent = object.parent;
  if (!parent) return { where: ' (the top level of the policy)', whereName: '', whereEnd: '' };
  if (parent.type === 'property') {
    const key = propKey(parent)?.value;
    return typeof key === 'string' ? { where: ' (', whereName: `"${truncate(key)}"`, whereEnd: ')' } : NOWHERE;
  }
  if (parent.type === 'array') {
    const owner = parent.parent;
    const key = owner?.type === 'property' ? propKey(owner)?.value : undefined;
    return typeof key === 'string' ? { where: ' (an item of ', whereName: `"${truncate(key)}"`, whereEnd: ')' } : NOWHERE;
  }
  return NOWHERE;
}

function truncate(key: string): string {
  return key.length > 60 ? `${key.slice(0, 57)}...` : key;
}
