import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTERNAL_ERROR_RULE_ID, lintText } from '../../src/core/lint';
import { rng } from './rng';

const FRAGMENTS = ['{', '}', '[', ']', ',', ':', '"', 'true', 'null', '0', '-1e999', '"*"', '"arn:aws:ssm:region::document/AWS-*"', '{"a":', '/*', '//', '\\u12', '\u0000', '😀', '${aws:username}', '"StringEquals"', '"ssm:*"'];
const WRONG_VALUES = ['true', 'null', '42', '[]', '{}', '[[["x"]]]', '{"Allow": 1}', '"', '[{"Effect": {}}]', '"*"'];

function mutate(text: string, next: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  let out = text;
  const steps = 1 + Math.floor(next() * 4);
  for (let i = 0; i < steps; i++) {
    const at = Math.floor(next() * (out.length + 1));
    switch (Math.floor(next() * 5)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 20));
        break;
      case 1:
        out = out.slice(0, at) + pick(FRAGMENTS) + out.slice(at);
        break;
      case 2: {
        // Replace a value after a colon with a value of the wrong type.
        const colon = out.indexOf(':', at);
        if (colon >= 0) {
          const end = out.slice(colon + 1).search(/[,}\]]/);
          out = out.slice(0, colon + 1) + pick(WRONG_VALUES) + (end >= 0 ? out.slice(colon + 1 + end) : '');
        }
        break;
      }
      case 3:
        out = out.slice(0, at) + String.fromCharCode(Math.floor(next() * 0xffff)) + out.slice(at);
        break;
      default:
        out = out.slice(at) + out.slice(0, at);
    }
  }
  return out;
}

async function assertNoCrash(text: string, label: string): Promise<void> {
  for (const kind of ['auto', 'identity', 'trust', 'scp'] as const) {
    const { findings } = await lintText(text, { kind });
    const internal = findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE_ID);
    assert.deepEqual(internal.map((f) => f.message), [], `${label} (kind ${kind})`);
    for (const f of findings) {
      assert.ok(f.offset >= 0 && f.offset + f.length <= text.length, `${label}: finding ${f.ruleId} out of range`);
    }
  }
}

describe('fuzz: no input makes the engine throw', () => {
  const seedsDir = join(__dirname, '..', 'fixtures', 'seeds');
  const seeds = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => readFileSync(join(seedsDir, f), 'utf8'));

  it('survives 400 mutated documented policies', async function () {
    this.timeout(120_000);
    for (let seed = 1; seed <= 400; seed++) {
      const next = rng(seed);
      const base = seeds[seed % seeds.length] as string;
      await assertNoCrash(mutate(base, next), `seed ${seed}`);
    }
  });

  it('survives random bytes', async () => {
    const next = rng(99);
    for (let i = 0; i < 50; i++) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(next() * 400) }, () => Math.floor(next() * 256)));
      await assertNoCrash(bytes.toString('utf8'), `random bytes #${i}`);
    }
  });

  it('survives wrong types in every element', async () => {
    for (const v of WRONG_VALUES) {
      const doc = `{"Version": ${v}, "Statement": [{"Sid": ${v}, "Effect": ${v}, "Principal": ${v}, "Action": ${v}, "Resource": ${v}, "Condition": ${v}}, ${v}]}`;
      await assertNoCrash(doc, `wrong type ${v}`);
      await assertNoCrash(`{"Statement": ${v}}`, `Statement ${v}`);
      await assertNoCrash(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":${v},"Bool":{"aws:SecureTransport":${v}}}}}`, `Condition ${v}`);
    }
  });

  it('survives 100,000 levels of nesting', async function () {
    this.timeout(60_000);
    await assertNoCrash('['.repeat(100_000), 'open brackets');
    await assertNoCrash(`{"Statement":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`, 'nested objects');
  });

  it('survives a 5 MB policy', async function () {
    this.timeout(120_000);
    const statement = '{"Effect":"Allow","Action":["ssm:GetDocument","ssm:Get*","s3:GetObject"],"Resource":"arn:aws:s3:::bucket/*"}';
    const count = Math.ceil((5 * 1024 * 1024) / (statement.length + 1));
    const doc = `{"Version":"2012-10-17","Statement":[${Array.from({ length: count }, () => statement).join(',')}]}`;
    assert.ok(doc.length >= 5 * 1024 * 1024);
    const { findings } = await lintText(doc);
    assert.ok(findings.every((f) => f.ruleId !== INTERNAL_ERROR_RULE_ID));
  });
});
