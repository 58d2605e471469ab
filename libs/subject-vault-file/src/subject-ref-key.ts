import { readOrCreateSecretFile } from '@ledger/config';

/** Shorter keys would weaken the HMAC below its 256-bit output; LedgerConfig checks this too. */
export const MIN_SUBJECT_KEY_BYTES = 32;

/**
 * The HMAC key for subject references: LEDGER_SUBJECT_KEY when set, otherwise a random key kept in
 * the data dir (mode 0600), created on first use like the token secret. It must never change once
 * references were recorded (they would stop matching), so it is generated once and only read after.
 * Never logged.
 */
export function resolveSubjectRefKey(fromEnv: string | undefined, file: string): Buffer {
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'utf8');
    if (key.length < MIN_SUBJECT_KEY_BYTES) throw new Error(`LEDGER_SUBJECT_KEY must be at least ${MIN_SUBJECT_KEY_BYTES} bytes`);
    return key;
  }
  const key = Buffer.from(readOrCreateSecretFile(file), 'utf8');
  if (key.length < MIN_SUBJECT_KEY_BYTES) throw new Error(`${file} must hold a key of at least ${MIN_SUBJECT_KEY_BYTES} bytes`);
  return key;
}
