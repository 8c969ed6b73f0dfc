import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  catalog,
  catalogEntry,
  fillPlaceholders,
  MANAGED_POLICY_NAMES,
  placeholderOccurrences,
  type CatalogEntry,
  type Localized,
} from '../../../src/core/catalog';
import { lintText, type LintFinding } from '../../../src/core/lint';
import { allRules } from '../../../src/core/rules';

const root = join(__dirname, '..', '..', '..');
const fixturesDir = join(root, 'test', 'fixtures', 'seeds');
/** Excerpts of the user guide pages the catalog comes from: the lines that print its policies (pages/README.md). */
const pagesDir = join(fixturesDir, 'pages');

/** The pages, from pages/index.json: the excerpt file, the titles, the address. */
interface SeedPage {
  file: string;
  title: { ja: string; en: string };
  url: string;
  documents: string;
}
const PAGES = (JSON.parse(readFileSync(join(pagesDir, 'index.json'), 'utf8')) as { pages: SeedPage[] }).pages;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const KEBAB = /^ssm-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The fixture copy of each documented policy (test/fixtures/seeds, read by the fuzz test and the benchmark). */
const FIXTURES: Record<string, string> = {
  'ssm-hybrid-service-role-trust': 'hybrid-service-role-trust.json',
  'ssm-patch-baseline-snapshot-bucket': 's3-patch-baseline-snapshot.json',
  'ssm-session-manager': 'session-manager-without-kms.json',
  'ssm-session-manager-kms': 'session-manager-with-kms.json',
  'ssm-dhmc-admin': 'dhmc-admin.json',
  'ssm-dhmc-trust': 'dhmc-trust.json',
  'ssm-dhmc-deny-scp': 'dhmc-deny.scp.json',
  'ssm-dhmc-deny-principal': 'dhmc-deny-principal.json',
  'ssm-quick-setup-instance-core': 'quick-setup-instance-core.json',
  'ssm-quick-setup-ec2-trust': 'quick-setup-ec2-trust.json',
  'ssm-quick-setup-service-role': 'quick-setup-service-role.json',
  'ssm-quick-setup-service-role-trust': 'quick-setup-service-role-trust.json',
  'ssm-run-command-tag': 'run-command-tag-finance.json',
  'ssm-run-command-tag-all': 'run-command-two-tags.json',
  'ssm-run-command-tag-any': 'run-command-tag-groups.json',
};

/** Entries whose page does not print the whole policy, and what the page does print. */
const NOT_VERBATIM: Record<string, string> = {
  'ssm-patch-baseline-snapshot-bucket': 'the page names the bucket ARN for a custom S3 bucket policy, not a whole policy',
};

const documented = catalog.filter((e) => !e.managed);
const managed = catalog.filter((e) => e.managed);

function lint(entry: CatalogEntry, text: string) {
  return lintText(text, { fileName: entry.kind === 'scp' ? `${entry.id}.scp.json` : `${entry.id}.json` });
}

const show = (findings: LintFinding[]): string => findings.map((f) => `${f.ruleId} (${f.severity}): ${f.message}`).join('\n');

/** Every JSON object on a seed page that starts with "Version" (the pages print policies on one line). */
function policiesOnPage(page: string): unknown[] {
  const out: unknown[] = [];
  for (const m of page.matchAll(/\{\s*"Version"/g)) {
    const start = m.index ?? 0;
    let depth = 0;
    let inString = false;
    for (let i = start; i < page.length; i++) {
      const c = page[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) {
          out.push(JSON.parse(page.slice(start, i + 1)));
          break;
        }
      }
    }
  }
  // A page may print a statement to remove for a variant ("remove the following content: , { … }"): add the variant.
  for (const m of page.matchAll(/^\s*,\s*(\{[^{}]*\})\s*$/gm)) {
    const removable = JSON.stringify(JSON.parse(m[1] ?? '{}'));
    for (const p of [...out] as { Statement?: unknown }[]) {
      if (!Array.isArray(p.Statement)) continue;
      const kept = p.Statement.filter((s) => JSON.stringify(s) !== removable);
      if (kept.length < p.Statement.length) out.push({ ...p, Statement: kept });
    }
  }
  return out;
}

