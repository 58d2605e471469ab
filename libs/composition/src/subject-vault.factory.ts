import { dataPaths, type LedgerConfig } from '@ledger/config';
import { FileSubjectVault } from '@ledger/subject-vault-file';

/**
 * The subject vault of a data dir: its keys in secrets/subject-keys.db, references keyed by
 * LEDGER_SUBJECT_KEY or secrets/subject-ref-key. Here, so that the apps (the server, and the CLI's
 * erase-subject beside it) share one vault without naming its adapter.
 */
export function createSubjectVault(config: LedgerConfig): FileSubjectVault {
  const paths = dataPaths(config);
  return new FileSubjectVault({ keysFile: paths.subjectKeys, refKeyFile: paths.subjectRefKey, refKey: config.subjectKey });
}
