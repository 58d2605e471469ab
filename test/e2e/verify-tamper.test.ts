/**
 * `ledger verify` against tampering (issue 11, deliverables 7 and 9). A real data dir: the demo
 * seeded through the CLI, then the built server once, so log.db holds tiles and signed checkpoints,
 * with two mutations after a checkpoint was saved as a citizen would save it (/log/checkpoint).
 * Each case alters a fresh copy of it through SQLite with the events' immutability triggers dropped,
 * as someone with the files (not the API) would, and runs the built CLI on it.
 */
import Database from 'better-sqlite3';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { leafHashOf } from '@ledger/event-store';
import { toRecordedEvent, type EventRow } from '@ledger/event-store-sqlite';
import {
  fromHex,
  keyIdHex,
  nodeIntegrityCrypto,
  parseCheckpoint,
  parseNote,
  parseSignerKey,
  signCheckpoint,
  treeHasher,
  verifyConsistency,
} from '@ledger/integrity';
import { LogStore, TiledLog } from '@ledger/transparency-log';
import { readLog } from '../support/ledger-log';
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir, type CliResult } from '../support/ledger-process';

jest.setTimeout(180_000);

const ORIGIN = 'ledger.denver.example/verify-test';
const crypto = nodeIntegrityCrypto;
const hasher = treeHasher(crypto);

/** The sequences of the final passage vote on CB17-0766 in the demo, and of two earlier votes on it (read from the seeded log). */
let FINAL_VOTE: number;
let EARLIER_VOTE: number;
let LATER_VOTE: number;

const dirs: string[] = [];
function newDir(prefix: string): string {
  const dir = tempDataDir(prefix);
  dirs.push(dir);
  return dir;
}

function verify(dataDir: string, ...args: string[]): Promise<CliResult> {
  return runCli(['verify', ...args], { LEDGER_DATA_DIR: dataDir, LEDGER_LOG_ORIGIN: ORIGIN });
}