describe('catalog: the documented SSM policies', () => {
  it('holds the 15 documented policies and the 4 managed ones', () => {
    assert.equal(documented.length, 15);
    assert.deepEqual(managed.map((e) => e.managed?.name), [...MANAGED_POLICY_NAMES]);
    assert.deepEqual(documented.map((e) => e.id).sort(), Object.keys(FIXTURES).sort());
  });

  it('ids are unique, kebab-case and start with ssm-', () => {
    const ids = catalog.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate id');
    for (const id of ids) assert.match(id, KEBAB);
  });

  it('every text the user reads is in English and Japanese', () => {
    const check = (label: string, l: Localized): void => {
      assert.ok(l.en.trim().length > 0, `${label}: en is empty`);
      assert.ok(!JAPANESE.test(l.en), `${label}: en holds Japanese: ${l.en}`);
      assert.match(l.ja, JAPANESE, `${label}: ja holds no Japanese: ${l.ja}`);
    };
    for (const e of catalog) {
      check(`${e.id} title`, e.title);
      check(`${e.id} description`, e.description);
      check(`${e.id} source`, e.source.title);
      for (const p of e.placeholders) {
        check(`${e.id} ${p.name} meaning`, p.meaning);
        check(`${e.id} ${p.name} fill`, p.fill);
      }
      for (const f of e.expectedFindings ?? []) check(`${e.id} ${f.ruleId} why`, f.why);
    }
  });

  it('every source is a seed page of test/fixtures/seeds/pages/index.json, with the title the page prints', () => {
    assert.equal(PAGES.length, 5);
    for (const e of catalog) {
      const page = PAGES.find((p) => p.file === e.source.seed);
      assert.ok(page, `${e.id}: ${e.source.seed} is not in pages/index.json`);
      assert.deepEqual(e.source.title, page.title, `${e.id}: the title of ${e.source.seed}`);
    }
    for (const p of PAGES) {
      assert.ok(catalog.some((e) => e.source.seed === p.file), `${p.file}: no catalog entry comes from it`);
      const [firstLine] = readFileSync(join(pagesDir, p.file), 'utf8').split('\n');
      assert.equal(firstLine, `${p.title.ja} - AWS Systems Manager`, `${p.file}: the excerpt starts with the page's title`);
      assert.match(p.url, /^https:\/\/docs\.aws\.amazon\.com\/ja_jp\/systems-manager\/latest\/userguide\/[a-z0-9-]+\.html$/, p.file);
      assert.ok(p.documents.length > 0, p.file);
    }
  });

  it('every text is pretty-printed JSON with a two-space indent', () => {
    for (const e of catalog) {
      const doc: unknown = JSON.parse(e.text);
      assert.equal(e.text, JSON.stringify(doc, null, 2), e.id);
    }
  });

  it('every placeholder token holds its name once and occurs in the text', () => {
    for (const e of catalog) {
      const names = e.placeholders.map((p) => p.name);
      assert.equal(new Set(names).size, names.length, `${e.id}: duplicate placeholder name`);
      for (const p of e.placeholders) {
        assert.equal(p.token.split(p.name).length, 2, `${e.id}: token ${p.token} must hold ${p.name} exactly once`);
        assert.ok(e.text.includes(p.token), `${e.id}: token ${p.token} is not in the text`);
        assert.ok(p.example.length > 0 && !p.example.includes(p.name), `${e.id}: example of ${p.name}`);
        assert.ok(!p.example.includes('123456789012'), `${e.id}: ${p.name} uses the example account`);
      }
    }
  });

  it('the tokens of an entry never overlap, so each can be replaced whole', () => {
    for (const e of catalog) {
      const spans = e.placeholders
        .flatMap((p) => [...e.text.matchAll(new RegExp(p.token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => ({ p, at: m.index ?? 0 })))
        .sort((a, b) => a.at - b.at);
      for (let i = 1; i < spans.length; i++) {
        const prev = spans[i - 1]!;
        const next = spans[i]!;
        assert.ok(prev.at + prev.p.token.length <= next.at, `${e.id}: ${prev.p.token} overlaps ${next.p.token}`);
      }
    }
  });

  it('managed entries are identity policies without placeholders; documented entries are not managed', () => {
    for (const e of managed) {
      assert.equal(e.kind, 'identity');
      assert.deepEqual(e.placeholders, []);
      assert.equal(e.managed?.arn, `arn:aws:iam::aws:policy/${e.managed?.name}`);
    }
    for (const e of documented) assert.equal(e.managed, undefined, e.id);
  });

  it('expected findings name registered rules, once each', () => {
    const ids = new Set(allRules.map((r) => r.id));
    for (const e of catalog) {
      const expected = (e.expectedFindings ?? []).map((f) => f.ruleId);
      assert.equal(new Set(expected).size, expected.length, `${e.id}: duplicate expected finding`);
      for (const id of expected) assert.ok(ids.has(id), `${e.id}: unknown rule ${id}`);
    }
  });

  it('equals its fixture copy in test/fixtures/seeds', () => {
    for (const e of documented) {
      const fixture = FIXTURES[e.id];
      assert.ok(fixture, e.id);
      assert.deepEqual(JSON.parse(e.text), JSON.parse(readFileSync(join(fixturesDir, fixture), 'utf8')), e.id);
    }
  });

  // test/unit/policy/placeholders.test.ts still reads manifest.json; it must say what the catalog says.
  it('agrees with test/fixtures/seeds/manifest.json', () => {
    const manifest = JSON.parse(readFileSync(join(fixturesDir, 'manifest.json'), 'utf8')) as {
      policies: { file: string; kind: string; fill: [string, string][]; expectFilled?: { ruleId: string }[] }[];
    };
    assert.deepEqual(manifest.policies.map((p) => p.file).sort(), Object.values(FIXTURES).sort());
    for (const p of manifest.policies) {
      const e = documented.find((x) => FIXTURES[x.id] === p.file);
      assert.ok(e, p.file);
      assert.equal(p.kind, e.kind, p.file);
      assert.equal(p.fill.length, e.placeholders.length, p.file);
      const filled = p.fill.reduce((t, [from, to]) => t.split(from).join(to), readFileSync(join(fixturesDir, p.file), 'utf8'));
      assert.deepEqual(JSON.parse(filled), JSON.parse(fillPlaceholders(e)), p.file);
      assert.deepEqual((p.expectFilled ?? []).map((f) => f.ruleId).sort(), (e.expectedFindings ?? []).map((f) => f.ruleId).sort(), p.file);
    }
  });

  it('the Quick Setup page shows AmazonSSMManagedInstanceCore as the managed policy is today', () => {
    const shown = catalogEntry('ssm-quick-setup-instance-core');
    const current = catalog.find((e) => e.managed?.name === 'AmazonSSMManagedInstanceCore');
    assert.ok(shown && current);
    assert.deepEqual(JSON.parse(shown.text), JSON.parse(current.text));
  });

  describe('as printed on its seed page (test/fixtures/seeds/pages)', () => {
    const page = (e: CatalogEntry): string => readFileSync(join(pagesDir, e.source.seed), 'utf8');

    for (const e of documented) {
      it(`${e.id}`, () => {
        const text = page(e);
        if (NOT_VERBATIM[e.id]) {
          const resources = JSON.stringify(JSON.parse(e.text)).match(/arn:aws:[^"]+/g) ?? [];
          assert.ok(resources.length > 0);
          for (const r of resources) assert.ok(text.includes(r), `${e.id}: ${r} is not on the page`);
          return;
        }
        const doc: unknown = JSON.parse(e.text);
        const onPage = policiesOnPage(text);
        assert.ok(
          onPage.some((p) => JSON.stringify(p) === JSON.stringify(doc)),
          `${e.id} is not on ${e.source.seed}; the page has:\n${onPage.map((p) => JSON.stringify(p)).join('\n')}`,
        );
      });
    }

    it('each managed policy is attached on its page', () => {
      for (const e of managed) assert.ok(page(e).includes(e.managed?.arn ?? '?'), `${e.id}: ${e.managed?.arn} is not on ${e.source.seed}`);
    });
  });
});

describe('catalog: lint', () => {
  for (const e of catalog) {
    it(`${e.id}: is detected as ${e.kind}, and once filled in gets exactly its expected findings`, async () => {
      const { findings, policy } = await lint(e, fillPlaceholders(e));
      assert.equal(policy.kind, e.kind, 'detected kind');
      assert.deepEqual(findings.filter((f) => f.severity === 'error'), [], show(findings));
      const got = [...new Set(findings.map((f) => f.ruleId))].sort();
      const expected = (e.expectedFindings ?? []).map((f) => f.ruleId).sort();
      assert.deepEqual(got, expected, show(findings));
    });

    if (e.placeholders.length > 0) {
      it(`${e.id}: as documented, gets a placeholder error at each placeholder, and nowhere else`, async () => {
        const { findings } = await lint(e, e.text);
        const errors = findings.filter((f) => f.ruleId === 'placeholder');
        const occurrences = placeholderOccurrences(e);
        assert.equal(errors.length, occurrences.length, show(findings));
        for (const o of occurrences) {
          const hit = errors.find(
            (f) => f.severity === 'error' && f.data?.token === o.placeholder.name && f.offset <= o.offset && o.offset + o.length <= f.offset + f.length,
          );
          assert.ok(hit, `${e.id}: no placeholder error covers ${o.placeholder.name} at ${o.offset}\n${show(findings)}`);
        }
      });
    }
  }
});

describe('catalog: catalogEntry, placeholderOccurrences, fillPlaceholders', () => {
  const admin = catalogEntry('ssm-dhmc-admin');
  assert.ok(admin);

  it('finds an entry by id, and nothing for an unknown id', () => {
    assert.equal(catalogEntry('ssm-dhmc-admin')?.id, 'ssm-dhmc-admin');
    assert.equal(catalogEntry('ssm-nope'), undefined);
    assert.equal(catalogEntry('constructor'), undefined);
  });

  it('locates the name inside every occurrence of each token, in order', () => {
    const found = placeholderOccurrences(admin).map((o) => [o.placeholder.name, admin.text.slice(o.offset, o.offset + o.length)]);
    assert.deepEqual(found, [
      ['region', 'region'],
      ['account-id', 'account-id'],
      ['account-id', 'account-id'],
    ]);
    const bucket = catalogEntry('ssm-patch-baseline-snapshot-bucket');
    assert.ok(bucket);
    const [o] = placeholderOccurrences(bucket);
    assert.ok(o);
    assert.equal(bucket.text.slice(o.offset - 24, o.offset + o.length), 'patch-baseline-snapshot-region');
  });

  it('fills every placeholder with its example, keeping the context of the token', () => {
    const filled = fillPlaceholders(admin);
    assert.ok(filled.includes('"arn:aws:ssm:us-east-2:210987654321:servicesetting/ssm/managed-instance/default-ec2-instance-management-role"'));
    assert.ok(filled.includes('"arn:aws:iam::210987654321:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole"'));
    const kms = catalogEntry('ssm-session-manager-kms');
    assert.ok(kms);
    assert.ok(fillPlaceholders(kms).includes('"Resource": "arn:aws:kms:us-east-2:210987654321:key/1234abcd-12ab-34cd-56ef-1234567890ab"'));
  });

  it('uses given values by name, and never replaces a value again', () => {
    const filled = fillPlaceholders(admin, { region: '*', 'account-id': ':region:', unknown: 'x' });
    assert.ok(filled.includes('"arn:aws:ssm:*::region::servicesetting/'), filled);
    assert.ok(filled.includes('"arn:aws:iam:::region::role/'), filled);
  });

  it('leaves a text without placeholders alone', () => {
    for (const e of catalog.filter((x) => x.placeholders.length === 0)) assert.equal(fillPlaceholders(e), e.text);
    assert.equal(fillPlaceholders({ text: 'abc', placeholders: [] }, { a: 'z' }), 'abc');
  });
});
