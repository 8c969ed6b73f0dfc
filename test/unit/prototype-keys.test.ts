import * as assert from 'node:assert/strict';
import { getCompletions, getHover } from '../../src/core/language';
import { INTERNAL_ERROR_RULE_ID, lintText, type LintFinding } from '../../src/core/lint';
import { PROTOTYPE_NAMES as NAMES, prototypePolicies as policies } from './adversarial-cases';

/** Text that can only come from an Object.prototype member: a function's source or an object's default string. */
const LEAK = /function \w*\(|\[object |\[native code\]/;

function badMessages(findings: readonly LintFinding[]): string[] {
  return findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE_ID || LEAK.test(f.message)).map((f) => `${f.ruleId}: ${f.message}`);
}

describe('names of Object.prototype in a policy', function () {
  this.timeout(120_000);

  for (const name of NAMES) {
    it(`lints "${name}" as every kind of key and value, as each policy kind`, async () => {
      for (const [place, text] of Object.entries(policies(name))) {
        JSON.parse(text);
        for (const kind of ['auto', 'identity', 'trust', 'scp'] as const) {
          const { findings } = await lintText(text, { kind, fileName: `${name}.json` });
          assert.deepEqual(badMessages(findings), [], `${name} in ${place} (kind ${kind})`);
        }
      }
    });
  }

  it('lints a configuration that names them as rules', async () => {
    const text = policies('constructor').actions as string;
    const rules = Object.fromEntries(NAMES.map((name) => [name, 'off'])) as Record<string, 'off'>;
    const { findings } = await lintText(text, { config: { rules } });
    assert.deepEqual(badMessages(findings), []);
  });

  for (const name of NAMES) {
    it(`hovers and completes at every offset of policies with "${name}"`, async () => {
      for (const [place, text] of Object.entries(policies(name))) {
        for (let offset = 0; offset <= text.length; offset++) {
          const where = `${name} in ${place} at ${offset}: ${JSON.stringify(text.slice(Math.max(0, offset - 20), offset))}|`;
          const hover = await getHover(text, offset);
          if (hover) assert.doesNotMatch(hover.markdown, LEAK, where);
          const items = await getCompletions(text, offset);
          for (const item of items) {
            for (const field of [item.label, item.detail, item.documentation, item.insertText]) {
              if (typeof field === 'string') assert.doesNotMatch(field, LEAK, `${where} ${item.label}`);
              else assert.ok(field === undefined, `${where}: ${item.label} has a ${typeof field}`);
            }
          }
        }
      }
    });
  }
});