/** The served checkpoint, once it covers at least `size` events. */
async function checkpointCovering(server: LedgerServer, size: number): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const note = await (await fetch(`${server.base}/log/checkpoint`)).text();
    if (parseCheckpoint(parseNote(note).text).size >= size) return note;
    if (Date.now() > deadline) throw new Error(`no checkpoint of size ${size} within 10 s; the latest:\n${note}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every column of a row, as SQLite holds it. */
function row(db: Database.Database, sequence: number): EventRow {
  return db.prepare('SELECT * FROM events WHERE sequence = ?').get(sequence) as EventRow;
}

/** A row's content written at `sequence`: every column but the sequence itself. */
function writeContent(db: Database.Database, sequence: number, content: EventRow): void {
  db.prepare(
    `UPDATE events SET event_id = ?, stream_id = ?, stream_revision = ?, type = ?, schema_version = ?, occurred_at = ?, recorded_at = ?,
     recorded_by = ?, correlation_id = ?, causation_id = ?, data = ?, leaf_hash = ? WHERE sequence = ?`,
  ).run(content.event_id, content.stream_id, content.stream_revision, content.type, content.schema_version, content.occurred_at, content.recorded_at,
    content.recorded_by, content.correlation_id, content.causation_id, content.data, content.leaf_hash, sequence);
}

/** A row with the leaf hash an honest store would have computed for its (altered) content. */
function withRecomputedLeaf(content: EventRow): EventRow {
  return { ...content, leaf_hash: leafHashOf(toRecordedEvent(content)) };
}

function insert(db: Database.Database, content: EventRow): void {
  db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(content.sequence, content.event_id, content.stream_id, content.stream_revision,
    content.type, content.schema_version, content.occurred_at, content.recorded_at, content.recorded_by, content.correlation_id, content.causation_id, content.data, content.leaf_hash,
    content.commitment_salts ?? null);
}

/** A PersonRegistered nobody recorded, at `sequence`, with a correct leaf hash. */
function forgedRow(db: Database.Database, sequence: number): EventRow {
  const template = db.prepare("SELECT * FROM events WHERE type = 'PersonRegistered' ORDER BY sequence DESC LIMIT 1").get() as EventRow;
  return withRecomputedLeaf({
    ...template,
    sequence,
    event_id: '01a243e4-9576-72aa-8300-00000000f0f0',
    stream_id: 'person-forged',
    stream_revision: 0,
    correlation_id: null,
    causation_id: null,
    data: JSON.stringify({ personId: 'person:forged', name: 'Forged Person' }),
  });
}

describe('ledger verify catches tampering with the stored log (built CLI and server, real files)', () => {
  let source: string;
  let savedCheckpointFile: string;
  let savedCheckpoint: string;
  let size: number;

  /** A copy of the source data dir, altered through SQLite with the events' triggers dropped. */
  function tampered(alter: (events: Database.Database) => void): string {
    const dir = newDir('ledger-verify-tampered-');
    cpSync(source, dir, { recursive: true });
    const db = new Database(join(dir, 'events.db'));
    try {
      db.exec('DROP TRIGGER events_refuse_update; DROP TRIGGER events_refuse_delete');
      db.transaction(() => alter(db))();
    } finally {
      db.close();
    }
    return dir;
  }

  beforeAll(async () => {
    source = newDir('ledger-verify-');
    expect((await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: source })).code).toBe(0);
    const log = readLog(source);
    const seeded = log.length;
    const votes = log.filter((e) => e.type === 'VoteRecorded' && (e.data as { measureId: string }).measureId === 'CB17-0766').map((e) => e.sequence);
    // committee passage, first reading, the floor amendment, final passage
    expect(votes).toHaveLength(4);
    [EARLIER_VOTE, , LATER_VOTE, FINAL_VOTE] = votes;
    const server = await LedgerServer.start(source, { LEDGER_LOG_ORIGIN: ORIGIN });
    try {
      // What a citizen saved before the last mutations: the checkpoint of the seeded demo.
      savedCheckpoint = await checkpointCovering(server, seeded);
      savedCheckpointFile = join(newDir('ledger-verify-saved-'), 'old-checkpoint.txt');
      writeFileSync(savedCheckpointFile, savedCheckpoint);
      const clerk = await mintToken(source, 'clerk');
      for (const n of [1, 2]) {
        const recorded = await server.gql(`mutation { registerPerson(input: { id: "person:verify-test-${n}", name: "Verify Test ${n}" }) { revision } }`, {}, clerk);
        expect(recorded.errors).toBeUndefined();
      }
      size = seeded + 2;
      await checkpointCovering(server, size);
    } finally {
      await server.stop();
    }
    expect(parseCheckpoint(parseNote(savedCheckpoint).text).size).toBe(seeded);
  });
  afterAll(() => dirs.forEach(removeDir));

  it('passes the untouched log, and the checkpoint saved before the last mutations', async () => {
    const result = await verify(source, '--checkpoint', savedCheckpointFile);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^verified ${size} events \\(sequences 0\\.\\.${size - 1}\\): .*the tree of ${size} leaves \\(root [0-9a-f]{64}\\) and its 1 tile; \\d+ signed checkpoints? of ${ORIGIN}`));
    expect(result.stdout).toContain(`the saved checkpoint of size ${size - 2} in ${savedCheckpointFile}`);
    expect(result.stdout).not.toContain('not yet in a signed checkpoint');
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('(a) one byte changed in one event: names its sequence', async () => {
    const dir = tampered((db) => {
      const data = row(db, FINAL_VOTE).data;
      const at = data.indexOf('"YES"') + 1;
      expect(at).toBeGreaterThan(0);
      db.prepare('UPDATE events SET data = ? WHERE sequence = ?').run(`${data.slice(0, at)}N${data.slice(at + 1)}`, FINAL_VOTE);
    });
    expect(await verify(dir)).toMatchObject({ code: 1, stdout: '', stderr: `verify: sequence ${FINAL_VOTE}: the stored leaf hash is not the hash of the event\n` });
  });

  it('(a) an event whose data is no longer JSON: names its sequence', async () => {
    const dir = tampered((db) => db.prepare("UPDATE events SET data = substr(data, 2) WHERE sequence = ?").run(FINAL_VOTE));
    const result = await verify(dir);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(new RegExp(`^verify: sequence ${FINAL_VOTE}: the stored event cannot be read \\(.*JSON.*\\)\\n$`));
  });

  it('(b) a row deleted: names the missing sequence', async () => {
    const dir = tampered((db) => db.prepare('DELETE FROM events WHERE sequence = ?').run(30));
    expect(await verify(dir)).toMatchObject({ code: 1, stderr: 'verify: sequence 30 is missing (the log jumps from 29 to 31)\n' });
  });

  it('(b) the last rows deleted: the tree and the checkpoints still count them', async () => {
    const dir = tampered((db) => db.prepare('DELETE FROM events WHERE sequence >= ?').run(size - 2));
    expect(await verify(dir)).toMatchObject({
      code: 1,
      stderr: `verify: sequences ${size - 2}..${size - 1} are missing (the log's tree holds ${size} leaves, the events end at sequence ${size - 3})\n`,
    });
  });

  it("(c) two rows' contents swapped: names the first", async () => {
    const dir = tampered((db) => {
      const [earlier, later] = [row(db, EARLIER_VOTE), row(db, LATER_VOTE)];
      // Through a placeholder: event ids and (stream, revision) are unique.
      writeContent(db, EARLIER_VOTE, { ...earlier, event_id: 'swapping', stream_revision: 1_000_000 });
      writeContent(db, LATER_VOTE, earlier);
      writeContent(db, EARLIER_VOTE, later);
    });
    expect(await verify(dir)).toMatchObject({ code: 1, stderr: `verify: sequence ${EARLIER_VOTE}: the stored leaf hash is not the hash of the event\n` });
  });

  it('(c) two votes of one measure swapped, revisions kept in place and leaf hashes recomputed: the tree names the first', async () => {
    const dir = tampered((db) => {
      const [earlier, later] = [row(db, EARLIER_VOTE), row(db, LATER_VOTE)];
      writeContent(db, EARLIER_VOTE, { ...earlier, event_id: 'swapping' });
      writeContent(db, LATER_VOTE, withRecomputedLeaf({ ...earlier, sequence: LATER_VOTE, stream_revision: later.stream_revision }));
      writeContent(db, EARLIER_VOTE, withRecomputedLeaf({ ...later, sequence: EARLIER_VOTE, stream_revision: earlier.stream_revision }));
    });
    expect(await verify(dir)).toMatchObject({
      code: 1,
      stderr: `verify: sequence ${EARLIER_VOTE}: the log's tree holds another leaf for it (tile/0/000.p/${size}, hash ${EARLIER_VOTE}): the event is not the one the tree included\n`,
    });
  });

  it('(d) a forged row appended after the last, with a correct leaf hash: named as in no signed checkpoint, a failure with --all-signed', async () => {
    // Nothing the log signed covers it, so nothing can tell it from an event a CLI recorded while
    // no server ran (seed, import): verify says it is unsigned; --all-signed, for a data dir no
    // server writes to, refuses it. A server started on this dir would log and sign it as its own.
    const dir = tampered((db) => insert(db, forgedRow(db, size)));
    const lenient = await verify(dir);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(new RegExp(`^verified ${size + 1} events .*; not yet in a signed checkpoint: sequences ${size}\\.\\.${size} \\(`));
    expect(await verify(dir, '--all-signed')).toMatchObject({ code: 1, stderr: `verify: sequence ${size}: in no signed checkpoint yet (the latest is of size ${size})\n` });
  });

  it('(d) a forged row appended in place of the last one (deleted), with a correct leaf hash: the tree names it', async () => {
    const dir = tampered((db) => {
      db.prepare('DELETE FROM events WHERE sequence = ?').run(size - 1);
      insert(db, forgedRow(db, size - 1));
    });
    expect(await verify(dir)).toMatchObject({
      code: 1,
      stderr: `verify: sequence ${size - 1}: the log's tree holds another leaf for it (tile/0/000.p/${size}, hash ${size - 1}): the event is not the one the tree included\n`,
    });
  });

  it('a saved checkpoint altered by one byte is refused, naming it', async () => {
    const altered = join(newDir('ledger-verify-saved-'), 'altered.txt');
    writeFileSync(altered, savedCheckpoint.replace(/\n(\d+)\n/, (_, n: string) => `\n${Number(n) - 1}\n`));
    const result = await verify(source, '--checkpoint', altered);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(new RegExp(`^verify: the checkpoint in ${altered}: its signature by the log's key does not verify`));
  });

  it('(e) history rewritten and re-signed with the ledger\'s own key: verify alone passes, the saved checkpoint catches it, and so does a consistency proof', async () => {
    const dir = tampered((db) => {
      const vote = row(db, FINAL_VOTE);
      const at = vote.data.indexOf('"YES"') + 1;
      writeContent(db, FINAL_VOTE, withRecomputedLeaf({ ...vote, data: `${vote.data.slice(0, at)}N${vote.data.slice(at + 1)}` }));
    });
    rewriteLog(dir);

    // Everything in the dir agrees with everything else: only what was given out before tells.
    const alone = await verify(dir);
    expect(alone.code).toBe(0);
    const old = parseCheckpoint(parseNote(savedCheckpoint).text);
    expect(await verify(dir, '--checkpoint', savedCheckpointFile)).toMatchObject({
      code: 1,
      stderr: `verify: checkpoint of size ${old.size} in ${savedCheckpointFile}: signed root differs from the log's (the root of the first ${old.size} events as stored)\n`,
    });

    // A client holding the old checkpoint asks the rewritten log to prove it extends it (as the
    // server's consistencyProof does, from the same tiles): the proof leads to another root.
    const store = new LogStore(join(dir, 'log.db'));
    try {
      const tree = new TiledLog(store, hasher);
      const latest = store.latestCheckpoint()!;
      const proof = tree.consistencyProof(old.size, latest.treeSize);
      expect(verifyConsistency(hasher, { size1: old.size, size2: latest.treeSize, root1: old.rootHash, root2: latest.rootHash, proof })).toEqual({
        ok: false,
        reason: 'the proof does not lead to the first root',
      });
    } finally {
      store.close();
    }
  });
});

