import type { PolicyKind } from '../core/policy/types';

/** Output formats of the CLI. */
export type OutputFormat = 'text' | 'json' | 'sarif';

/** Parsed command line. */
export interface CliArgs {
  format: OutputFormat;
  kind: PolicyKind | 'auto';
  config?: string;
  /** Apply safe fixes to the files in place, then report what remains. */
  fix: boolean;
  /** Report errors only. */
  quiet: boolean;
  /** List every skipped file and folder with the reason, and why each linted file was taken for a policy. */
  verbose: boolean;
  /** Exit 1 when there are more warnings than this (like ESLint's --max-warnings), counted before --quiet. */
  maxWarnings?: number;
  paths: string[];
  help: boolean;
  version: boolean;
}

/** Bad usage; the CLI prints the message with the usage and exits 2. */
export class UsageError extends Error {}

/** The usage text printed by --help and on bad usage. */
export const USAGE = `Usage: ssm-policy-lint [options] PATH...

Lints AWS IAM policies (identity, trust, SCP) offline, with AWS Systems Manager knowledge.
PATH is a file (always linted), - for standard input, or a directory: every *.json and *.jsonc
below it that is a policy, by file name (*.policy.json, *-trust.json, *.scp.json ...) or by
content (a "Statement" with "Effect", "Action" or "NotAction"), as the editor decides. Other
files are skipped and counted. The walk follows symbolic links and never enters .git (and other
version control folders) or node_modules; it does enter dist, out and cdk.out.
Files must be UTF-8 (a BOM is fine), regular files, and at most 8 MB.

Options:
  --format text|json|sarif   output format (default: text)
  --kind auto|identity|trust|resource|scp
                             policy kind (default: auto = detected per file)
  --config FILE              rule severities, e.g. { "rules": { "passrole-wildcard": "off" } }
                             (default: .ssm-policy-lint.json in the working directory, if present)
  --fix                      apply the safe fixes in place to the files recognised as policies
                             (a file changed meanwhile is left alone and reported), then report
                             what remains
  --quiet                    report errors only (--max-warnings still counts the warnings)
  --max-warnings N           also exit 1 when there are more than N warnings
  --verbose                  say on standard error why each file was linted or skipped, and
                             which folders were not walked
                             (--fix, --quiet and --verbose also take =true or =false)
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 no error found, 1 an error was found (or too many warnings),
2 bad usage, an unreadable file, a file that is not UTF-8, or a --fix conflict.`;

const FORMATS = new Set(['text', 'json', 'sarif']);
const KINDS = new Set(['auto', 'identity', 'trust', 'resource', 'scp']);

/** Parses argv (without node and script); throws {@link UsageError}. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { format: 'text', kind: 'auto', fix: false, quiet: false, verbose: false, paths: [], help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`Option ${flag} needs a value`);
      return v;
    };
    // A boolean flag alone means true; --flag=true and --flag=false are honoured, any other value is a mistake.
    const bool = (): boolean => {
      if (inline === undefined || inline === 'true') return true;
      if (inline === 'false') return false;
      throw new UsageError(`Option ${flag} takes no value, or =true or =false; got "${inline}"`);
    };
    const noValue = (): void => {
      if (inline !== undefined) throw new UsageError(`Option ${flag} takes no value; got "${inline}"`);
    };
    switch (flag) {
      case '--format': {
        const v = value();
        if (!FORMATS.has(v)) throw new UsageError(`Unknown format "${v}": use text, json or sarif`);
        args.format = v as OutputFormat;
        break;
      }
      case '--kind': {
        const v = value();
        if (!KINDS.has(v)) throw new UsageError(`Unknown kind "${v}": use auto, identity, trust, resource or scp`);
        args.kind = v as CliArgs['kind'];
        break;
      }
      case '--config':
        args.config = value();
        break;
      case '--fix':
        args.fix = bool();
        break;
      case '--quiet':
        args.quiet = bool();
        break;
      case '--verbose':
        args.verbose = bool();
        break;
      case '--max-warnings': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number, got "${v}"`);
        args.maxWarnings = Number(v);
        break;
      }
      case '-h':
      case '--help':
        noValue();
        args.help = true;
        break;
      case '-v':
      case '--version':
        noValue();
        args.version = true;
        break;
      case '--':
        args.paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option: ${arg}`);
        args.paths.push(arg);
    }
  }
  if (!args.help && !args.version && args.paths.length === 0) throw new UsageError('No PATH given');
  if (args.fix && args.paths.includes('-')) throw new UsageError('--fix rewrites files and cannot be used with - (standard input)');
  return args;
}
