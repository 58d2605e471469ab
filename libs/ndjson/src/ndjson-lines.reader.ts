import { closeSync, openSync, readSync } from 'node:fs';

export interface NdjsonLine {
  /** 1-based, as editors count */
  number: number;
  /** the line's text, without its newline; null when its bytes are not UTF-8 */
  text: string | null;
  /** false for a last line that the file ends in the middle of (no newline after it) */
  terminated: boolean;
}

const CHUNK = 1 << 20;
const NEWLINE = 0x0a;

/**
 * The lines of a file, read synchronously in chunks: an import validates and then writes from the
 * same sequence of lines inside one SQLite transaction, which cannot await. Lines are decoded
 * strictly, so bytes that are not UTF-8 are reported instead of silently replaced.
 */
export function* readNdjsonLines(file: string): Generator<NdjsonLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes: Buffer): string | null => {
    try {
      return decoder.decode(bytes);
    } catch {
      return null;
    }
  };
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let pending: Buffer[] = [];
    let number = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, null);
      if (read === 0) break;
      let start = 0;
      for (let end = buffer.indexOf(NEWLINE, 0); end !== -1 && end < read; end = buffer.indexOf(NEWLINE, start)) {
        pending.push(Buffer.from(buffer.subarray(start, end)));
        yield { number: ++number, text: decode(Buffer.concat(pending)), terminated: true };
        pending = [];
        start = end + 1;
      }
      if (start < read) pending.push(Buffer.from(buffer.subarray(start, read)));
    }
    if (pending.length > 0) yield { number: ++number, text: decode(Buffer.concat(pending)), terminated: false };
  } finally {
    closeSync(fd);
  }
}

/** Lines in the file, counted by newlines (plus an unterminated last one): a total for progress bars. */
export function countNdjsonLines(file: string): number {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let count = 0;
    let last = NEWLINE;
    for (let read = readSync(fd, buffer, 0, CHUNK, null); read > 0; read = readSync(fd, buffer, 0, CHUNK, null)) {
      for (let at = buffer.indexOf(NEWLINE, 0); at !== -1 && at < read; at = buffer.indexOf(NEWLINE, at + 1)) count++;
      last = buffer[read - 1];
    }
    return last === NEWLINE ? count : count + 1;
  } finally {
    closeSync(fd);
  }
}
