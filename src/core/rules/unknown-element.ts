import { objectKeys, STATEMENT_ELEMENTS, suggestElement, TOP_LEVEL_ELEMENTS } from '../policy/elements';
import { renameKey } from '../policy/edits';
import { propKey } from '../policy/parse';
import type { Node } from '../policy/types';
import type { Finding, PolicyRule } from './rule';

/**
 * Keys IAM does not know at the top level or in a statement (wrong case, typo, misplaced). A key in the wrong case is
 * fixed (IAM reads it as nothing else); a misspelling has a suggestion.
 */
export const unknownElement: PolicyRule = {
  id: 'unknown-element',
  meta: {
    description: 'Only IAM policy elements, spelled exactly, may appear in a policy and its statements.',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      wrongCase:
        '"{{key}}" has the wrong case: element names are case-sensitive and IAM rejects an element it does not know. Write "{{suggestion}}".',
      unknownTopLevel:
        '"{{key}}" is not a policy element: the top level accepts only "Version", "Id" and "Statement", and IAM rejects anything else.{{hint}}{{hintName}}{{hintEnd}}',
      unknownInStatement:
        '"{{key}}" is not a statement element: a statement accepts only Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource and Condition, and IAM rejects anything else.{{hint}}{{hintName}}{{hintEnd}}',
      statementElementAtTopLevel:
        '"{{key}}" is a statement element but sits at the top level of the policy, where IAM rejects it. Move it into a statement: "Statement": [ { "{{key}}": ... } ].',
      topLevelElementInStatement:
        '"{{key}}" belongs at the top level of the policy, not inside a statement, where IAM rejects it. Move it next to "Statement".',
      rename: 'Rename "{{key}}" to "{{suggestion}}"',
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    if (policy.root?.type === 'object') {
      checkObject(policy.root, TOP_LEVEL_ELEMENTS, STATEMENT_ELEMENTS, 'unknownTopLevel', 'statementElementAtTopLevel', findings);
    }
    for (const st of policy.statements) {
      checkObject(st.node, STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS, 'unknownInStatement', 'topLevelElementInStatement', findings);
    }
    return findings;
  },
};

function checkObject(
  node: Node,
  allowed: readonly string[],
  otherLevel: readonly string[],
  unknownId: string,
  misplacedId: string,
  findings: Finding[],
): void {
  const keys = objectKeys(node);
  const present = new Set(keys);
  // How many keys would be renamed to each element: two renames onto one name would make a duplicate.
  const claims = new Map<string, number>();
  for (const key of keys) {
    const target = allowed.includes(key) || otherLevel.includes(key) ? undefined : suggestElement(key, allowed);
    if (target) claims.set(target, (claims.get(target) ?? 0) + 1);
  }
  for (const prop of node.children ?? []) {
    const keyNode = propKey(prop);
    const key = keyNode?.value;
    if (!keyNode || typeof key !== 'string' || allowed.includes(key)) continue;
    const shown = key.length > 60 ? `${key.slice(0, 60)}…` : key;
    if (otherLevel.includes(key)) {
      findings.push({ messageId: misplacedId, node: keyNode, data: { key: shown } });
      continue;
    }
    const suggestion = suggestElement(key, allowed);
    // Renaming onto a key that is already there (or that another key also claims) would make a duplicate;
    // leave that choice to the author.
    const edit = suggestion && !present.has(suggestion) && claims.get(suggestion) === 1 ? renameKey(keyNode, suggestion) : undefined;
    if (suggestion && suggestion.toLowerCase() === key.toLowerCase()) {
      findings.push({ messageId: 'wrongCase', node: keyNode, data: { key: shown, suggestion }, fix: edit });
      continue;
    }
    // The hint's words and the element name apart, so that the words can be translated.
    const data: Record<string, string> = suggestion
      ? { key: shown, hint: ' Did you mean "', hintName: suggestion, hintEnd: '"?' }
      : { key: shown, hint: ' Remove it.', hintName: '', hintEnd: '' };
    if (suggestion) data.suggestion = suggestion;
    findings.push({ messageId: unknownId, node: keyNode, data, ...(edit ? { suggestions: [{ messageId: 'rename', fix: edit }] } : {}) });
  }
}
