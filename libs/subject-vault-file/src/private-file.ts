import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Creates `file` (and its directory, 0700) readable by the owner only, before anything is written
 * to it: a file created with the default umask and tightened afterwards would be readable by
 * others for a moment. SQLite gives its -wal and -shm files the mode of the database file, so
 * creating the database this way covers them too.
 */
export function ensurePrivateFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}
