import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A secret kept in the data dir: read when the file exists, otherwise 48 random bytes created once
 * (directory 0700, file 0600), so a fresh ledger is secure without setup. Never logged.
 */
export function readOrCreateSecretFile(file: string): string {
  if (!existsSync(file)) writeSecretFileOnce(file, randomBytes(48).toString('base64url'));
  return readFileSync(file, 'utf8').trim();
}

/**
 * Creates a secret file with `content` (directory 0700, file 0600) unless it exists already; the
 * caller reads the file afterwards, since another process may have written its own first.
 */
export function writeSecretFileOnce(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // Written whole under a private name, then linked into place: if two processes start at once,
  // the first link wins and the second reads it, and nobody can read a file still being written
  // (a plain create-then-write let a concurrent reader take an empty secret).
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(draft, content, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  chmodSync(file, 0o600);
}
