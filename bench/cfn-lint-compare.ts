/**
 * `npm run compare:cfn-lint`: ssm-policy-lint's template linting side by side with cfn-lint, on the CloudFormation
 * fixtures (test/fixtures/templates/cloudformation, YAML and JSON, CDK output included) and on the templates of
 * bench/fixtures/cfn-lint, which put intrinsic functions inside policies. A development tool: cfn-lint must be on the
 * PATH (`pip install cfn-lint`); without it the script says so and exits 0. Documented, with its latest figures, in
 * docs/cfn-lint-comparison.md.
 *
 * For each file it prints cfn-lint's findings (rule id, line) and ours, then three lists:
 *   - cfn-lint findings on a policy element caused by an intrinsic function where we report nothing on that line.
 *     "On a policy": the finding's path goes through a policy property (PolicyDocument, AssumeRolePolicyDocument,
 *     Policies, KeyPolicy …). "Caused by an intrinsic": the element at that path, or one of its parents inside the
 *     policy, is an intrinsic function in the template (`!Sub`, `Fn::Join`, `Ref` …, read with yaml).
 *   - SSM findings of ours that cfn-lint does not make: a finding of an SSM rule (`ssm-*`) or of an IAM-action rule
 *     (`action-*`, `passrole-*`) with no cfn-lint finding on the same line.
 *   - cfn-lint only: any other cfn-lint finding on a policy with nothing of ours on its line (a problem we miss),
 *     including cfn-lint's checks of the intrinsic functions themselves (E1xxx, W1xxx: a `!GetAtt` of a missing
 *     resource), which are real problems even where an intrinsic holds the element.
 * "On the same line" means on the lines of the element at cfn-lint's path (an `Action:` key and its list's items).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { extractCloudFormation } from '../src/core/embedded/cloudformation';
import { CUSTOM_TAGS } from '../src/core/embedded/cloudformation/yaml';
import { lintTemplate } from '../src/core/embedded/lint';
import type { LintFinding } from '../src/core/lint';

const root = join(__dirname, '..');
const FOLDERS = [join(root, 'test', 'fixtures', 'templates', 'cloudformation'), join(root, 'bench', 'fixtures', 'cfn-lint')];

/** Where a CloudFormation resource holds a policy document (or a list of them). */
const POLICY_KEYS = new Set(['PolicyDocument', 'AssumeRolePolicyDocument', 'Policies', 'KeyPolicy', 'PolicyText', 'ResourcePolicy']);

/** Our rules about Systems Manager and IAM actions. */
const SSM_RULE = /^(?:ssm-|action-|passrole-)/;

interface CfnLintFinding {
  Rule: { Id: string };
  Level: string;
  Message: string;
  Filename: string;
  Location: { Start: { LineNumber: number }; End?: { LineNumber: number }; Path: (string | number)[] | null };
}

interface Row {
  file: string;
  rule: string;
  line: number;
  message: string;
}


function templates(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return templates(path);
    return /\.(?:ya?ml|json)$/.test(name) && name !== 'expected.json' ? [path] : [];
  });
}

/** Whether a yaml node is an intrinsic function: a short-form tag, or a map whose one key is `Ref`, `Fn::…` or `Condition`. */
function isIntrinsic(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  const tag = (node as YamlNode).tag;
  if (tag && tag.startsWith('!') && !tag.startsWith('!!')) return true;
  if (isMap(node) && node.items.length === 1) {
    const key = node.items[0]?.key;
    const name = isScalar(key) ? String(key.value) : '';
    return name === 'Ref' || name.startsWith('Fn::') || name === 'Condition';
  }
  return false;
}

/** Whether the finding's path lies in a policy, and whether an intrinsic function inside that policy holds its element. */
function classify(doc: ReturnType<typeof parseDocument>, path: readonly (string | number)[]): { policy: boolean; intrinsic: boolean } {
  const start = path.findIndex((p) => typeof p === 'string' && POLICY_KEYS.has(p));
  if (start < 0) return { policy: false, intrinsic: false };
  if (path.slice(start).some((p) => typeof p === 'string' && (p === 'Ref' || p.startsWith('Fn::')))) return { policy: true, intrinsic: true };
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i] as string | number;
    if (isMap(node)) node = node.get(seg, true);
    else if (isSeq(node) && typeof seg === 'number') node = node.get(seg, true);
    else break;
    if (i >= start && isIntrinsic(node)) return { policy: true, intrinsic: true };
  }
  return { policy: true, intrinsic: false };
}

