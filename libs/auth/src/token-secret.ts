import { readOrCreateSecretFile } from '@ledger/config';

/**
 * The JWT signing secret: LEDGER_TOKEN_SECRET when set, otherwise a random secret kept in the
 * data dir (mode 0600), created on first use. The secret is never logged.
 */
export function resolveTokenSecret(fromEnv: string | undefined, file: string): Uint8Array {
  return new TextEncoder().encode(fromEnv || readOrCreateSecretFile(file));
}
