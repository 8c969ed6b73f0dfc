import { existsSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { fixTemplateText, lintTemplateText, templateFormatOf, type TemplateFormat } from '../core/embedded';
import { CONFIG_FILE_NAME, ConfigError, fixText, lintText, type LintConfig, type LintFinding } from '../core/lint';
import { parseConfigText } from '../core/lint/editor-config';
import { mapInOrder } from '../core/util/map-in-order';
import { allRules } from '../core/rules';
import { langInArgs, parseArgs, UsageError, type CliArgs } from './args';
import { localeFromEnv, localizeFindings, type Locale } from '../core/i18n';
import { cliTexts, localizeCliMessage, type CliTexts } from './messages';
import { detectFile, isClaimedByName, isTemplateDetection, notDetectedReason, type Detection } from './detect';
import { collectInputs, comparePaths, type InputFile, type SkippedInput } from './files';
import { escapeControl, formatJson, formatSarif, formatText, type FileFindings } from './format';
import { decodeText, describeErrno, EncodingError, InputError, MAX_INPUT_BYTES, readRegularFile, TooLargeError, tooLargeReason } from './read';
import { writeIfUnchanged } from './write';

/** Files and standard input above this size are refused; the largest IAM quota is 10,240 characters. */
export const MAX_FILE_BYTES = MAX_INPUT_BYTES;

/**
 * How many files are linted at once. Linting is synchronous once a file's IAM data is loaded; overlapping files
 * overlaps their reads and data loads (about 10 % faster over the 1,485-policy corpus, in alternating runs).
 */
const LINT_CONCURRENCY = 16;

/** What the CLI writes and returns; `run` never calls process.exit, so tests can call it in-process. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Reads standard input to its end, or to `limit + 1` bytes when it is longer (the CLI refuses it then). */
  readStdin: (limit: number) => Promise<Uint8Array>;
  cwd: string;
  isTty?: boolean;
  /** Called after a file's fixes are computed and before they are written (tests edit the file here). */
  beforeFixWrite?: (path: string) => Promise<void> | void;
  /** Called once the inputs are known, before the first is read (the CLI tunes V8 for a long run here). */
  beforeLint?: (files: number) => void;
  /** The environment the language is read from when --lang is not given (LC_ALL, LC_MESSAGES, LANG); none: English. */
  env?: Record<string, string | undefined>;
}

/** What became of one input. */
type Outcome =
  | { status: 'linted'; result: FileFindings; warnings: number; detection?: Detection; policies?: number }
  | { status: 'skipped'; reason: string }
  | { status: 'failed' };

