import { existsSync, readFileSync } from 'node:fs';
import { ConfigError, MissingSecret, writeSecretFileOnce } from '@ledger/config';
import {
  formatSignerKey,
  generateSignerKey,
  isValidKeyName,
  keyIdHex,
  parseSignerKey,
  parseVerifierKey,
  verifierKeyOf,
  type IntegrityCrypto,
  type NoteSignerKey,
  type NoteVerifierKey,
} from '@ledger/integrity';
import type { LogState } from './log-store';

export interface SigningKeySource {
  /** LEDGER_SIGNING_KEY_FILE: a signer key in Go's note format (PRIVATE+KEY+name+id+key) */
  keyFile?: string;
  /** where the ledger keeps a key it generated (the data dir's secrets) */
  generatedFile: string;
  /** the checkpoints' origin (LEDGER_LOG_ORIGIN), also the name of a generated key */
  origin: string;
}

/**
 * The key that signs the log's checkpoints: the operator's (LEDGER_SIGNING_KEY_FILE), or one the
 * ledger generated into its secrets on first start. Refused (MissingSecret, ConfigError: the server
 * does not start) when signing with it would break the log for whoever follows it: checkpoints exist
 * but the key that signed them is gone, another key is configured, or the origin changed. A new key
 * silently replacing the old would make every copy of the old checkpoints unverifiable.
 */
export function loadSigningKey(crypto: IntegrityCrypto, source: SigningKeySource, state: LogState | null): NoteSignerKey {
  if (!isValidOrigin(source.origin)) {
    throw new ConfigError(`LEDGER_LOG_ORIGIN must be a schema-less URL such as ledger.denver.example/council (no spaces, no scheme), got ${JSON.stringify(source.origin)}`);
  }
  if (state?.origin && state.origin !== source.origin) {
    throw new ConfigError(`the log's checkpoints were signed for origin ${state.origin}; LEDGER_LOG_ORIGIN says ${source.origin} (another origin is another log)`);
  }
  const key = source.keyFile !== undefined ? readKeyFile(crypto, source.keyFile, 'LEDGER_SIGNING_KEY_FILE') : generatedKey(crypto, source, state);
  if (state?.keyId && keyIdHex(key.keyId) !== state.keyId) {
    throw new ConfigError(`the log's checkpoints were signed with key ${state.keyId}; the configured key is ${keyIdHex(key.keyId)} (restore the key that signed them)`);
  }
  return key;
}

function generatedKey(crypto: IntegrityCrypto, source: SigningKeySource, state: LogState | null): NoteSignerKey {
  if (existsSync(source.generatedFile)) return readKeyFile(crypto, source.generatedFile, 'the log signing key');
  if (state?.keyId) {
    throw new MissingSecret(`the log signing key ${source.generatedFile} is missing, but checkpoints signed with key ${state.keyId} exist: restore it (or set LEDGER_SIGNING_KEY_FILE to it)`);
  }
  const key = generateSignerKey(crypto, source.origin);
  writeSecretFileOnce(source.generatedFile, `${formatSignerKey(key)}\n`);
  // Another process may have written its own first: the file is the key.
  return readKeyFile(crypto, source.generatedFile, 'the log signing key');
}

/**
 * The key that checks the log's checkpoints (`ledger verify`), from the same file the server signs
 * with: a signer key gives its verifier key; a verifier key (vkey, as /.well-known/ledger-key.json
 * serves it) is taken as it is, so an auditor can verify without holding the private key.
 */
export function readLogVerifierKey(crypto: IntegrityCrypto, file: string): NoteVerifierKey {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new ConfigError(`the log's key ${file} cannot be read: ${(error as Error).message}`);
  }
  if (text.startsWith('PRIVATE+KEY+')) return verifierKeyOf(readKeyFile(crypto, file, 'the log signing key'));
  try {
    return parseVerifierKey(crypto, text);
  } catch (error) {
    throw new ConfigError(`the log's key ${file} is neither a signer key (PRIVATE+KEY+name+id+key) nor a verifier key (name+id+key): ${(error as Error).message}`);
  }
}

function readKeyFile(crypto: IntegrityCrypto, file: string, what: string): NoteSignerKey {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new ConfigError(`${what} ${file} cannot be read: ${(error as Error).message}`);
  }
  try {
    return parseSignerKey(crypto, text);
  } catch (error) {
    throw new ConfigError(`${what} ${file} is not a signer key in Go's note format (PRIVATE+KEY+name+id+key): ${(error as Error).message}`);
  }
}

/** A checkpoint origin: a schema-less URL, which is also a valid note key name. */
export function isValidOrigin(origin: string): boolean {
  return origin.length > 0 && !/^[a-z][a-z0-9+.-]*:\/\//i.test(origin) && isValidKeyName(origin);
}
