import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SUBJECT_IDENTIFIER_MAX, isSubjectIdentifier } from '@ledger/application';
import { createSubjectVault } from '@ledger/composition';
import { dataPaths, type LedgerConfig } from '@ledger/config';
import { CheckFailed, UsageError } from '../cli-errors';

export const subjectRefUsage = "subject-ref IDENTIFIER                     the reference of a resident's identifier (a booking number), as recorded with their requests";

/**
 * A resident brings what they know (a booking number), the ledger knows only its keyed reference:
 * this turns the one into the other with the vault the server uses when it receives a request
 * (SubjectVault.subjectRefOf: the same normalization, the same key), so that oversight can look up
 * their requests and erase-subject can start from it. The reference is stdout's last line; the
 * identifier is never echoed, on either stream.
 */
export async function subjectRefCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError('subject-ref needs exactly one IDENTIFIER (quote one that holds spaces: "AB 123 456")');
  const [identifier] = positionals;
  // The rule the server applies to a request's subjectIdentifier: an identifier it would refuse has no reference.
  if (!isSubjectIdentifier(identifier)) throw new UsageError(`IDENTIFIER must be 1 to ${SUBJECT_IDENTIFIER_MAX} characters of well-formed Unicode text, not blank`);

  const paths = dataPaths(config);
  // The vault creates a key on first use. A reference under a key made now would match nothing
  // recorded, so without one there is nothing to compute.
  if (!config.subjectKey && !existsSync(paths.subjectRefKey)) {
    throw new CheckFailed(
      `this ledger has no subject reference key: ${paths.subjectRefKey} does not exist and LEDGER_SUBJECT_KEY is not set. ` +
        'It is created when the first data request is received; if requests were recorded, restore it from the backup of secrets/ (README, "Backup and restore")',
    );
  }
  const vault = createSubjectVault(config);
  let subjectRef: string;
  try {
    subjectRef = vault.subjectRefOf(identifier);
  } finally {
    vault.close();
  }
  const key = config.subjectKey ? 'LEDGER_SUBJECT_KEY' : paths.subjectRefKey;
  console.error(
    `the subject reference of that identifier under this ledger's key (${key}), spacing and case ignored: ` +
      'data requests name their subject by it (DataRequest.subjectRef, for oversight), and erase-subject takes it',
  );
  console.log(subjectRef);
}
