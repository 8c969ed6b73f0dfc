import type { ConditionEntry, Statement } from '../policy/types';

/**
 * The first resource-tag condition entry of a statement that fails when the resource has no tags (AWS-owned SSM
 * documents carry none). Negated operators, `…IfExists`, `Null` and `ForAllValues:` all pass for a missing key, so
 * they do not deny untagged resources.
 */
export function untaggedDenyingKey(st: Statement): ConditionEntry | undefined {
  for (const op of st.condition?.operators ?? []) {
    const name = op.operator.toLowerCase();
    if (name.startsWith('forallvalues:') || name.endsWith('ifexists') || name.includes('not') || name === 'null') continue;
    const entry = op.entries.find((e) => /^(ssm|aws):resourcetag\//i.test(e.key));
    if (entry) return entry;
  }
  return undefined;
}
