import { existsSync } from 'node:fs';
import { MissingSecret, dataPaths, type LedgerConfig } from '@ledger/config';
import type { DataRequestQueries } from '@ledger/projections';

const RESTORE = 'restore it from the backup of secrets/ taken with the log (README, "Backup and restore"), then start again';

/**
 * Refuses to serve a ledger whose data depends on a key that is gone. Without it the server would
 * generate a new key on first use and carry on: the same booking number would map to a new subject
 * reference, and every sealed personal detail would read as null, with nothing to say why. Run after
 * the read models caught up, so they describe the whole log.
 */
export function assertSecretsPresent(config: LedgerConfig, dataRequests: DataRequestQueries): void {
  const paths = dataPaths(config);
  const { requests, withPersonalDetails } = dataRequests.subjectKeyDependents();
  if (requests > 0 && !config.subjectKey && !existsSync(paths.subjectRefKey)) {
    throw new MissingSecret(
      `${paths.subjectRefKey} is missing, but the ledger holds ${requests} data request(s) whose subject references were made with it: ${RESTORE} ` +
        '(or set LEDGER_SUBJECT_KEY to the same key). A new key would make every recorded reference unmatchable.',
    );
  }
  if (withPersonalDetails > 0 && !existsSync(paths.subjectKeys)) {
    throw new MissingSecret(
      `${paths.subjectKeys} is missing, but the ledger holds ${withPersonalDetails} data request(s) with personal details sealed under its keys: ${RESTORE}. ` +
        'Without it every personal detail reads as null (to erase one subject, use ledger erase-subject instead).',
    );
  }
}
