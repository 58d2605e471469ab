import { join } from 'node:path';
import { createEventStore, ledgerReadModelsRunner, rebuildReadModels } from '@ledger/composition';
import { loadConfig } from '@ledger/config';
import { EventSchemaRegistry } from '@ledger/event-schemas';
import { openReadModelDatabase } from '@ledger/projections';
import { readModelDigest } from '../support/read-model-digest';
import { removeDir, runCli, tempDataDir } from '../support/ledger-process';

// A generated city through the built CLI, then three builds of its read models in this process.
jest.setTimeout(180_000);

/**
 * The read models come out the same whichever way they are built: event by event as a server
 * follows the log (small batches), in a rebuild that applies every event, and in a rebuild that
 * copies the event log's rows from the embedded store's table (what `ledger rebuild` does).
 */
describe('read models built three ways from the same generated ledger (real SQLite files)', () => {
  const dirs: string[] = [];
  const dir = (prefix: string) => {
    const made = tempDataDir(prefix);
    dirs.push(made);
    return made;
  };
  afterAll(() => dirs.forEach(removeDir));

  it('are identical, table by table', async () => {
    const ledger = dir('ledger-rebuild-paths-');
    const generated = await runCli(['generate', '--events', '2500', '--seed', '11', '--no-read-models'], { LEDGER_DATA_DIR: ledger });
    expect({ code: generated.code, stderr: generated.stderr }).toEqual({ code: 0, stderr: '' });

    const config = loadConfig({ LEDGER_DATA_DIR: ledger, LEDGER_STORE: 'sqlite' });
    const registry = EventSchemaRegistry.fromDirectory();
    const store = createEventStore(config);
    const [followed, applied, copied] = [dir('ledger-followed-'), dir('ledger-applied-'), dir('ledger-copied-')];
    try {
      const db = openReadModelDatabase(join(followed, 'read-models.db'));
      try {
        await ledgerReadModelsRunner(store, db, registry, { batchSize: 37 }).catchUp();
      } finally {
        db.close();
      }
      const perEvent = await rebuildReadModels(store, join(applied, 'read-models.db'), registry);
      const withCopy = await rebuildReadModels(store, join(copied, 'read-models.db'), registry, undefined, { eventsFile: join(ledger, 'events.db') });
      expect(withCopy).toBe(perEvent);
      expect(perEvent).toBe((await store.lastSequence()));
    } finally {
      await store.close();
    }
    const digest = readModelDigest(followed);
    expect(Object.keys(digest)).toEqual(expect.arrayContaining(['ledger_events', 'decisions', 'votes', 'clause_rule_matches']));
    expect(readModelDigest(applied)).toEqual(digest);
    expect(readModelDigest(copied)).toEqual(digest);
  });
});
