import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** Files and standard input above this size are refused; the largest IAM policy quota is 10,240 characters. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/** An input that cannot be read or decoded; the message names it and says why. */
export class InputError extends Error {}

/** What `readRegularFile` refuses for being too large (so a caller can tell it from the other failures). */
export class TooLargeError extends InputError {}

// O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; O_NOCTTY keeps a terminal device
// from becoming ours. Both are 0 where the platform lacks them (Windows), which has no FIFOs to open.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK_BYTES = 64 * 1024;

/** The buffer reads go through, reused from file to file; reads longer than it get a buffer of their own. */
let scratch: Buffer | undefined;

function scratchFor(length: number): Buffer {
  if (length > 4 * CHUNK_BYTES) return Buffer.allocUnsafe(length);
  return (scratch ??= Buffer.allocUnsafe(4 * CHUNK_BYTES));
}

/**
 * Reads a regular file, refusing anything else (FIFO, device, socket, directory) before reading a byte, and at most
 * `limit` bytes: it stops at `limit + 1` whatever size the file reports, so a growing file, `/proc` files and
 * devices cannot make it read without end. Throws {@link InputError}.
 *
 * The calls are synchronous: a policy file is a few kilobytes from the page cache, and each call of fs/promises costs
 * a thread-pool round trip (four per file), which made reading a fifth of linting 200 files.
 */
export async function readRegularFile(path: string, limit = MAX_INPUT_BYTES, name = path): Promise<Buffer> {
  let fd;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    throw new InputError(`Cannot read ${name}: ${describeErrno(err)}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError(`Cannot read ${name}: ${describeFileType(st)}, not a regular file`);
    const chunks: Buffer[] = [];
    let total = 0;
    // The first read asks for the reported size and one byte more, so a typical file takes one read and one to see EOF.
    let want = Math.min(limit + 1, Math.max(st.size + 1, CHUNK_BYTES));
    while (total <= limit) {
      const length = Math.min(want, limit + 1 - total);
      const buffer = scratchFor(length);
      const bytesRead = readSync(fd, buffer, 0, length, null);
      if (bytesRead === 0) break;
      // Each file keeps a copy of what it read, not the read buffer: a few kilobytes instead of two fresh 64 KB
      // buffers per file, which over a folder of policies made the garbage collector run far more often.
      chunks.push(buffer === scratch ? Buffer.from(buffer.subarray(0, bytesRead)) : buffer.subarray(0, bytesRead));
      total += bytesRead;
      want = CHUNK_BYTES;
    }
    if (total > limit) throw new TooLargeError(`Cannot read ${name}: ${tooLargeReason(limit)}`);
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`Cannot read ${name}: ${describeErrno(err)}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a stream (standard input) to its end or to `limit + 1` bytes, whichever comes first; the caller refuses a
 * result longer than `limit`. Leaving the loop early destroys the stream, so a writer that keeps going gets EPIPE.
 */
export async function readStreamCapped(stream: AsyncIterable<Uint8Array | string>, limit = MAX_INPUT_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    chunks.push(bytes);
    total += bytes.length;
    if (total > limit) break;
  }
  return Buffer.concat(chunks, Math.min(total, limit + 1));
}

/** A text decoded from bytes: the text without its byte-order mark, and whether it had one (so `--fix` keeps it). */
export interface DecodedText {
  text: string;
  bom: boolean;
}

/** Why bytes are not UTF-8, plus a best-effort decoding so the caller can still tell whether they look like a policy. */
export class EncodingError extends InputError {
  constructor(
    name: string,
    /** "encoded as UTF-16LE", "not valid UTF-8 (byte 0xFF at byte offset 12, line 2)". */
    readonly reason: string,
    /** The text decoded as well as possible (UTF-16 as UTF-16, invalid UTF-8 with U+FFFD): for detection only. */
    readonly lossyText: string,
  ) {
    super(`Cannot lint ${name}: ${reason}; save it as UTF-8`);
  }
}

/**
 * Decodes a policy file as the editor does: UTF-8, a leading BOM removed (VS Code's document text has none, so
 * ranges match what the editor shows). UTF-16 and UTF-32 (by BOM, or by the NUL bytes every ASCII character has
 * there) and invalid UTF-8 throw {@link EncodingError} naming the encoding or the first bad byte's offset; bytes
 * are never silently replaced with U+FFFD.
 */
export function decodeText(bytes: Uint8Array, name: string): DecodedText {
  const wide = wideEncoding(bytes);
  if (wide) {
    const lossy = wide.startsWith('UTF-16') ? new TextDecoder(wide.toLowerCase()).decode(bytes) : '';
    throw new EncodingError(name, `encoded as ${wide}`, lossy);
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (!isUtf8(body)) {
    const at = firstInvalidUtf8(body) + (bom ? 3 : 0);
    const line = countLines(bytes, at);
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new EncodingError(name, `not valid UTF-8 (byte 0x${byte} at byte offset ${at}, line ${line})`, Buffer.from(body).toString('utf8'));
  }
  return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), bom };
}

/** UTF-16/UTF-32 with their byte order, by BOM or by the NUL pattern of a JSON text's first (ASCII) character. */
function wideEncoding(b: Uint8Array): string | undefined {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32LE';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32BE';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'UTF-16LE';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE';
  if (b.length >= 4 && b[0] !== 0 && b[1] === 0 && b[2] === 0 && b[3] === 0) return 'UTF-32LE';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] !== 0) return 'UTF-32BE';
  if (b.length >= 2 && b[0] !== 0 && b[1] === 0) return 'UTF-16LE';
  if (b.length >= 2 && b[0] === 0 && b[1] !== 0) return 'UTF-16BE';
  return undefined;
}

/** The byte offset where the first ill-formed UTF-8 sequence starts (Unicode table 3-7), or -1 when there is none. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const cont = (i: number, lo = 0x80, hi = 0xbf): boolean => i < b.length && (b[i] as number) >= lo && (b[i] as number) <= hi;
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) i += 1;
    else if (c >= 0xc2 && c <= 0xdf && cont(i + 1)) i += 2;
    else if (c === 0xe0 && cont(i + 1, 0xa0) && cont(i + 2)) i += 3;
    else if (((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) && cont(i + 1) && cont(i + 2)) i += 3;
    else if (c === 0xed && cont(i + 1, 0x80, 0x9f) && cont(i + 2)) i += 3;
    else if (c === 0xf0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (c >= 0xf1 && c <= 0xf3 && cont(i + 1) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (c === 0xf4 && cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3)) i += 4;
    else return i;
  }
  return -1;
}

function countLines(b: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (b[i] === 0x0a) line++;
  return line;
}

/** "a FIFO (named pipe)", "a character device" …: what a non-regular file is, for messages. */
export function describeFileType(st: Pick<Stats, 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket' | 'isSymbolicLink'>): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'a special file';
}

/** A short reason for a failed file system call, from its errno code. */
export function describeErrno(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return code ?? (err instanceof Error ? err.message : String(err));
  }
}

/** Why an input over the limit is refused. */
export function tooLargeReason(limit = MAX_INPUT_BYTES): string {
  const size = limit % (1024 * 1024) === 0 ? `${limit / 1024 / 1024} MB` : `${limit} bytes`;
  return `larger than ${size}, the limit (an IAM policy is at most 10,240 characters)`;
}
