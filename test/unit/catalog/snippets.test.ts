import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog, fillPlaceholders } from '../../../src/core/catalog';
import { buildSnippets, STATEMENTS_SUFFIX, type VsCodeSnippet } from '../../../src/core/catalog/snippets';
import { lintText } from '../../../src/core/lint';
import { renderSnippets, SNIPPETS_FILE } from '../../../scripts/gen-snippets';

const root = join(__dirname, '..', '..', '..');

/**
 * Expands a snippet body the way VS Code does when the user accepts each tab stop's value: `${n:default}`,
 * `${n|a,b|}` and `$n` become the value chosen for n, escapes are undone.
 */
function expand(body: string[], values: Map<number, string>): string {
  const text = body.join('\n');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      out += text[++i];
      continue;
    }
    if (ch !== '$') {
      out += ch;
      continue;
    }
    const m = /^\$(?:\{(\d+)(?::((?:\\.|[^}\\])*)|\|((?:\\.|[^|\\])*)\|)\}|(\d+))/.exec(text.slice(i));
    assert.ok(m, `an unescaped "$" at ${i}: ${text.slice(i, i + 30)}`);
    const index = Number(m[1] ?? m[4]);
    const fallback = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3]?.split(/(?<!\\),/)[0] ?? '').replace(/\\(.)/g, '$1');
    out += values.get(index) ?? fallback;
    i += m[0].length - 1;
  }
  return out;
}

/** The tab stop number of each placeholder of an entry, read back from the body (`${n:name}` or a choice). */
function tabStops(snippet: VsCodeSnippet, names: string[]): Map<string, number> {
  const text = snippet.body.join('\n');
  const stops = new Map<string, number>();
  for (const m of text.matchAll(/\$\{(\d+):((?:\\.|[^}\\])*)\}/g)) stops.set((m[2] ?? '').replace(/\\(.)/g, '$1'), Number(m[1]));
  for (const m of text.matchAll(/\$\{(\d+)\|/g)) for (const n of names) if (!stops.has(n) && /region/i.test(n)) stops.set(n, Number(m[1]));
  return stops;
}

describe('catalog: snippets', () => {
  const snippets = buildSnippets(catalog);
  const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));

  it('are checked in as npm run gen writes them', () => {
    assert.equal(readFileSync(join(root, SNIPPETS_FILE), 'utf8'), renderSnippets(), 'snippets are stale: run npm run gen');
  });

  it('give every documented policy a whole-document and a statements snippet, found by typing "ssm"', () => {
    const documented = catalog.filter((e) => !e.managed);
    assert.ok(documented.length >= 15);
    for (const e of documented) {
      assert.ok(byPrefix.has(e.id), `no snippet ${e.id}`);
      assert.ok(byPrefix.has(`${e.id}${STATEMENTS_SUFFIX}`), `no snippet ${e.id}${STATEMENTS_SUFFIX}`);
      assert.match(byPrefix.get(e.id)?.description ?? '', /AWS Systems Manager User Guide: \S/);
    }
    for (const s of Object.values(snippets)) assert.ok(s.prefix.startsWith('ssm'), s.prefix);
    for (const e of catalog.filter((x) => x.managed)) assert.ok(!byPrefix.has(e.id), `AWS managed ${e.id} is attached by name, not pasted`);
  });

  it('turn every placeholder into a tab stop, a Region into a choice list', () => {
    for (const e of catalog.filter((x) => !x.managed && x.placeholders.length > 0)) {
      const text = (byPrefix.get(e.id)?.body ?? []).join('\n');
      for (const p of e.placeholders) {
        if (p.kind === 'region') assert.match(text, /\$\{\d+\|us-east-2,(?:[a-z0-9-]+,)+[a-z0-9-]+\|\}/, `${e.id}: ${p.name}`);
        else assert.ok(text.includes(`:${p.name.replace(/[\\$}]/g, '\\$&')}}`), `${e.id}: no tab stop for ${p.name}`);
      }
    }
  });

  it('expand, filled in, to the policy the catalog fills: no lint error, the same findings', async () => {
    for (const e of catalog.filter((x) => !x.managed)) {
      const doc = byPrefix.get(e.id) as VsCodeSnippet;
      const stops = tabStops(doc, e.placeholders.map((p) => p.name));
      const values = new Map<number, string>();
      for (const p of e.placeholders) {
        const n = stops.get(p.name);
        if (n !== undefined) values.set(n, p.example);
      }
      const expanded = expand(doc.body, values);
      assert.equal(expanded, fillPlaceholders(e), `${e.id}: the expanded snippet is the filled policy`);
      const statements = expand((byPrefix.get(`${e.id}${STATEMENTS_SUFFIX}`) as VsCodeSnippet).body, values);
      const wrapped = `{"Version":"2012-10-17","Statement":[${statements}]}`;
      assert.deepEqual(JSON.parse(wrapped).Statement, [JSON.parse(expanded).Statement].flat(), `${e.id}: statements snippet`);
      const { findings } = await lintText(expanded, { kind: e.kind });
      assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`), [], e.id);
    }
  });

  it('keep IAM policy variables literal', () => {
    const body = buildSnippets([
      {
        ...catalog[0]!,
        id: 'ssm-test',
        managed: undefined,
        text: '{\n  "Statement": [\n    { "Resource": "arn:aws:s3:::b/${aws:username}/*" }\n  ]\n}',
        placeholders: [],
      },
    ])[`${catalog[0]!.title.en} (ssm-test)`]!.body.join('\n');
    assert.ok(body.includes('\\${aws:username}'), body);
    assert.equal(expand([body], new Map()), '{\n  "Statement": [\n    { "Resource": "arn:aws:s3:::b/${aws:username}/*" }\n  ]\n}');
  });
});
