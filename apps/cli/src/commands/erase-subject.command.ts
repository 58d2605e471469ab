import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createSubjectVault } from '@ledger/composition';
import { dataPaths, type LedgerConfig } from '@ledger/config';
import { isSubjectRef } from '@ledger/privacy';
import { CheckFailed, UsageError } from '../cli-errors';

export const eraseSubjectUsage = "erase-subject REF                          destroy a subject's key: their personal details become unreadable";

/**
 * Erasure on request (docs/ARCHITECTURE.md, "Privacy"): the subject's key goes, the events stay, so every
 * hash and proof remains valid. Runs beside a live API server: the vault is a shared SQLite file.
 */
export async function eraseSubjectCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError('erase-subject needs exactly one subject reference (subj_ + 32 lowercase hex chars)');
  const [subjectRef] = positionals;
  // Not echoed: an operator who pasted the resident's identifier instead must not see it in a log.
  if (!isSubjectRef(subjectRef)) throw new UsageError("REF is not a subject reference (subj_ + 32 lowercase hex chars); a resident's identifier gives one: ledger subject-ref IDENTIFIER");

  const paths = dataPaths(config);
  // Opening the vault would create it: a ledger that never stored a key has nothing to erase.
  if (!existsSync(paths.subjectKeys)) throw new CheckFailed(`no key for ${subjectRef}: this ledger has no subject keys`);
  const vault = createSubjectVault(config);
  try {
    if (!vault.erase(subjectRef)) throw new CheckFailed(`no key for ${subjectRef}: never created, or already erased`);
  } finally {
    vault.close();
  }
  console.log(`erased the key of ${subjectRef}: its personal details can no longer be decrypted; events, hashes and proofs are unchanged`);
}
