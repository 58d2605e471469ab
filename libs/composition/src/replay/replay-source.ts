import { existsSync } from 'node:fs';
import { ConfigError, dataPaths, type LedgerConfig } from '@ledger/config';
import type { ReplayManifest } from './replay-manifest';

/**
 * Whether the data dir holds a ledger. Opening the embedded store creates one, so a command that
 * only reads (replay, export) asks first instead of quietly reading a new, empty ledger.
 */
export function ledgerExists(config: LedgerConfig): boolean {
  return config.store !== 'sqlite' || existsSync(dataPaths(config).events);
}

/**
 * The configuration of the ledger a replay was built from: its data dir and store, from the
 * manifest; everything else (port, host, connection string, keys) from the environment.
 */
export function replaySourceConfig(manifest: ReplayManifest, env: LedgerConfig): LedgerConfig {
  const config: LedgerConfig = { ...env, dataDir: manifest.source.dataDir, store: manifest.source.store };
  if (config.store === 'eventstoredb' && !config.eventStoreConnectionString) {
    throw new ConfigError('this replay was built from EventStoreDB: serving it needs EVENTSTORE_CONNECTION_STRING');
  }
  return config;
}
