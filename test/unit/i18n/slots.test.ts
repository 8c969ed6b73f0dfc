/**
 * The Japanese findings are Japanese: the English words rules put into message slots (`{{why}}`, `{{fill}}` …) are
 * written again from src/core/i18n/slots.ja.json. Every example and fixture policy is linted, its findings written in
 * Japanese, and no message may keep an English phrase (three lower-case English words in a row) outside quotes, code
 * spans, ARNs and the AWS error texts the messages cite. The table holds no entry that no rule can produce.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lintTemplateText, templateFormatOf } from '../../../src/core/embedded';
import { JA_SLOT_TEXTS, localizeFindings } from '../../../src/core/i18n';
import { allRules } from '../../../src/core/rules';
import { lintText, type LintFinding } from '../../../src/core/lint';
import { englishPhrases } from './english-phrases';

const root = join(__dirname, '..', '..', '..');

/** Every file under a directory, recursively. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** The policy and template files of examples/ and test/fixtures/ (not READMEs, manifests and expected outputs). */
function corpus(): string[] {
  const skip = /(?:^|\/)(?:README\.md|manifest\.json|expected\.json|index\.json|package\.json|notes\.json)$/;
  return [...filesUnder(join(root, 'examples')), ...filesUnder(join(root, 'test', 'fixtures'))]
    .filter((path) => /\.(?:json|ya?ml|tf|txt)$/.test(path) && !skip.test(relative(root, path).replace(/\\/g, '/')));
}

/** The findings of one file: a template's policies by their format, anything else as a policy text. */
async function findingsOf(path: string): Promise<LintFinding[]> {
  const text = readFileSync(path, 'utf8');
  const format = templateFormatOf(path, text);
  if (format) return (await lintTemplateText(text, { fileName: path, format })).findings;
  return (await lintText(text, { fileName: path })).findings;
}

describe('i18n: Japanese findings keep no English phrase (src/core/i18n/slots.ja.json)', () => {
  it('the detector finds an English phrase and passes names, values and cited errors', () => {
    assert.deepEqual(englishPhrases('"region" は、the AWS Region を表すドキュメントのプレースホルダーです。IAM compares it as literal text, so the statement does not match.'), [
      'compares it as literal text, so the statement does not match',
    ]);
    assert.deepEqual(englishPhrases('Sid "Allow admins" には a space が含まれています。Write "AllowAdmins".'), []);
    assert.deepEqual(englishPhrases('"ssm.amazon.com" has a misspelled domain (service principals end in ".amazonaws.com")。'), ['has a misspelled domain', 'service principals end in']);
    assert.deepEqual(
      englishPhrases('IAM はこのポリシーを拒否します (MalformedPolicyDocument: actions must be prefaced by a vendor)。arn:aws:ssm:us-east-1:123456789012:document/my document name を使用し、"do not do this" と { "a": "b c d" } を記述してください。ssm、ssmmessages、ec2messages'),
      [],
    );
  });

  it('every finding of examples/ and test/fixtures/ reads in Japanese', async () => {
    const english: string[] = [];
    let count = 0;
    for (const path of corpus()) {
      const findings = localizeFindings(await findingsOf(path), 'ja');
      for (const f of findings) {
        count++;
        const texts = [f.message, ...(f.suggestions ?? []).map((s) => s.message)];
        for (const text of texts) {
          // A template parser's own message (YAML, JSON, HCL) is quoted as the parser wrote it.
          const parser = f.ruleId === 'template-syntax' ? (f.data?.detail ?? '') : '';
          const phrases = englishPhrases(parser ? text.replace(parser, ' ') : text);
          if (phrases.length > 0) english.push(`${relative(root, path)} ${f.ruleId}/${f.messageId}: ${phrases.map((p) => JSON.stringify(p)).join(', ')} in ${text}`);
        }
      }
    }
    assert.ok(count > 100, `the corpus has findings (${count})`);
    assert.deepEqual(english, []);
  });

  it('a word kept for one slot stays as written in another, and a list is translated item by item', async () => {
    const policy = (sid: string, effect: string): string =>
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: effect, Action: 'ssm:GetParameter', Resource: '*' }] });
    const ja = localizeFindings((await lintText(policy('Allow admins-ro', 'allow'), { kind: 'identity' })).findings, 'ja');
    const message = (ruleId: string): string => ja.find((f) => f.ruleId === ruleId)?.message ?? '';
    // "{{verb}}allow" is condition-key-pitfall's word: Effect "allow" is the policy's own value.
    assert.match(message('effect-value'), /^Effect "allow" /);
    assert.match(message('sid-format'), /には スペース、ハイフン が含まれています。.*"AllowAdminsro" と記述してください。$/);
  });

  it('every entry of slots.ja.json is a slot value some rule can produce, and is written in Japanese', () => {
    const sources = [join(root, 'src', 'core', 'rules'), join(root, 'src', 'core', 'policy')]
      .flatMap((dir) => filesUnder(dir))
      .filter((p) => p.endsWith('.ts'))
      .map((p) => readFileSync(p, 'utf8'))
      .join('\n');
    const slots = new Set(allRules.flatMap((r) => Object.values(r.meta.messages).flatMap((t) => [...t.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))));
    const stale: string[] = [];
    for (const [key, ja] of Object.entries(JA_SLOT_TEXTS)) {
      // A key `{{slot}}value` holds a value of that slot only.
      const scoped = /^\{\{(\w+)\}\}([\s\S]*)$/.exec(key);
      const en = scoped ? (scoped[2] as string) : key;
      if (scoped && !slots.has(scoped[1])) stale.push(`${JSON.stringify(key)}: no rule message has the slot {{${scoped[1] as string}}}`);
      // The value as a string literal of a rule or of the policy helpers rules take their texts from, or as the words
      // before a quoted value in a template literal (`the service "${name}"`).
      const literals = [`'${en.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`, JSON.stringify(en), `\`${en}\``, `\`${en} "\${`];
      if (!literals.some((l) => sources.includes(l))) stale.push(`${JSON.stringify(key)} is in no rule`);
      if (ja.trim() === '' || (/[a-z]{3,}/i.test(en) && ja === en)) stale.push(`${JSON.stringify(key)} is not translated`);
    }
    assert.deepEqual(stale, []);
  });
});
