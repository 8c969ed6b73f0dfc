import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseJsonc } from 'jsonc-parser';
import type { PolicyKind } from '../../src/core/policy/types';
import { kindFromFileName, POLICY_FILE_PATTERNS } from '../../src/core/policy/detect';
import { SCHEMA_FILES } from '../../src/core/schema/associations';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    snippets: { language: string; path: string }[];
    jsonValidation: { fileMatch: string[]; url: string }[];
    configuration: { title: string; properties: Record<string, { markdownDescription?: string; description?: string }> };
    commands: { command: string; title: string; category: string }[];
  };
};
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** How VS Code matches a `fileMatch` pattern without a slash: against the file name, `*` within it. */
function globMatches(pattern: string, fileName: string): boolean {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`).test(fileName);
}

/** The schema files package.json associates with a file name (exclusions `!…` applied per entry). */
function schemasFor(fileName: string): string[] {
  return pkg.contributes.jsonValidation
    .filter((v) => {
      const include = v.fileMatch.filter((p) => !p.startsWith('!'));
      const exclude = v.fileMatch.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
      return include.some((p) => globMatches(p, fileName)) && !exclude.some((p) => globMatches(p, fileName));
    })
    .map((v) => v.url.replace(/^\.\//, ''));
}

describe('package.json contributions', () => {
  it('point at snippet and schema files that exist, for json and jsonc', () => {
    assert.deepEqual(pkg.contributes.snippets.map((s) => s.language).sort(), ['json', 'jsonc']);
    for (const s of pkg.contributes.snippets) assert.ok(existsSync(join(root, s.path)), s.path);
    for (const v of pkg.contributes.jsonValidation) assert.ok(existsSync(join(root, v.url)), v.url);
    assert.deepEqual(
      pkg.contributes.jsonValidation.map((v) => v.url.replace(/^\.\//, '')).sort(),
      Object.values(SCHEMA_FILES).sort(),
    );
  });

  it('give each conventional file name exactly the schema of its kind', () => {
    const table: [string, PolicyKind][] = [
      ['dhmc-admin.policy.json', 'identity'],
      ['session-manager-policy.json', 'identity'],
      ['instance_policy.json', 'identity'],
      ['dhmc-trust.json', 'trust'],
      ['ec2-trust-policy.json', 'trust'],
      ['role.trust.json', 'trust'],
      ['assume_trust_policy.json', 'trust'],
      ['deny-dhmc.scp.json', 'scp'],
      ['scp-policy.json', 'scp'],
      ['org-scp.json', 'scp'],
    ];
    for (const [name, kind] of table) assert.deepEqual(schemasFor(name), [SCHEMA_FILES[kind]], name);
    for (const name of ['package.json', 'tsconfig.json', 'policy.txt', 'policies.json']) assert.deepEqual(schemasFor(name), [], name);
  });

  it('accept every example, good or with mistakes, under the schema its name selects (the linter reports the mistakes)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validators = new Map<string, ReturnType<Ajv['compile']>>();
    const validate = (file: string, text: string): boolean => {
      const [schema] = schemasFor(file);
      assert.ok(schema, `no schema for ${file}`);
      let v = validators.get(schema);
      if (!v) {
        v = ajv.compile(JSON.parse(readFileSync(join(root, schema), 'utf8')) as object);
        validators.set(schema, v);
      }
      // Comments and trailing commas allowed, as VS Code reads a file under a schema with allowComments.
      return v(parseJsonc(text, [], { allowTrailingComma: true })) as boolean;
    };
    for (const folder of ['good', 'mistakes']) {
      for (const f of readdirSync(join(root, 'examples', folder)).filter((name) => schemasFor(name).length > 0)) {
        assert.ok(validate(f, readFileSync(join(root, 'examples', folder, f), 'utf8')), `examples/${folder}/${f}`);
      }
    }
  });

  it('use the same file-name patterns as the linter\'s policy detection', () => {
    for (const kind of ['identity', 'trust', 'scp'] as const) {
      const entry = pkg.contributes.jsonValidation.find((v) => v.url.endsWith(SCHEMA_FILES[kind]));
      const { include, exclude } = POLICY_FILE_PATTERNS[kind];
      assert.deepEqual(entry?.fileMatch, [...include, ...exclude.map((p) => `!${p}`)], kind);
    }
    for (const name of ['dhmc-admin.policy.json', 'ec2-trust-policy.json', 'deny.scp.json', 'package.json']) {
      const schemas = schemasFor(name);
      assert.equal(kindFromFileName(`some/dir/${name}`), (Object.keys(SCHEMA_FILES) as PolicyKind[]).find((k) => schemas.includes(SCHEMA_FILES[k])), name);
    }
  });

  it('describe every setting and command through package.nls.json', () => {
    const refs = [
      pkg.contributes.configuration.title,
      ...Object.values(pkg.contributes.configuration.properties).map((p) => p.markdownDescription ?? p.description ?? ''),
      ...pkg.contributes.commands.flatMap((c) => [c.title, c.category]),
    ];
    for (const ref of refs) {
      const key = /^%(.+)%$/.exec(ref)?.[1];
      assert.ok(key, `not localizable: ${ref}`);
      assert.ok(nls[key], `package.nls.json has no ${key}`);
    }
  });
});
