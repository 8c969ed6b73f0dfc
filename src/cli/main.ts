import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { CONFIG_FILE_NAME, ConfigError, fixText, lintText, validateConfig, type LintConfig } from '../core/lint';
import { mapInOrder } from '../core/util/map-in-order';
import { allRules } from '../core/rules';
import { parseArgs, USAGE, UsageError } from './args';
import { collectInputs, InputError } from './files';
import { formatJson, formatSarif, formatText, type FileFindings } from './format';

/** Files above this size are refused with a message; the largest IAM quota is 10,240 characters. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * How many files are linted at once. Linting is synchronous once a file's IAM data is loaded; overlapping files
 * overlaps their reads and data loads (about 10 % faster over the 1,485-policy corpus, in alternating runs).
 */
const LINT_CONCURRENCY = 16;

/** What the CLI writes and returns; `run` never calls process.exit, so tests can call it in-process. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
  cwd: string;
  isTty?: boolean;
}

/** Runs ssm-policy-lint and resolves to its exit code (0 clean, 1 errors found, 2 bad usage or unreadable input). */
export async function run(argv: readonly string[], io: CliIo, version = '0.0.0'): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`ssm-policy-lint: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (args.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  let config: LintConfig | undefined;
  try {
    config = readConfig(args.config, io.cwd);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`ssm-policy-lint: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  let inputs;
  try {
    inputs = collectInputs(args.paths.map((p) => (p === '-' ? p : resolveFrom(io.cwd, p))));
  } catch (err) {
    if (err instanceof InputError) {
      io.stderr(`ssm-policy-lint: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (inputs.length === 0) {
    io.stderr(`ssm-policy-lint: no *.json files found in ${args.paths.join(', ')}\n`);
    return 2;
  }
  let unreadable = false;
  const lintOne = async (input: (typeof inputs)[number]): Promise<FileFindings | undefined> => {
    const display = input.path === '-' ? '-' : relativeTo(io.cwd, input.path);
    let text: string;
    try {
      text = input.path === '-' ? io.readStdin() : readPolicyFile(input.path);
    } catch (err) {
      io.stderr(`ssm-policy-lint: ${err instanceof Error ? err.message : String(err)}\n`);
      unreadable = true;
      return undefined;
    }
    let { findings } = await lintText(text, { kind: args.kind, fileName: input.path, config });
    if (args.fix && findings.some((f) => f.fix?.length)) {
      const fixed = await fixText(text, { kind: args.kind, fileName: input.path, config });
      try {
        writeFileSync(input.path, fixed.text);
        findings = fixed.findings;
      } catch (err) {
        io.stderr(`ssm-policy-lint: cannot write fixes to ${display}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
        unreadable = true;
      }
    }
    if (args.quiet) findings = findings.filter((f) => f.severity === 'error');
    return { file: display, findings };
  };
  const results = (await mapInOrder(inputs, LINT_CONCURRENCY, lintOne)).filter((r): r is FileFindings => r !== undefined);
  if (args.format === 'json') io.stdout(formatJson(results));
  else if (args.format === 'sarif') io.stdout(formatSarif(results, allRules, version));
  else io.stdout(formatText(results, io.isTty ?? false));
  if (unreadable) return 2;
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    io.stderr(`ssm-policy-lint: ${warnings} warnings, more than --max-warnings ${args.maxWarnings}\n`);
    return 1;
  }
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function readPolicyFile(path: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new Error(`Cannot read ${path}: no such file`);
  }
  if (size > MAX_FILE_BYTES) {
    throw new Error(`Skipped ${path}: ${(size / 1024 / 1024).toFixed(1)} MB is too large for a policy (limit ${MAX_FILE_BYTES / 1024 / 1024} MB)`);
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`Cannot read ${path}: ${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (code ?? 'unknown error')}`);
  }
}

function readConfig(explicit: string | undefined, cwd: string): LintConfig | undefined {
  const path = explicit ? resolveFrom(cwd, explicit) : resolveFrom(cwd, CONFIG_FILE_NAME);
  if (!explicit && !existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`Cannot read config file ${explicit ?? CONFIG_FILE_NAME}`);
  }
  const errors: ParseError[] = [];
  const raw: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) throw new ConfigError(`${explicit ?? CONFIG_FILE_NAME}: not valid JSON`);
  return validateConfig(raw, allRules, explicit ?? CONFIG_FILE_NAME);
}

function resolveFrom(cwd: string, p: string): string {
  return resolve(cwd, p);
}

function relativeTo(cwd: string, p: string): string {
  const rel = relative(cwd, p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}

