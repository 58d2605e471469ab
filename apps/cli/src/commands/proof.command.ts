import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readLedgerReadModels } from '@ledger/composition';
import { dataPaths, type LedgerConfig } from '@ledger/config';
import { storedLogEntry } from '@ledger/event-store';
import { formatTlogProof, nodeIntegrityCrypto, treeHasher, utf8 } from '@ledger/integrity';
import { EventLogQueries } from '@ledger/projections';
import { LogStore, TiledLog } from '@ledger/transparency-log';
import { CheckFailed, UsageError } from '../cli-errors';

export const proofUsage =
  'proof EVENT_ID [--out FILE]                 an offline proof (c2sp.org/tlog-proof) that the event is in the signed log;\n' +
  '                                             check it with scripts/verify-proof.mjs and the key at /.well-known/ledger-key.json';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Writes a c2sp.org/tlog-proof file for one event: its index, the audit path to the root of the
 * latest signed checkpoint, that checkpoint, and (as the file's `extra`) the event's log entry, which
 * holds public data only. With the log's public key, anyone can then check offline that this entry
 * is in the log the city signed, without asking the city anything.
 */
export async function proofCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1 || !UUID.test(positionals[0])) throw new UsageError('proof needs exactly one event id (a UUID, as `events` lists them)');
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a file name');
  const eventId = positionals[0].toLowerCase();

  const event = await readLedgerReadModels(config, ({ db }) => new EventLogQueries(db).byEventId(eventId));
  if (!event) throw new CheckFailed(`no event ${eventId} in the ledger`);
  const file = dataPaths(config).log;
  if (!existsSync(file)) throw new CheckFailed('the ledger has no transparency log yet: start the server once, and it builds and signs it');
  // Read-only: a running server owns log.db; a proof never changes it.
  const store = LogStore.openReadOnly(file);
  try {
    const version = store.state()?.version;
    if (version !== TiledLog.VERSION) throw new CheckFailed(`log.db holds a tree of layout version ${version}, not ${TiledLog.VERSION}: start the server of this version once, and it builds the log anew`);
    const checkpoint = store.latestCheckpoint();
    if (!checkpoint || event.sequence >= checkpoint.treeSize) {
      throw new CheckFailed(`event ${eventId} (sequence ${event.sequence}) is not in a signed checkpoint yet (latest: ${checkpoint?.treeSize ?? 0} events); try again in a second, with the server running`);
    }
    const log = new TiledLog(store, treeHasher(nodeIntegrityCrypto));
    const text = formatTlogProof({
      extra: utf8(storedLogEntry(event)),
      index: event.sequence,
      inclusionProof: log.inclusionProof(event.sequence, checkpoint.treeSize),
      signedCheckpoint: checkpoint.note,
    });
    if (values.out === undefined) {
      process.stdout.write(text);
      return;
    }
    const out = resolve(values.out);
    writeFileSync(out, text);
    console.log(out);
  } finally {
    store.close();
  }
}
