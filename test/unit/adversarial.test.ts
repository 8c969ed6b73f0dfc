import * as assert from 'node:assert/strict';
import { INTERNAL_ERROR_RULE_ID, lintText } from '../../src/core/lint';
import { fileNameMatches, looksLikePolicy } from '../../src/core/policy/detect';
import { matchesFileGlobs } from '../../src/core/policy/globs';
import { adversarialPolicy, adversarialStrings, placements } from './adversarial-cases';

/**
 * A generous bound of processor time per policy. These inputs took a backtracking matcher from seconds to hours (and
 * more with every `*`), so the bound catches a blowup on any machine; it does not measure our speed.
 */
const BOUND_MS = 2000;

/** Processor milliseconds `fn` takes: steadier than wall time on a busy machine. */
async function cpuMs(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function assertLintsQuickly(text: string, label: string, kind: 'auto' | 'identity' | 'trust' | 'scp' = 'auto'): Promise<void> {
  let internal: string[] = [];
  const ms = await cpuMs(async () => {
    const { findings } = await lintText(text, { kind });
    internal = findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE_ID).map((f) => f.message);
  });
  assert.deepEqual(internal, [], label);
  assert.ok(ms < BOUND_MS, `${label}: ${Math.round(ms)} ms of processor time (bound ${BOUND_MS} ms)`);
}

describe('adversarial patterns lint without backtracking', function () {
  this.timeout(120_000);

  before(async () => {
    // Load the IAM data the cases refer to outside the measured time.
    await lintText(placements('x').resource as string);
    await lintText(placements('x').principal as string);
  });

  const strings = adversarialStrings(40, 20_000);
  for (const [name, value] of Object.entries(strings)) {
    it(`${name} (${value.length} characters) in every place of a policy`, async () => {
      for (const [place, text] of Object.entries(placements(value))) await assertLintsQuickly(text, `${name} in ${place}`);
    });
  }

  it('the same strings linted as each policy kind', async () => {
    for (const [name, value] of Object.entries(adversarialStrings(40, 2_000))) {
      for (const [place, text] of Object.entries(placements(value))) {
        for (const kind of ['identity', 'trust', 'scp'] as const) await assertLintsQuickly(text, `${name} in ${place} as ${kind}`, kind);
      }
    }
  });

  it('whole policies of about 100 KB with random adversarial strings everywhere', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const text = adversarialPolicy(seed, 100_000);
      assert.ok(text.length >= 100_000);
      await assertLintsQuickly(text, `seed ${seed}`);
    }
  });

  it('file globs from settings and file-name patterns', async () => {
    const path = `/w/${'a/'.repeat(2_000)}${'a'.repeat(5_000)}.jsonx`;
    const globs = [`${'*a'.repeat(40)}b`, `${'**/'.repeat(40)}x.json`, `{${'*a,'.repeat(40)}*b}`, `${'?'.repeat(40)}*[!a]`, `${'{a,*}'.repeat(30)}!`];
    for (const glob of globs) {
      const ms = await cpuMs(() => matchesFileGlobs([glob], path));
      assert.ok(ms < BOUND_MS, `${glob}: ${Math.round(ms)} ms`);
    }
    const ms = await cpuMs(() => fileNameMatches(`${'*a'.repeat(40)}b`, 'a'.repeat(10_000)));
    assert.ok(ms < BOUND_MS, `file name pattern: ${Math.round(ms)} ms`);
  });

  it('detecting a policy by content in a JSON file of many "Statement" keys', async () => {
    const text = `{${'"Statement": [ '.repeat(12_000)}`;
    let found = true;
    const ms = await cpuMs(() => (found = looksLikePolicy(text)));
    assert.equal(found, false);
    assert.ok(ms < BOUND_MS, `${Math.round(ms)} ms`);
  });
});
