import type { Locale } from '../core/i18n';
import type { PolicyKind } from '../core/policy/types';
import { cliTexts } from './messages';

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
  /** The language of the messages; undefined: from LC_ALL, LC_MESSAGES or LANG. */
  lang?: Locale;
}

/** Bad usage; the CLI prints the message with the usage and exits 2. */
export class UsageError extends Error {}

/** The usage text printed by --help and on bad usage (English; `cliTexts(locale).usage` for the reader's language). */
export const USAGE = cliTexts('en').usage;

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
      case '--lang': {
        const v = value();
        if (v !== 'en' && v !== 'ja') throw new UsageError(`Unknown language "${v}": use en or ja`);
        args.lang = v;
        break;
      }
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

/** The language argv asks for with --lang, read before parsing (so that a usage error is in that language too). */
export function langInArgs(argv: readonly string[]): Locale | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') return undefined;
    const value = arg === '--lang' ? argv[i + 1] : arg?.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'en' || value === 'ja') return value;
  }
  return undefined;
}
