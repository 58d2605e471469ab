'use strict';
/**
 * Child process of sqlite-kill9.test.ts: appends to the ledger file given as argv[2] until it is
 * killed, printing one JSON line per acknowledged append. It runs on the built code in dist/,
 * the code that runs in production, and is plain JavaScript so it needs no compiler at run time.
 *
 * Every worker owns one stream and appends one or three events at a time with the exact expected
 * revision, all concurrently, so group-commit batches with savepoints are in flight when the kill
 * lands. Each event's data names its append (id, index, size) so the parent can tell a partial
 * append apart even when its acknowledgement never got out.
 */
const { randomUUID } = require('node:crypto');
const { join } = require('node:path');

const { SqliteEventStore } = require(join(__dirname, '../../dist/libs/event-store-sqlite/src/index.js'));

const [file, cycle, workersArg] = process.argv.slice(2);
const WORKERS = Number(workersArg);
const clerk = { id: 'person:crash-test-clerk', name: 'Crash Test Clerk', role: 'clerk' };

function print(message) {
  // Only complete lines count in the parent, so a line cut short by the kill is simply dropped.
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

async function main() {
  const store = new SqliteEventStore({ file });
  const streams = Array.from({ length: WORKERS }, (_, w) => `crash-stream-${w}`);
  // Continue each stream from what the previous (killed) run left behind, as a restarted
  // service would: an acknowledged-but-unprinted append shows up here, not as a conflict.
  const revisions = {};
  for (const streamId of streams) revisions[streamId] = (await store.readStream(streamId)).length - 1;
  print({ ready: true, revisions });

  let appendNumber = 0;
  const worker = async (streamId) => {
    let expected = revisions[streamId] < 0 ? 'no-stream' : revisions[streamId];
    for (;;) {
      const appendId = `${cycle}-${appendNumber++}`;
      const size = Math.random() < 0.5 ? 1 : 3;
      const events = Array.from({ length: size }, (_, index) => ({
        eventId: randomUUID(),
        type: 'CrashTestRecorded',
        schemaVersion: 1,
        occurredAt: '2017-08-28T23:40:00Z',
        recordedBy: clerk,
        correlationId: appendId,
        causationId: null,
        data: { appendId, index, size, note: 'kill -9 survives only what was acknowledged' },
      }));
      const result = await store.append(streamId, events, expected);
      expected = result.revision;
      print({ ack: appendId, streamId, revision: result.revision, sequences: result.sequences, eventIds: events.map((e) => e.eventId) });
    }
  };
  await Promise.all(streams.map(worker));
}

main().catch((error) => {
  // Any refusal (a wrong expected revision, a closed store) is a bug the parent must see.
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