/**
 * What someone holding the data dir and its signing key can do after changing events: rebuild the
 * log's tiles from the stored leaf hashes and sign every checkpoint again at the same sizes, with
 * the log's own code, so that log.db agrees with the events in every respect.
 */
function rewriteLog(dataDir: string): void {
  const leaves = readLog(dataDir).map((event) => fromHex(event.leafHash)!);
  const key = parseSignerKey(crypto, readFileSync(join(dataDir, 'secrets', 'log-signing-key'), 'utf8').trim());
  const store = new LogStore(join(dataDir, 'log.db'));
  try {
    const sizes = store.checkpoints().map((checkpoint) => checkpoint.treeSize);
    store.startOver(TiledLog.VERSION);
    const tree = new TiledLog(store, hasher);
    for (const size of sizes) {
      tree.append(tree.size, leaves.slice(tree.size, size));
      const rootHash = tree.root(size);
      const note = signCheckpoint(crypto, { origin: ORIGIN, size, rootHash, extensions: [] }, [key]);
      store.saveCheckpoint({ treeSize: size, rootHash, note, signedAt: new Date().toISOString() }, ORIGIN, keyIdHex(key.keyId));
    }
    tree.append(tree.size, leaves.slice(tree.size));
  } finally {
    store.close();
  }
}
