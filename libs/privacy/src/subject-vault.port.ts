/**
 * The ledger records decisions about residents and must not become the database it governs
 * (docs/ARCHITECTURE.md, "Privacy"). The vault keeps everything that identifies a resident outside the
 * log: the HMAC key that turns an identifier into a pseudonymous reference, and one encryption key
 * per subject for their personal details. Erasing a subject's key makes their details unreadable
 * while every event, hash and proof stays as it was.
 */
export interface EncryptedDetails {
  algorithm: 'AES-256-GCM';
  /** the subject reference whose key encrypts it */
  keyId: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

export interface SubjectVault {
  /** `subj_` + 32 hex chars: keyed HMAC-SHA-256 of the normalized identifier */
  subjectRefOf(identifier: string): string;
  /** encrypts under the subject's key, creating the key on first use */
  encrypt(subjectRef: string, plaintext: string): EncryptedDetails;
  /** the plaintext, or null when the subject's key was erased (or the data does not decrypt) */
  decrypt(details: EncryptedDetails): string | null;
  /** destroys the subject's key; false when there was none */
  erase(subjectRef: string): boolean;
}

export const SUBJECT_VAULT = Symbol('SUBJECT_VAULT');
