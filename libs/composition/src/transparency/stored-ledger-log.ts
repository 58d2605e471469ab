import { existsSync } from 'node:fs';
import { dataPaths, type LedgerConfig } from '@ledger/config';
import { SqliteRecordedLogReader } from '@ledger/event-store-sqlite';
import { nodeIntegrityCrypto, type NoteVerifierKey } from '@ledger/integrity';
import { LogStore, readLogVerifierKey, type LedgerLogToVerify } from '@ledger/transparency-log';

/** A ledger's log as stored, opened read-only for `ledger verify`; close it when done. */
export interface StoredLedgerLog extends LedgerLogToVerify {
  /** the key that checks the checkpoints: from the file the server signs with (read only when asked) */
  verifierKey(): NoteVerifierKey;
  close(): void;
}

/**
 * The embedded store's events and the transparency log's store (log.db, absent until a server
 * has run), both read-only: what verify judges must not be changed by judging it, and a server may
 * be writing both meanwhile. Only the embedded store: events in EventStoreDB are not read here.
 */
export function openStoredLedgerLog(config: LedgerConfig): StoredLedgerLog {
  if (config.store !== 'sqlite') throw new Error(`the stored log can be read from the embedded store only (LEDGER_STORE=sqlite), not ${config.store}`);
  const paths = dataPaths(config);
  const reader = SqliteRecordedLogReader.open(paths.events);
  let store: LogStore | null = null;
  try {
    store = existsSync(paths.log) ? LogStore.openReadOnly(paths.log) : null;
  } catch (error) {
    reader.close();
    throw error;
  }
  return {
    events: reader.events(),
    lastSequence: reader.lastSequence(),
    store,
    verifierKey: () => readLogVerifierKey(nodeIntegrityCrypto, config.signingKeyFile ?? paths.logSigningKey),
    close() {
      reader.close();
      store?.close();
    },
  };
}
