import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEventStoreConformance } from '@ledger/event-store/conformance';
import { SqliteEventStore } from './sqlite-event-store.adapter';

runEventStoreConformance('SQLite (real file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.db'), pollIntervalMs: 50 });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
