import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { isSubjectRef, subjectRefWith, type EncryptedDetails, type SubjectVault } from '@ledger/privacy';
import { SubjectKeyStore } from './subject-key.store';
import { resolveSubjectRefKey } from './subject-ref-key';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface FileSubjectVaultOptions {
  /** `<dataDir>/secrets/subject-keys.db` (dataPaths(config).subjectKeys) */
  keysFile: string;
  /** `<dataDir>/secrets/subject-ref-key` (dataPaths(config).subjectRefKey): used when refKey is absent */
  refKeyFile: string;
  /** LEDGER_SUBJECT_KEY (config.subjectKey), at least 32 bytes */
  refKey?: string;
  busyTimeoutMs?: number;
  now?: () => Date;
}

/**
 * The subject vault on local files (docs/ARCHITECTURE.md, "Privacy"): references are keyed HMACs, and
 * personal details are sealed with AES-256-GCM under a per-subject key that `erase` destroys.
 * Nothing here logs: identifiers, keys and plaintext pass through only as arguments and results.
 */
export class FileSubjectVault implements SubjectVault {
  private keyStore: SubjectKeyStore | null = null;
  private refKey: Buffer | null = null;

  constructor(private readonly options: FileSubjectVaultOptions) {}

  // Opened (and, the first time, created) on first use, like the reference key: a server starting
  // on a data dir whose key file was lost must be able to notice that before anything recreates it.
  private get keys(): SubjectKeyStore {
    const { keysFile, busyTimeoutMs, now } = this.options;
    this.keyStore ??= new SubjectKeyStore({ file: keysFile, busyTimeoutMs, now });
    return this.keyStore;
  }

  subjectRefOf(identifier: string): string {
    // Resolved on first use, so that erasing (the CLI) never creates a reference key it does not need.
    this.refKey ??= resolveSubjectRefKey(this.options.refKey, this.options.refKeyFile);
    return subjectRefWith(this.refKey, identifier);
  }

  encrypt(subjectRef: string, plaintext: string): EncryptedDetails {
    if (!isSubjectRef(subjectRef)) throw new Error('encrypt needs a subject reference (subj_ + 32 hex chars)');
    const key = this.keys.findOrCreate(subjectRef);
    try {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      // Binding the reference means sealed details cannot be relabelled as another subject's.
      cipher.setAAD(Buffer.from(subjectRef, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return {
        algorithm: 'AES-256-GCM',
        keyId: subjectRef,
        iv: iv.toString('base64'),
        ciphertext: ciphertext.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      };
    } finally {
      key.fill(0);
    }
  }

  decrypt(details: EncryptedDetails): string | null {
    const parts = decodedParts(details);
    if (!parts) return null;
    const key = this.keys.find(details.keyId);
    if (!key) return null;
    try {
      const decipher = createDecipheriv(ALGORITHM, key, parts.iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(details.keyId, 'utf8'));
      decipher.setAuthTag(parts.tag);
      return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString('utf8');
    } catch {
      // GCM refuses tampered or mislabelled data at final(); the port answers null, not an error.
      return null;
    } finally {
      key.fill(0);
    }
  }

  erase(subjectRef: string): boolean {
    if (!isSubjectRef(subjectRef)) return false;
    return this.keys.remove(subjectRef);
  }

  close(): void {
    this.keyStore?.close();
    this.keyStore = null;
    this.refKey?.fill(0);
    this.refKey = null;
  }
}

/** Stored details come from the log, perhaps from an import: check their shape before trusting it. */
function decodedParts(details: EncryptedDetails | null | undefined): { iv: Buffer; ciphertext: Buffer; tag: Buffer } | null {
  if (typeof details !== 'object' || details === null) return null;
  const { algorithm, keyId, iv, ciphertext, tag } = details;
  if (algorithm !== 'AES-256-GCM' || !isSubjectRef(keyId)) return null;
  if (![iv, ciphertext, tag].every((field) => typeof field === 'string' && BASE64.test(field))) return null;
  const parts = { iv: Buffer.from(iv, 'base64'), ciphertext: Buffer.from(ciphertext, 'base64'), tag: Buffer.from(tag, 'base64') };
  return parts.iv.length === IV_BYTES && parts.tag.length === TAG_BYTES ? parts : null;
}
