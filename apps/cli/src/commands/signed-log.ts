import { existsSync } from 'node:fs';
import { dataPaths, type LedgerConfig } from '@ledger/config';
import { nodeIntegrityCrypto, toHex, treeHasher } from '@ledger/integrity';
import { LogStore, TiledLog, type StoredCheckpoint } from '@ledger/transparency-log';
import { CheckFailed } from '../cli-errors';

/** The transparency log as the CLI reads it: its tree (tiles) and its latest signed checkpoint. */
export interface SignedLog {
  log: TiledLog;
  /** null while no checkpoint has been signed */
  checkpoint: StoredCheckpoint | null;
  /** the audit path (hex) of leaf `sequence` to the latest checkpoint's root; null when it does not cover it */
  auditPathHex(sequence: number): string[] | null;
}

/**
 * Runs `use` with the ledger's transparency log opened read-only (a running server owns log.db; the
 * CLI never changes it), or with null when the ledger has none yet (never served). A tree of another
 * layout version is refused: its tiles cannot be read by this version.
 */
export function withSignedLog<T>(config: LedgerConfig, use: (signed: SignedLog | null) => T): T {
  const file = dataPaths(config).log;
  if (!existsSync(file)) return use(null);
  const store = LogStore.openReadOnly(file);
  try {
    const version = store.state()?.version;
    if (version !== TiledLog.VERSION) throw new CheckFailed(`log.db holds a tree of layout version ${version}, not ${TiledLog.VERSION}: start the server of this version once, and it builds the log anew`);
    const log = new TiledLog(store, treeHasher(nodeIntegrityCrypto));
    const checkpoint = store.latestCheckpoint();
    const auditPathHex = (sequence: number) =>
      checkpoint && sequence < checkpoint.treeSize ? log.inclusionProof(sequence, checkpoint.treeSize).map(toHex) : null;
    return use({ log, checkpoint, auditPathHex });
  } finally {
    store.close();
  }
}
