import { storedLogEntry, type RecordedEvent } from '@ledger/event-store';
import { formatTlogProof, utf8 } from '@ledger/integrity';
import type { StoredCheckpoint } from './log-store';
import type { TiledLog } from './tiled-log';

/**
 * The c2sp.org/tlog-proof file of one event: its log entry (public data only) as `extra`, its index,
 * the audit path to the root of `checkpoint`, and that signed checkpoint. What `ledger proof`
 * writes and `/log/proof/<event id>` serves, checked by scripts/verify-proof.mjs and the portal.
 */
export function eventProofFile(log: TiledLog, checkpoint: StoredCheckpoint, event: RecordedEvent): string {
  return formatTlogProof({
    extra: utf8(storedLogEntry(event)),
    index: event.sequence,
    inclusionProof: log.inclusionProof(event.sequence, checkpoint.treeSize),
    signedCheckpoint: checkpoint.note,
  });
}
