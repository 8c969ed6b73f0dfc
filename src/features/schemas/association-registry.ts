import * as vscode from 'vscode';
import { documentPattern, registryText, type DocumentAssociation } from '../../core/schema/associations';
import type { PolicyKind, StandaloneKind } from '../../core/policy/types';

/** The scheme of the extension's read-only file system, which serves the schema association registry. */
export const REGISTRY_SCHEME = 'ssm-policy-studio';

/**
 * The registry file, named in package.json `contributes.jsonValidationRegistry`. VS Code's JSON language features
 * (the versions that read that contribution) read it through `workspace.fs` and watch it, so a change of its content
 * re-associates the documents it names, without any setting being written.
 */
export const REGISTRY_URI = vscode.Uri.from({ scheme: REGISTRY_SCHEME, authority: 'schemas', path: '/associations.json' });

/**
 * The schema associations the extension owns: the open documents the linter found to be policies through the
 * `ssmPolicy.schemas.*` globs or their content, each with the schema of its kind (documents with a conventional name
 * get theirs from `contributes.jsonValidation`). Associated documents get the schema's completion and hover, and its
 * `allowComments` / `allowTrailingCommas`, so the JSON language service leaves comments and trailing commas to the
 * linter there as well. Served as a read-only file system of one file, {@link REGISTRY_URI}.
 */
export class AssociationRegistry implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly documents = new Map<string, DocumentAssociation>();
  /** The registry's version (one more per change of its text), when each document entered it, and when it was last read. */
  private version = 0;
  private readonly since = new Map<string, number>();
  private readVersion = -1;
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private text: string;
  private mtime = Date.now();
  private enabled = true;
  private readonly reads = new vscode.EventEmitter<void>();
  /** Fires after the registry was read (by VS Code's JSON language features). */
  readonly onDidRead = this.reads.event;

  constructor(private readonly schemaUrl: (kind: StandaloneKind) => string) {
    this.text = this.render();
  }

  /**
   * Associates a document with the schema of `kind`, or ends its association (`undefined`). A document no pattern can
   * select (see documentPattern) is not associated.
   */
  set(uri: vscode.Uri, requested: PolicyKind | undefined): void {
    const kind = documentPattern(uri.path) === undefined ? undefined : requested;
    const key = uri.toString();
    const current = this.documents.get(key);
    if (kind === undefined) {
      if (!current) return;
      this.documents.delete(key);
      this.since.delete(key);
    } else {
      if (current?.kind === kind) return;
      this.documents.set(key, { path: uri.path, kind });
    }
    this.update();
    if (kind !== undefined) this.since.set(key, this.version);
  }

  /**
   * True when the document is in the registry and VS Code's JSON language features have read the registry since: the
   * document has the schema's completion and hover from them (they pass a new registry to their server before any
   * later request), so the extension's own providers leave what the schema covers to them.
   */
  served(uri: vscode.Uri): boolean {
    const since = this.since.get(uri.toString());
    return this.enabled && since !== undefined && since <= this.readVersion;
  }

  /** Serves the documents (true) or nothing (false: when json.schemas carries the associations instead). */
  setEnabled(enabled: boolean): void {
    if (this.enabled === enabled) return;
    this.enabled = enabled;
    this.update();
  }

  /** Renders the registry again: the schema URLs changed (another language's schemas are served). */
  refresh(): void {
    this.update();
  }

  /** The documents associated now, by kind (what the registry file says). */
  associated(): DocumentAssociation[] {
    return this.enabled ? [...this.documents.values()] : [];
  }

  private render(): string {
    return registryText(this.associated(), this.schemaUrl);
  }

  private update(): void {
    const text = this.render();
    if (text === this.text) return;
    this.text = text;
    this.version++;
    this.mtime = Math.max(Date.now(), this.mtime + 1);
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri: REGISTRY_URI }]);
  }

  watch(): vscode.Disposable {
    // Every change is announced through onDidChangeFile, whatever is watched.
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (isRoot(uri)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
    if (!isRegistry(uri)) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: this.mtime, size: new TextEncoder().encode(this.text).length, permissions: vscode.FilePermission.Readonly };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    if (!isRoot(uri)) throw vscode.FileSystemError.FileNotADirectory(uri);
    return [['associations.json', vscode.FileType.File]];
  }

  readFile(uri: vscode.Uri): Uint8Array {
    if (!isRegistry(uri)) throw vscode.FileSystemError.FileNotFound(uri);
    this.readVersion = this.version;
    this.reads.fire();
    return new TextEncoder().encode(this.text);
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(oldUri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(oldUri);
  }

  dispose(): void {
    this.changed.dispose();
    this.reads.dispose();
  }
}

function isRegistry(uri: vscode.Uri): boolean {
  return uri.authority === REGISTRY_URI.authority && uri.path === REGISTRY_URI.path;
}

function isRoot(uri: vscode.Uri): boolean {
  return uri.authority === REGISTRY_URI.authority && (uri.path === '/' || uri.path === '');
}