/** The 1-based lines a cfn-lint finding covers: its own range, widened to the element at its path (a list's items). */
function cfnLines(doc: ReturnType<typeof parseDocument>, text: string, f: CfnLintFinding): [number, number] {
  const first = f.Location.Start.LineNumber;
  let last = Math.max(first, f.Location.End?.LineNumber ?? first);
  const node = doc.getIn(f.Location.Path ?? [], true) as YamlNode | undefined;
  if (node && typeof node === 'object' && node.range) last = Math.max(last, lineOf(text, Math.max(node.range[0], node.range[1] - 1)));
  return [first, last];
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function overlaps(f: LintFinding, [first, last]: [number, number]): boolean {
  return f.range.start.line + 1 <= last && first <= f.range.end.line + 1;
}

async function main(): Promise<void> {
  const version = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    console.log('cfn-lint is not installed (pip install cfn-lint): nothing compared.');
    return;
  }
  const files = FOLDERS.flatMap(templates);
  console.log(`${version.stdout.trim()} against ssm-policy-lint on ${files.length} templates\n`);
  // One cfn-lint process for every file: it takes seconds to start.
  const run = spawnSync('cfn-lint', ['--format', 'json', '--', ...files.map((f) => relative(root, f))], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  let all: CfnLintFinding[];
  try {
    all = JSON.parse(run.stdout || '[]') as CfnLintFinding[];
  } catch {
    throw new Error(`cfn-lint's output is not JSON: ${(run.stderr || run.stdout).split('\n')[0]}`);
  }
  const intrinsicOnly: Row[] = [];
  const oursOnly: Row[] = [];
  const theirsOnly: Row[] = [];
  let theirsTotal = 0;
  let theirsOnPolicies = 0;
  let oursTotal = 0;
  for (const file of files) {
    const name = relative(root, file).split('\\').join('/');
    const text = readFileSync(file, 'utf8');
    const theirs = all.filter((f) => resolve(root, f.Filename) === file);
    const ours = (await lintTemplate(text, { fileName: name, extract: (t) => extractCloudFormation(t) })).findings;
    const doc = parseDocument(text, { customTags: CUSTOM_TAGS });
    theirsTotal += theirs.length;
    oursTotal += ours.length;
    console.log(name);
    const left = theirs.map((f) => `${f.Rule.Id} L${f.Location.Start.LineNumber}`);
    const right = ours.map((f) => `${f.ruleId} L${f.range.start.line + 1}`);
    console.log(`  ${'cfn-lint'.padEnd(22)} ssm-policy-lint`);
    for (let i = 0; i < Math.max(left.length, right.length, 1); i++) console.log(`  ${(left[i] ?? (i === 0 ? '-' : '')).padEnd(22)} ${right[i] ?? (i === 0 ? '-' : '')}`);
    const spans = theirs.map((f) => cfnLines(doc, text, f));
    theirs.forEach((f, i) => {
      const { policy, intrinsic } = classify(doc, f.Location.Path ?? []);
      if (!policy) return;
      theirsOnPolicies++;
      if (ours.some((o) => overlaps(o, spans[i] as [number, number]))) return;
      const row = { file: name, rule: f.Rule.Id, line: f.Location.Start.LineNumber, message: f.Message.slice(0, 100) };
      // E1xxx and W1xxx check the intrinsic functions themselves (a !GetAtt of a missing resource): real problems.
      (intrinsic && !/^[EW]1\d{3}$/.test(f.Rule.Id) ? intrinsicOnly : theirsOnly).push(row);
    });
    for (const o of ours) {
      if (!SSM_RULE.test(o.ruleId)) continue;
      if (spans.some((span) => overlaps(o, span))) continue;
      oursOnly.push({ file: name, rule: o.ruleId, line: o.range.start.line + 1, message: o.message.slice(0, 100) });
    }
  }
  const list = (title: string, rows: Row[]): void => {
    console.log(`\n${title}: ${rows.length}`);
    for (const r of rows) console.log(`  ${r.file}:${r.line}  ${r.rule}  ${r.message}`);
  };
  list('cfn-lint findings on policies caused by an intrinsic function, none of ours there', intrinsicOnly);
  list('SSM and IAM-action findings of ours that cfn-lint does not make', oursOnly);
  list('cfn-lint only: other cfn-lint findings on policies with none of ours on the line', theirsOnly);
  console.log(`\ntotals: ${files.length} templates; cfn-lint ${theirsTotal} findings (${theirsOnPolicies} on policies); ssm-policy-lint ${oursTotal} findings`);
  console.log(`  intrinsic-caused cfn-lint findings we do not make: ${intrinsicOnly.length}; SSM findings only we make: ${oursOnly.length}; cfn-lint only: ${theirsOnly.length}`);
}

void main();
