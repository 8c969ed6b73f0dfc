import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { isConsidered, notDetectedReason } from './detect';
import { describeErrno, describeFileType } from './read';

/**
 * Folders the directory walk never enters, with the reason the summary gives. Only what is never the project's own
 * policy: version control internals and installed dependencies. Build output (`dist`, `out`, `cdk.out`) is walked:
 * it can hold generated policies, and content detection keeps its other JSON out of the report.
 */
export const SKIPPED_FOLDERS: ReadonlyMap<string, string> = new Map([
  ['.git', 'version control'],
  ['.hg', 'version control'],
  ['.svn', 'version control'],
  ['.bzr', 'version control'],
  ['.jj', 'version control'],
  ['_darcs', 'version control'],
  ['CVS', 'version control'],
  ['node_modules', 'dependencies'],
  ['.terraform', "Terraform's provider and module cache"],
]);

/** One input to lint: a file path, or `-` for standard input. */
export interface InputFile {
  /** The path as given or found by the walk (absolute once `run` resolved it), or `-`. */
  path: string;
  /** The path with symbolic links resolved: where `--fix` writes, so a link stays a link. */
  realPath?: string;
  /** Named on the command line (or `-`): linted whatever its name or content. Found by the walk otherwise. */
  explicit: boolean;
}

/** A file or folder the walk did not lint, and why. */
export interface SkippedInput {
  path: string;
  /** Why, e.g. "not a JSON, YAML or Terraform file"; with `sameAs`, the start of a sentence it ends ("the same file as"). */
  reason: string;
  /** The path by which the same real file or folder was reached first. */
  sameAs?: string;
  folder: boolean;
}

/** A path that cannot be linted (a missing file, a broken link to a JSON file, an unreadable folder): exit 2. */
export interface InputProblem {
  path: string;
  reason: string;
}

/** What the PATH arguments expand to. */
export interface Inputs {
  files: InputFile[];
  skipped: SkippedInput[];
  problems: InputProblem[];
}

/**
 * Expands the PATH arguments: files as given, `-` as stdin, directories to the files below them that some file kind
 * considers (by name; `run` then reads each and keeps the ones detected), in sorted order. Follows symbolic links to
 * files and folders, walking each real folder once (a link loop is skipped and said so); a file reached twice is
 * linted once. Never throws for a bad path: it becomes a problem.
 */
export function collectInputs(paths: readonly string[]): Inputs {
  const inputs: Inputs = { files: [], skipped: [], problems: [] };
  const seenFiles = new Map<string, string>();
  const addFile = (file: InputFile): void => {
    if (file.path === '-') {
      inputs.files.push(file);
      return;
    }
    const real = file.realPath ?? file.path;
    const first = seenFiles.get(real);
    if (first !== undefined) {
      inputs.skipped.push({ path: file.path, reason: 'the same file as', sameAs: first, folder: false });
      return;
    }
    seenFiles.set(real, file.path);
    inputs.files.push(file);
  };
  for (const p of paths) {
    if (p === '-') {
      addFile({ path: '-', explicit: true });
      continue;
    }
    let st: Stats;
    try {
      st = statSync(p);
    } catch (err) {
      inputs.problems.push({ path: p, reason: brokenLinkReason(p) ?? describeErrno(err) });
      continue;
    }
    if (st.isDirectory()) {
      const found = walk(p);
      inputs.skipped.push(...found.skipped);
      inputs.problems.push(...found.problems);
      for (const f of found.files) addFile(f);
    } else {
      addFile({ path: p, realPath: realPathOf(p), explicit: true });
    }
  }
  return inputs;
}

function walk(root: string): Inputs {
  const out: Inputs = { files: [], skipped: [], problems: [] };
  // Real path of each folder walked → the path it was first reached by, so a link back to it is named.
  const walked = new Map<string, string>([[realPathOf(root), root]]);
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      out.problems.push({ path: dir, reason: `cannot read the folder: ${describeErrno(err)}` });
      continue;
    }
    const subdirs: string[] = [];
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(dir, e.name);
      let type: Pick<Stats, 'isDirectory' | 'isFile' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket' | 'isSymbolicLink'> = e;
      if (e.isSymbolicLink()) {
        try {
          type = statSync(full);
        } catch (err) {
          const reason = brokenLinkReason(full) ?? describeErrno(err);
          // A dangling link named like a JSON file may be a policy that is missing: that must not pass unnoticed.
          if (isConsidered(e.name)) out.problems.push({ path: full, reason });
          else out.skipped.push({ path: full, reason, folder: false });
          continue;
        }
      }
      if (type.isDirectory()) {
        const why = SKIPPED_FOLDERS.get(e.name);
        if (why) {
          out.skipped.push({ path: full, reason: `folder not walked (${why})`, folder: true });
          continue;
        }
        const real = realPathOf(full);
        const first = walked.get(real);
        if (first !== undefined) {
          const loop = full.startsWith(first + sep) || first === root;
          out.skipped.push({ path: full, reason: loop ? 'a symbolic link loop back to' : 'the same folder as', sameAs: first, folder: true });
          continue;
        }
        walked.set(real, full);
        subdirs.push(full);
      } else if (type.isFile()) {
        if (isConsidered(e.name)) out.files.push({ path: full, realPath: realPathOf(full), explicit: false });
        else out.skipped.push({ path: full, reason: notDetectedReason(e.name), folder: false });
      } else {
        out.skipped.push({ path: full, reason: `${describeFileType(type)}, not a regular file`, folder: false });
      }
    }
    // Popped in name order, so which of two paths to one folder is walked does not depend on the file system.
    stack.push(...subdirs.reverse());
  }
  const byPath = (a: { path: string }, b: { path: string }): number => comparePaths(a.path, b.path);
  out.files.sort(byPath);
  out.skipped.sort(byPath);
  return out;
}

let collator: Intl.Collator | undefined;

/** The order of `a.localeCompare(b)`, through one collator: localeCompare looks the default collator up on every call. */
export function comparePaths(a: string, b: string): number {
  return (collator ??= new Intl.Collator()).compare(a, b);
}

/** "broken symbolic link (to target)" when `path` is a link whose target does not resolve. */
function brokenLinkReason(path: string): string | undefined {
  try {
    if (!lstatSync(path).isSymbolicLink()) return undefined;
    return `broken symbolic link (to ${readlinkSync(path)})`;
  } catch {
    return undefined;
  }
}

function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
