import {
  findPlaceholders,
  regionFill,
  REGION_FILL_ANY,
  REGION_FILL_CODE,
  type PlaceholderContext,
  type PlaceholderRole,
  type PlaceholderToken,
} from '../policy/placeholders';
import type { Node } from '../policy/types';
import type { Finding, PolicyRule } from './rule';

const NEVER = '{{why}}';
const WHY_LITERAL = 'IAM compares it as literal text, so the statement does not match what the documentation describes.';
/** Longer values are shortened in messages; the finding's range still covers the whole string. */
const MAX_SHOWN = 160;
const WHY_PRINCIPAL = 'IAM rejects the policy ("Invalid principal in policy").';

/** A placeholder left from the AWS documentation in a Resource, Principal or Condition string: one finding per token. */
export const placeholder: PolicyRule = {
  id: 'placeholder',
  meta: {
    description: 'Placeholders copied from the documentation ("region", "account-id", "key-name", "tag_key1", "{{…}}" …) must be replaced.',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      region: `"{{token}}" in "{{value}}" is a documentation placeholder for {{meaning}}. ${NEVER} Write {{fill}}{{example}}{{fillEnd}}.`,
      account: `"{{token}}" in "{{value}}" is a documentation placeholder for {{meaning}}. ${NEVER} Write {{fill}}.`,
      negativeAccount: `"{{token}}" in "{{value}}" is not an account ID: an AWS account ID has no sign. ${NEVER} Write {{fill}}.`,
      kmsKey: `"{{token}}" is a documentation placeholder for {{meaning}}. ${NEVER} Write {{fill}}.`,
      bucket: `"{{token}}" in "{{value}}" is a documentation example bucket name. ${NEVER} Write {{fill}}.`,
      name: `"{{token}}" in "{{value}}" is a documentation placeholder for {{meaning}}. ${NEVER} Write {{fill}}.`,
      tagKey: `"{{token}}" in the condition key "{{value}}" is a documentation placeholder for {{meaning}}. ${NEVER} Write {{fill}}.`,
      tagValue: `"{{token}}" is a documentation placeholder for {{meaning}}. ${NEVER} Write {{fill}}.`,
      template: `"{{token}}" in "{{value}}" is {{meaning}}. ${NEVER} Write {{fill}}.`,
    },
  },
  check(policy) {
    const findings: Finding[] = [];
    const report = (node: Node, value: string, role: PlaceholderRole, context?: PlaceholderContext): void => {
      const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
      for (const t of findPlaceholders(value, role, context)) {
        findings.push({
          messageId: t.family,
          node,
          data: { token: t.token, value: shown, meaning: t.meaning, ...fillOf(t), why: role === 'principal' ? WHY_PRINCIPAL : WHY_LITERAL },
        });
      }
    };
    for (const st of policy.statements) {
      for (const list of [st.resource, st.notResource]) {
        for (const item of list?.items ?? []) report(item.node, item.value, 'resource');
      }
      for (const block of [st.principal, st.notPrincipal]) {
        if (block?.bare) report(block.bare.node, block.bare.value, 'principal');
        for (const entry of block?.entries ?? []) {
          for (const item of entry.values) report(item.node, item.value, 'principal');
        }
      }
      for (const op of st.condition?.operators ?? []) {
        for (const entry of op.entries) {
          if (typeof entry.key === 'string') report(entry.keyNode, entry.key, 'conditionKey');
          for (const item of entry.values) {
            // A number can only be a negative account (-123456789012 written without quotes).
            const value = typeof item.value === 'number' ? String(item.value) : item.value;
            if (typeof value === 'string') report(item.node, value, 'conditionValue', { conditionKey: entry.key });
          }
        }
      }
    }
    return findings;
  },
};

/**
 * What to write, for the message: a Region's fill in its two halves with the example bucket between them
 * ("a Region code such as us-east-2", " (amazon-ssm-us-east-2)", ", or * for every Region"), so that each can be
 * translated; any other fill whole.
 */
function fillOf(t: PlaceholderToken): { fill: string; example: string; fillEnd: string } {
  if (t.family === 'region' && t.fill === regionFill(t.example)) {
    return { fill: REGION_FILL_CODE, example: t.example === undefined ? '' : ` (${t.example})`, fillEnd: REGION_FILL_ANY };
  }
  return { fill: t.fill, example: '', fillEnd: '' };
}
