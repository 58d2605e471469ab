import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readLedgerReadModels } from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import type { RecordedEvent } from '@ledger/event-store';
import { ANONYMOUS } from '@ledger/investigation';
import { eventProofFile } from '@ledger/transparency-log';
import { CheckFailed, UsageError } from '../cli-errors';
import { withSignedLog } from './signed-log';
import { traceAtTheConsole, traceQueriesOn } from './trace-of';

export const proofUsage =
  'proof EVENT_ID [--out FILE]                 an offline proof (c2sp.org/tlog-proof) that the event is in the signed log;\n' +
  'proof NODE_ID --out DIR                      one for every event of a node\'s trace (a decision, measure, vote, clause...);\n' +
  '                                             check them with scripts/verify-proof.mjs and the key at /.well-known/ledger-key.json';

const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Writes c2sp.org/tlog-proof files: for one event, or for every event of a node's trace (what
 * trace(id) and `investigate` show: for a decision, the request, the decision, the clause versions
 * it rests on and the votes and signature that adopted them). Each holds the event's index, its
 * audit path to the root of the latest signed checkpoint, that checkpoint, and (as `extra`) its
 * log entry, which holds public data only. With the log's public key, anyone can then check
 * offline that each entry is in the log the city signed, without asking the city anything.
 */
export async function proofCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError('proof needs exactly one id: an event id (a UUID, as `events` lists them) or a node id such as decision:<uuid>');
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a file name');
  const id = positionals[0];

  const { events, subject } = await readLedgerReadModels(config, ({ db }) => {
    const queries = traceQueriesOn(db);
    const event = EVENT_ID.test(id) ? queries.eventLog.byEventId(id.toLowerCase()) : null;
    if (event) return { events: [event], subject: null };
    // The events as stored (their entries need the salts), in the order the trace lists them.
    const trace = traceAtTheConsole(queries, id, ANONYMOUS);
    return { events: trace.events.map((shown) => queries.eventLog.byEventId(shown.eventId)!), subject: `${trace.subject.kind} ${trace.subject.id}` };
  });
  if (subject && values.out === undefined) throw new UsageError(`the trace of ${subject} has ${events.length} events: give --out DIR for their proof files`);

  withSignedLog(config, (signed) => {
    if (!signed) throw new CheckFailed('the ledger has no transparency log yet: start the server once, and it builds and signs it');
    const { log, checkpoint } = signed;
    const unsigned = events.filter((event) => !checkpoint || event.sequence >= checkpoint.treeSize);
    if (!checkpoint || unsigned.length > 0) {
      const which = unsigned.length === 1 ? `event ${unsigned[0].eventId} (sequence ${unsigned[0].sequence}) is` : `${unsigned.length} of its events are`;
      throw new CheckFailed(`${which} not in a signed checkpoint yet (latest: ${checkpoint?.treeSize ?? 0} events); try again in a second, with the server running`);
    }
    const proofOf = (event: RecordedEvent) => eventProofFile(log, checkpoint, event);
    if (!subject) {
      if (values.out === undefined) {
        process.stdout.write(proofOf(events[0]));
        return;
      }
      const out = resolve(values.out);
      writeFileSync(out, proofOf(events[0]));
      console.log(out);
      return;
    }
    const dir = resolve(values.out!);
    mkdirSync(dir, { recursive: true });
    for (const event of events) {
      const out = join(dir, `${String(event.sequence).padStart(8, '0')}-${event.type}.tlog-proof`);
      writeFileSync(out, proofOf(event));
      console.log(out);
    }
    console.log(`${events.length} proofs: the trace of ${subject}, each against the checkpoint of ${checkpoint.treeSize} events`);
  });
}