/** Runs ssm-policy-lint and resolves to its exit code (0 clean, 1 errors found, 2 bad usage or unreadable input). */
export async function run(argv: readonly string[], io: CliIo, version = '0.0.0'): Promise<number> {
  let args: CliArgs;
  let locale: Locale = langInArgs(argv) ?? localeFromEnv(io.env ?? {});
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`ssm-policy-lint: ${escapeControl(err.message)}\n\n${cliTexts(locale).usage}\n`);
      return 2;
    }
    throw err;
  }
  if (args.lang) locale = args.lang;
  const texts: CliTexts = cliTexts(locale);
  if (args.help) {
    io.stdout(`${texts.usage}\n`);
    return 0;
  }
  if (args.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  // Every message names a path or quotes a value: escaped, so a file name cannot break the line or drive the terminal.
  const say = (message: string): void => io.stderr(`ssm-policy-lint: ${escapeControl(localizeCliMessage(message, locale))}\n`);
  let config: LintConfig | undefined;
  try {
    config = await readConfig(args.config, io.cwd);
  } catch (err) {
    if (err instanceof ConfigError) {
      say(err.message);
      return 2;
    }
    throw err;
  }
  const display = (p: string): string => (p === '-' ? '-' : relativeTo(io.cwd, p));
  const inputs = collectInputs(args.paths.map((p) => (p === '-' ? p : resolve(io.cwd, p))));
  let failed = inputs.problems.length > 0;
  for (const p of inputs.problems) say(texts.cannotRead(display(p.path), p.reason));

  const lintOne = async (input: InputFile): Promise<Outcome> => {
    const name = display(input.path);
    const base = basename(input.path);
    let bytes: Uint8Array;
    try {
      bytes = input.path === '-' ? await readStdin(io) : await readRegularFile(input.path, MAX_INPUT_BYTES, name);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      // Nothing over the limit is a policy, so a large JSON file the walk found is skipped unless its name claims it.
      if (err instanceof TooLargeError && !input.explicit && !isClaimedByName(base)) return { status: 'skipped', reason: tooLargeReason() };
      say(err.message);
      return { status: 'failed' };
    }
    let text: string;
    let bom: boolean;
    try {
      ({ text, bom } = decodeText(bytes, name));
    } catch (err) {
      if (!(err instanceof EncodingError)) throw err;
      // A file the walk found is an error only when it is a policy by name or would look like one once decoded.
      if (!input.explicit && !isClaimedByName(base) && !detectFile(base, err.lossyText)) return { status: 'skipped', reason: err.reason };
      say(err.message);
      return { status: 'failed' };
    }
    const detection = input.path === '-' ? undefined : detectFile(base, text, input.explicit);
    if (!input.explicit && !detection) return { status: 'skipped', reason: notDetectedReason(base) };
    const format = templateFormat(input, base, text, detection);
    let lint: () => Promise<{ findings: LintFinding[]; unknownValues?: number; policies?: number }>;
    let fix: () => Promise<{ text: string; findings: LintFinding[] }>;
    if (format) {
      // A template's policies get their kinds from where they sit: --kind does not apply.
      const options = { fileName: input.path, format, config };
      lint = async () => {
        const r = await lintTemplateText(text, options);
        return { findings: r.findings, unknownValues: r.unknownValues, policies: r.policies.length };
      };
      fix = () => fixTemplateText(text, options);
    } else {
      const options = { kind: args.kind, fileName: input.path, config };
      lint = () => lintText(text, options);
      fix = () => fixText(text, options);
    }
    const linted = await lint();
    let { findings } = linted;
    if (args.fix && input.path !== '-' && findings.some((f) => f.fix?.length)) {
      if (!detection && !format) {
        say(texts.notFixedNotRecognised(name, notDetectedReason(base)));
      } else {
        const fixed = await fix();
        if (fixed.text !== text) {
          const next = Buffer.from(bom ? `\uFEFF${fixed.text}` : fixed.text, 'utf8');
          await io.beforeFixWrite?.(input.path);
          try {
            if ((await writeIfUnchanged(input.realPath ?? input.path, bytes, next)) === 'written') {
              findings = fixed.findings;
            } else {
              say(texts.notFixedChanged(name));
              failed = true;
            }
          } catch (err) {
            say(texts.cannotWriteFixes(name, describeErrno(err)));
            failed = true;
          }
        }
      }
    }
    // --max-warnings counts what was found, whatever --quiet shows.
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    if (args.quiet) findings = findings.filter((f) => f.severity === 'error');
    // In the reader's language; rule ids, ranges and fixes are the same in every language.
    findings = localizeFindings(findings, locale);
    return { status: 'linted', result: { file: name, findings, unknownValues: linted.unknownValues }, warnings, detection, policies: linted.policies };
  };

  io.beforeLint?.(inputs.files.length);
  const outcomes = await mapInOrder(inputs.files, LINT_CONCURRENCY, lintOne);
  const results: FileFindings[] = [];
  const skipped: SkippedInput[] = [...inputs.skipped];
  let warnings = 0;
  outcomes.forEach((o, i) => {
    const input = inputs.files[i] as InputFile;
    if (o.status === 'linted') {
      results.push(o.result);
      warnings += o.warnings;
      if (args.verbose) io.stderr(`linted ${escapeControl(display(input.path))}: ${lintedReason(input, o.detection)}${templateSummary(o)}\n`);
    } else if (o.status === 'skipped') {
      skipped.push({ path: input.path, reason: o.reason, folder: false });
    } else {
      failed = true;
    }
  });
  skipped.sort((a, b) => comparePaths(a.path, b.path));
  if (args.verbose) {
    for (const s of skipped) {
      const reason = s.sameAs === undefined ? s.reason : `${s.reason} ${display(s.sameAs)}`;
      io.stderr(`skipped ${escapeControl(display(s.path))}${s.folder ? '/' : ''}: ${escapeControl(reason)}\n`);
    }
  }
  if (results.length === 0 && !failed) {
    say(texts.noPolicies(args.paths.join(', '), skipped.length ? skippedSummary(skipped, display, texts) : undefined));
    return 2;
  }
  if (args.format === 'json') io.stdout(formatJson(results));
  else if (args.format === 'sarif') io.stdout(formatSarif(results, allRules, version, locale));
  // "No problems in 0 files" would read as a pass when every input failed: the messages above say what happened.
  else if (results.length > 0) io.stdout(formatText(results, io.isTty ?? false, texts) + (skipped.length ? `${skippedSummary(skipped, display, texts)}.\n` : ''));
  if (failed) return 2;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    say(texts.tooManyWarnings(warnings, args.maxWarnings));
    return 1;
  }
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/**
 * The template format to read a file as: a walked or named file detected as a template; a named YAML file (nothing
 * else reads it); standard input that looks like a CloudFormation template. Undefined for a policy.
 */
