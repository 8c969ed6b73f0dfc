import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, posix } from 'node:path';

/**
 * The repository stands on its own: a lone clone, with no folder beside it, builds and passes its tests. This guard
 * reads every tracked file and fails on anything that points outside the repository: a path that climbs above the
 * root, the sibling folders and guides other checkouts kept next to it, an absolute path of a machine, a package
 * registry other than the public npm one.
 */

const root = join(__dirname, '..', '..');

/** One line that points outside the repository. */
export interface OutsideReference {
  file: string;
  line: number;
  rule: string;
  text: string;
}

/** The public npm registry, the only one the lockfile and npm settings may name. */
const NPM_REGISTRY = 'registry.npmjs.org';

/** Whether `segments` (`..`, names), taken from `dir` (a folder relative to the root, with `/`), lead out of the root. */
function leavesRoot(dir: string, ...segments: string[]): boolean {
  const target = posix.normalize(posix.join(dir === '' ? '.' : dir, ...segments));
  return target === '..' || target.startsWith('../');
}

/** The host of a URL (`https://host/…`, `//host/…`), or undefined when the text is not one. */
function hostOf(url: string): string | undefined {
  return /^(?:[a-z+]+:)?\/\/([^/:\s"'@]+(?:@[^/:\s"']+)?)/i.exec(url)?.[1]?.replace(/^.*@/, '').toLowerCase();
}

// A path literal's base, by the conventions of this repository: `__dirname`, `here` and the folder of
// `import.meta.url` are the file's own folder; `root` and `ROOT` are the repository root.
const FILE_DIR_BASE = String.raw`__dirname|import\.meta\.dirname|here|dirname\(fileURLToPath\(import\.meta\.url\)\)`;
const PATH_CALL = new RegExp(String.raw`\b(?:join|resolve)\(\s*(${FILE_DIR_BASE}|root|ROOT)((?:\s*,\s*(['"])[^'"\n]*\3)+)`, 'g');
const SEGMENT = /(['"])([^'"\n]*)\1/g;

/** The rules, each a function of one line that says what it points at, or nothing. */
const LINE_RULES: { rule: string; find: (line: string, file: string, names: ReadonlySet<string>) => string | undefined }[] = [
  {
    // The style and testing guides some checkouts kept beside the repository; CONTRIBUTING.md holds what they said.
    rule: 'outside guide',
    find: (line) => /\b(?:STYLE|TESTING)\.md\b/.exec(line)?.[0],
  },
  {
    // The seed pages and the policy corpus a sibling folder held; the repository holds what its tests need.
    rule: 'sibling folder',
    find: (line) => /(?<![\w.-])shared\/(?:seeds|corpus)\b/.exec(line)?.[0] ?? /(['"])\.\.\1\s*,\s*(['"])shared\2/.exec(line)?.[0],
  },
  {
    // In code, an import or a require; in Markdown, a link: a relative path that, taken from the file's folder, climbs
    // above the root. A comment is prose (the next rule): it may quote another file's import.
    rule: 'path above the root',
    find: (line, file) => {
      const pattern = /\.md$/i.test(file)
        ? /\]\(((?:\.\/)?(?:\.\.\/)+[^)\s]*)/g
        : /\.[cm]?[jt]s$/.test(file) && !/^\s*(?:\/\/|\/\*|\*)/.test(line)
          ? /(?:\bfrom\s+|\bimport\(\s*|\brequire\(\s*)['"]((?:\.\/)?(?:\.\.\/)+[^'"\s]*)['"]/g
          : undefined;
      for (const m of pattern ? line.matchAll(pattern) : []) {
        if (leavesRoot(posix.dirname(file), m[1] ?? '')) return m[1];
      }
      return undefined;
    },
  },
  {
    // Any other relative path that climbs above the root and names something the repository does not hold: in prose
    // or a comment a path may be meant from another file (`../../aws` of src/features), so a name the repository
    // has is taken as that.
    rule: 'path above the root',
    find: (line, file, names) => {
      for (const m of line.matchAll(/(?<![\w.@/-])((?:\.\.\/)+)([\w@][\w@.-]*)/g)) {
        if (leavesRoot(posix.dirname(file), m[1] ?? '', m[2] ?? '') && !names.has(m[2] ?? '')) return m[0];
      }
      return undefined;
    },
  },
  {
    // join(__dirname, '..', …) and the like, whose `..` segments climb above the root.
    rule: 'path above the root',
    find: (line, file) => {
      for (const m of line.matchAll(PATH_CALL)) {
        const base = m[1] === 'root' || m[1] === 'ROOT' ? '' : posix.dirname(file);
        const segments = [...(m[2] ?? '').matchAll(SEGMENT)].map((s) => s[2] ?? '');
        if (leavesRoot(base, ...segments)) return m[0];
      }
      return undefined;
    },
  },
  {
    // An absolute path of a machine. A path inside an ARN, a URL or a longer path (`bucket/home/…`) is not one.
    rule: 'machine path',
    find: (line) => /(?<![\w.@/:$}*~-])\/(?:work|tmp|home|Users)\/[^\s'"`)]*/.exec(line)?.[0],
  },
  {
    // npm settings that name a registry by URL: `registry=` lines of .npmrc, a `"registry"` key (publishConfig), the
    // --registry flag, npm_config_registry, and the `//host/:_authToken` lines of .npmrc.
    rule: 'package registry',
    find: (line) => {
      const patterns = [
        /^\s*(?:@[\w.-]+:)?registry\s*=\s*(\S+)/,
        /"registry"\s*:\s*"([^"]*)"/,
        /--registry[=\s]+(\S+)/,
        /\bnpm_config_registry\s*[=:]\s*["']?(\S+?)["']?(?:\s|$)/i,
        /^\s*(\/\/[^/\s]+)\/:_/,
      ];
      for (const p of patterns) {
        const value = p.exec(line)?.[1];
        const host = value === undefined ? undefined : hostOf(value);
        if (host !== undefined && host !== NPM_REGISTRY) return value;
      }
      return undefined;
    },
  },
  {
    // Where the lockfile says each package was downloaded from.
    rule: 'package registry',
    find: (line, file) => {
      if (posix.basename(file) !== 'package-lock.json' && posix.basename(file) !== 'npm-shrinkwrap.json') return undefined;
      const resolved = /"resolved"\s*:\s*"([^"]*)"/.exec(line)?.[1];
      return resolved !== undefined && hostOf(resolved) !== NPM_REGISTRY ? resolved : undefined;
    },
  },
];

/**
 * What in `text` (the content of `file`, a path relative to the root with `/`) points outside the repository.
 * `names`: every file and folder name of the repository, by which a relative path in prose is taken as meant from
 * another folder of it.
 */
export function outsideReferences(file: string, text: string, names: ReadonlySet<string> = new Set()): OutsideReference[] {
  const found: OutsideReference[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const { rule, find } of LINE_RULES) {
      const what = find(line, file, names);
      // One finding per rule and line, though two patterns of a rule may see the same path.
      if (what !== undefined && !found.some((f) => f.line === i + 1 && f.rule === rule)) found.push({ file, line: i + 1, rule, text: what });
    }
  });
  return found;
}

/** The files of the repository: git's list of tracked files, or, without git, a walk that skips what git ignores. */
function repositoryFiles(): string[] {
  const git = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  if (git.status === 0 && git.stdout) return git.stdout.split('\0').filter((f) => f.length > 0);
  const skip = new Set(['.git', 'node_modules', 'dist', 'out', '.vscode-test']);
  const walk = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => {
      const rel = dir === '' ? d.name : `${dir}/${d.name}`;
      if (skip.has(d.name) || rel === 'bench/results' || d.name.endsWith('.vsix')) return [];
      return d.isDirectory() ? walk(rel) : [rel];
    });
  return walk('');
}

describe('self-contained: nothing in the repository points outside it', () => {
  it('no tracked file refers to a folder outside the repository, a machine path or a private registry', () => {
    const files = repositoryFiles();
    assert.ok(files.includes('package.json') && files.includes('test/unit/self-contained.test.ts'), 'the file list holds the repository');
    const names = new Set(files.flatMap((f) => f.split('/')));
    const found: OutsideReference[] = [];
    for (const file of files) {
      const path = join(root, file);
      const stat = lstatSync(path, { throwIfNoEntry: false });
      if (!stat) continue; // deleted in the work tree, not yet in the index
      if (stat.isSymbolicLink()) {
        const target = readlinkSync(path);
        if (target.startsWith('/') || leavesRoot(posix.dirname(file), target)) found.push({ file, line: 0, rule: 'link outside', text: target });
        continue;
      }
      if (!stat.isFile()) continue;
      const bytes = readFileSync(path);
      if (bytes.includes(0)) continue; // images and other binary files
      found.push(...outsideReferences(file, bytes.toString('utf8'), names));
    }
    assert.deepEqual(found.map((h) => `${h.file}:${h.line}: ${h.rule}: ${h.text}`), []);
  });

  // The planted lines are built from pieces, so this file itself stays clean.
  const up = '..' + '/';
  /** Quoted path segments: `q('..', 'x')` is `'..', 'x'`. */
  const q = (...segments: string[]): string => segments.map((s) => `'${s}'`).join(', ');
  const NAMES = new Set(['src', 'core', 'aws', 'features', 'shared', 'test', 'docs', 'README.md']);
  const rules = (file: string, line: string): string[] => outsideReferences(file, line, NAMES).map((h) => h.rule);

  it('catches each kind of planted line', () => {
    assert.deepEqual(rules('README.md', 'See ' + 'STYLE' + '.md for the conventions.'), ['outside guide']);
    assert.deepEqual(rules('scripts/x.mjs', '// rules in ' + 'TESTING' + '.md'), ['outside guide']);
    assert.deepEqual(rules('test/unit/x.test.ts', `const seeds = join(root, ${q('..', 'sha' + 'red', 'seeds')});`), ['sibling folder', 'path above the root']);
    assert.deepEqual(rules('docs/x.md', 'the pages in ' + ['shared', 'seeds'].join('/')), ['sibling folder']);
    assert.deepEqual(rules('CHANGELOG.md', `read from ${up}outside/pages`), ['path above the root']);
    assert.deepEqual(rules('docs/x.md', `the [guide](${up}${up}docs/guide.md)`), ['path above the root']);
    assert.deepEqual(rules('src/x.ts', `const a = require('${up}${up}aws/x');`), ['path above the root']);
    assert.deepEqual(rules('test/unit/x.test.ts', `import { a } from '${up}${up}${up}${up}elsewhere/a';`), ['path above the root']);
    assert.deepEqual(rules('scripts/x.ts', `const dir = join(__dirname, ${q('..', '..', 'corpus')});`), ['path above the root']);
    assert.deepEqual(rules('scripts/a/x.mjs', `const dir = join(dirname(fileURLToPath(import.meta.url)), ${q('..', '..', '..', 'data')});`), ['path above the root']);
    assert.deepEqual(rules('docs/x.md', 'Run it from `' + '/' + 'work/project`.'), ['machine path']);
    assert.deepEqual(rules('test/unit/x.test.ts', "const out = '" + '/' + "home/alice/build';"), ['machine path']);
    assert.deepEqual(rules('.npmrc', 'registry=https://npm.' + 'example.internal/'), ['package registry']);
    assert.deepEqual(rules('.npmrc', '//npm.' + 'example.internal/:_authToken=${NPM_TOKEN}'), ['package registry']);
    assert.deepEqual(rules('package.json', '  "publishConfig": { "regis' + 'try": "https://registry.example.internal/" },'), ['package registry']);
    assert.deepEqual(rules('README.md', 'npm ci --regis' + 'try http://10.0.0.1:4873'), ['package registry']);
    assert.deepEqual(
      rules('package-lock.json', '      "resolved": "https://artifacts.' + 'example.internal/api/npm/npm/jsonc-parser/-/jsonc-parser-3.3.1.tgz",'),
      ['package registry'],
    );
  });

  it('leaves legitimate text alone', () => {
    const clean = (file: string, line: string): void => assert.deepEqual(outsideReferences(file, line, NAMES), [], `${file}: ${line}`);
    clean('src/features/apply/apply-command.ts', `import { isPolicyDocument } from '${up}shared/policy-documents';`);
    clean('test/unit/rules/x.test.ts', `import { x } from '${up}${up}${up}src/core/rules/x';`);
    clean('docs/rules/x.md', `See [the README](${up}${up}README.md).`);
    clean('test/unit/catalog/x.test.ts', `const root = join(__dirname, ${q('..', '..', '..')});`);
    clean('scripts/emulators/start.mjs', `const root = join(here, ${q('..', '..')});`);
    clean('esbuild.mjs', `/** Leaves \`import('${up}${up}aws')\` of the features to run time. */`);
    clean('docs/architecture.md', `a dynamic \`import('${up}${up}aws')\` that esbuild leaves to run time`);
    clean('docs/rules/condition-key-pitfall.md', '"Condition": { "StringNotLike": { "s3:prefix": ["public/*", "shared/*"] } }');
    clean('docs/rules/version-outdated.md', '"Resource": "arn:aws:ssm:*:*:parameter/home/${aws:username}"');
    clean('src/core/rules/x.ts', 'Path-style resource parts ("/workspaces", ":*") are not judged');
    clean('test/unit/x.test.ts', 'const url = `file:///ext/schemas/x.schema.json`;');
    clean('README.md', 'code-server on http://127.0.0.1:8080 with the extension');
    clean('package-lock.json', '      "resolved": "https://registry.npmjs.org/jsonc-parser/-/jsonc-parser-3.3.1.tgz",');
    clean('.npmrc', 'registry=https://registry.npmjs.org/');
    clean('src/core/x.ts', 'const registry = new Map<string, Rule>();');
    clean('README.md', 'Shared config and credentials files; see CONTRIBUTING.md.');
  });
});
