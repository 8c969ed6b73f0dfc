import * as assert from 'node:assert/strict';
import { fileMatchGlob } from '../../../src/core/policy/globs';
import { SCHEMA_FILES, documentPattern, registryText, schemaFiles, withOurAssociations } from '../../../src/core/schema/associations';

const url = (kind: string): string => `file:///ext/schemas/${kind}.schema.json`;

describe('schema/associations: the ssmPolicy.schemas globs in json.schemas', () => {
  it('adds one entry per kind that has globs, after the user\'s own entries', () => {
    const mine = { fileMatch: ['/tsconfig.json'], url: 'https://example.com/tsconfig.json' };
    const next = withOurAssociations([mine], { identity: ['**/iam/*.json', '**/iam/*.json', ' '], trust: [], scp: ['org/*.json'] }, url);
    assert.deepEqual(next, [mine, { fileMatch: ['**/iam/*.json'], url: url('identity') }, { fileMatch: ['org/*.json'], url: url('scp') }]);
  });

  it('replaces the entries it wrote before and removes them when the globs are gone', () => {
    const mine = { fileMatch: ['a.json'], url: 'https://example.com/a.json' };
    const before = [{ fileMatch: ['old/*.json'], url: url('trust') }, mine];
    assert.deepEqual(withOurAssociations(before, { trust: ['new/*.json'] }, url), [mine, { fileMatch: ['new/*.json'], url: url('trust') }]);
    assert.deepEqual(withOurAssociations(before, {}, url), [mine]);
  });

  it('replaces the entries it wrote for the schemas of another language (the display language changed)', () => {
    const ja = (kind: string): string => `file:///ext/schemas/ja/${kind}.schema.json`;
    const mine = { fileMatch: ['a.json'], url: 'https://example.com/a.json' };
    const before = [{ fileMatch: ['iam/*.json'], url: url('identity') }, mine];
    const others = ['identity', 'trust', 'scp'].map(url);
    assert.deepEqual(withOurAssociations(before, { identity: ['iam/*.json'] }, ja, others), [mine, { fileMatch: ['iam/*.json'], url: ja('identity') }]);
    // Without the other language's URLs, its entries would be someone else's, kept beside ours.
    assert.deepEqual(withOurAssociations(before, { identity: ['iam/*.json'] }, ja), [...before, { fileMatch: ['iam/*.json'], url: ja('identity') }]);
  });

  it('names the schema files of each language: schemas/ in English, schemas/ja/ in Japanese', () => {
    assert.deepEqual(schemaFiles('en'), SCHEMA_FILES);
    assert.deepEqual(schemaFiles('en'), { identity: 'schemas/identity-policy.schema.json', trust: 'schemas/trust-policy.schema.json', scp: 'schemas/scp.schema.json' });
    assert.deepEqual(schemaFiles('ja'), { identity: 'schemas/ja/identity-policy.schema.json', trust: 'schemas/ja/trust-policy.schema.json', scp: 'schemas/ja/scp.schema.json' });
  });

  it('answers undefined when nothing changes, and survives a setting of the wrong type', () => {
    const current = [{ fileMatch: ['x/*.json'], url: url('identity') }];
    assert.equal(withOurAssociations(current, { identity: ['x/*.json'] }, url), undefined);
    assert.equal(withOurAssociations(undefined, {}, url), undefined);
    assert.deepEqual(withOurAssociations('nonsense', { scp: ['s/*.json'] }, url), [{ fileMatch: ['s/*.json'], url: url('scp') }]);
    assert.equal(withOurAssociations([null, 3, { url: 7 }], {}, url), undefined, 'entries it cannot read are kept as they are');
  });
});

describe('schema/associations: the registry of the documents the extension associates itself', () => {
  it('selects one document by its absolute path, and refuses paths the JSON service would read as globs', () => {
    assert.equal(documentPattern('/w/policies/admin.json'), '/w/policies/admin.json');
    assert.equal(documentPattern('/w/with space/#1.json'), '/w/with space/#1.json');
    for (const path of ['/w/[draft].json', '/w/a*.json', '/w/a?.json', '/w/{a,b}.json', '/w/a\\b.json', 'Untitled-1', '', '/']) {
      assert.equal(documentPattern(path), undefined, path);
    }
  });

  it('the pattern matches the document and no other, read the way VS Code\'s JSON language service reads fileMatch', () => {
    // vscode-json-languageservice: a leading "/" is dropped and "**/" put in front; the URI is matched as a string.
    const pattern = documentPattern('/w/policies/admin.json') as string;
    const matcher = fileMatchGlob(pattern);
    assert.ok(matcher.test('file:///w/policies/admin.json'));
    assert.ok(matcher.test('vscode-vfs://github/w/policies/admin.json'));
    assert.ok(!matcher.test('file:///w/policies/admin.json.bak'));
    assert.ok(!matcher.test('file:///w/other/admin.json'));
    assert.ok(!matcher.test('file:///x/w/policies/admin.jsonx'));
  });

  it('writes one entry per kind, patterns sorted and unique, so the same documents give the same text', () => {
    const text = registryText(
      [
        { path: '/w/b.json', kind: 'trust' },
        { path: '/w/z.json', kind: 'identity' },
        { path: '/w/a.json', kind: 'identity' },
        { path: '/w/a.json', kind: 'identity' },
        { path: '/w/[x].json', kind: 'scp' },
      ],
      url,
    );
    assert.deepEqual(JSON.parse(text), {
      schemas: [
        { fileMatch: ['/w/a.json', '/w/z.json'], url: url('identity') },
        { fileMatch: ['/w/b.json'], url: url('trust') },
      ],
    });
    assert.deepEqual(JSON.parse(registryText([], url)), { schemas: [] });
  });
});
