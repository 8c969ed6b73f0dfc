import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog, fillPlaceholders } from '../../../src/core/catalog';
import { buildSnippets, STATEMENTS_SUFFIX, type VsCodeSnippet } from '../../../src/core/catalog/snippets';
import { lintText } from '../../../src/core/lint';
import { renderSnippets, SNIPPET_FILES, SNIPPETS_FILE } from '../../../scripts/gen-snippets';
import { expand } from './snippet-body';

const root = join(__dirname, '..', '..', '..');

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

  it('are checked in as npm run gen writes them (the JSON, CloudFormation and Terraform files)', () => {
    assert.deepEqual(SNIPPET_FILES.map((f) => f.path).slice(0, 1), [SNIPPETS_FILE]);
    assert.equal(SNIPPET_FILES.length, 3);
    for (const file of SNIPPET_FILES) {
      assert.equal(readFileSync(join(root, file.path), 'utf8'), renderSnippets(file.path), `${file.path} is stale: run npm run gen`);
    }
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