function templateFormat(input: InputFile, base: string, text: string, detection: Detection | undefined): TemplateFormat | undefined {
  if (input.path === '-') return templateFormatOf('-', text);
  if (isTemplateDetection(detection)) return templateFormatOf(base, text);
  if (input.explicit && !detection && /\.ya?ml$/i.test(base)) return 'cloudformation-yaml';
  return undefined;
}

/** "; 3 policies, 1 value unknown offline" for a template, for --verbose. */
function templateSummary(o: { policies?: number; result: FileFindings }): string {
  if (o.policies === undefined) return '';
  const unknown = o.result.unknownValues ?? 0;
  return `; ${o.policies} polic${o.policies === 1 ? 'y' : 'ies'}${unknown ? `, ${unknown} value${unknown === 1 ? '' : 's'} unknown offline` : ''}`;
}

async function readStdin(io: CliIo): Promise<Uint8Array> {
  const bytes = await io.readStdin(MAX_INPUT_BYTES);
  if (bytes.length > MAX_INPUT_BYTES) throw new TooLargeError(`Cannot read standard input: ${tooLargeReason()}`);
  return bytes;
}

function lintedReason(input: InputFile, detection: Detection | undefined): string {
  if (input.path === '-') return 'standard input';
  const named = 'named on the command line';
  if (!input.explicit) return detection ? `${detection.kind} by ${detection.reason}` : named;
  return detection ? `${named}; ${detection.kind} by ${detection.reason}` : `${named}; not recognised as a policy (--fix does not write it)`;
}

/** "Skipped 3 files that are not policies and 2 folders (.git, node_modules); --verbose says why" */
function skippedSummary(skipped: readonly SkippedInput[], display: (p: string) => string, texts: CliTexts): string {
  const files = skipped.filter((s) => !s.folder).length;
  const folders = [...new Set(skipped.filter((s) => s.folder).map((s) => basename(display(s.path))))];
  return texts.skipped(files, skipped.length - files, escapeControl(folders.join(', ')));
}

async function readConfig(explicit: string | undefined, cwd: string): Promise<LintConfig | undefined> {
  const name = explicit ?? CONFIG_FILE_NAME;
  const path = resolve(cwd, name);
  if (!explicit && !existsSync(path)) return undefined;
  try {
    const { text } = decodeText(await readRegularFile(path, MAX_INPUT_BYTES, `config file ${name}`), `config file ${name}`);
    return parseConfigText(text, allRules, name);
  } catch (err) {
    if (err instanceof InputError) throw new ConfigError(err.message);
    throw err;
  }
}

function relativeTo(cwd: string, p: string): string {
  const rel = relative(cwd, p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}
