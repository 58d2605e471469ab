import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The JWT signing secret: LEDGER_TOKEN_SECRET when set, otherwise a random secret kept in the
 * data dir (mode 0600), created on first use so that a fresh ledger is secure without setup.
 * The secret is never logged.
 */
export function resolveTokenSecret(fromEnv: string | undefined, file: string): Uint8Array {
  if (fromEnv) return new TextEncoder().encode(fromEnv);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    try {
      // 'wx': if two processes start at once, the first file wins and the second reads it.
      writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    chmodSync(file, 0o600);
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}
