import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJsonOf, leafHashOf, type RecordedEvent, type StoredRecordedEvent } from '@ledger/event-store';
import {
  formatVerifierKey,
  generateSignerKey,
  keyIdHex,
  nodeIntegrityCrypto,
  parseSignerKey,
  parseVerifierKey,
  signCheckpoint,
  tilesForTreeSize,
  verifierKeyOf,
  type NoteVerifierKey,
} from '@ledger/integrity';
import { LogStore } from '../log-store';
import { readLogVerifierKey } from '../log-signing-key';
import { TransparencyLog } from '../transparency-log';
import { verifyLedgerLog, type LogVerification, type LogVerificationOptions } from './log-verification';

const crypto = nodeIntegrityCrypto;
const ORIGIN = 'ledger.example/verification-spec';
// Past 512 leaves: two full level-0 tiles, a partial one, and a partial level-1 tile.
const EVENTS = 600;
const CHECKPOINT_SIZES = [1, 255, 256, 300, EVENTS];

/** A log of `count` events over seven streams, each with its leaf hash as the store computes it. */
function eventsOf(count: number): RecordedEvent[] {
  return Array.from({ length: count }, (_, sequence) => {
    const envelope = {
      eventId: `01a243e4-9576-72aa-8300-${String(sequence).padStart(12, '0')}`,
      type: 'ThingHappened',
      schemaVersion: 1,
      streamId: `stream-${sequence % 7}`,
      streamRevision: Math.floor(sequence / 7),
      sequence,
      occurredAt: '2017-09-11T18:00:00Z',
      recordedAt: '2026-01-01T00:00:00.000Z',
      recordedBy: { id: 'person:clerk', name: 'Clerk', role: 'clerk' },
      correlationId: null,
      causationId: null,
      data: { n: sequence, text: `event ${sequence}` },
    };
    return { ...envelope, leafHash: leafHashOf(envelope) };
  });
}

describe('verifyLedgerLog (events in memory, log.db in a real SQLite file)', () => {
  let dir: string;
  let keyFile: string;
  let events: RecordedEvent[];
  const opened: LogStore[] = [];

  /** The log as the server keeps it: the events appended in batches, a checkpoint signed at each size of CHECKPOINT_SIZES. */
  function serveLog(upTo = EVENTS): void {
    const log = TransparencyLog.open({ file: join(dir, 'log.db'), origin: ORIGIN, generatedFile: keyFile, checkpointIntervalMs: 60_000 });
    try {
      let size = 0;
      for (const target of CHECKPOINT_SIZES.filter((s) => s <= upTo)) {
        log.append(events.slice(size, target));
        log.signer.signNow();
        size = target;
      }
      log.append(events.slice(size, upTo));
    } finally {
      log.close();
    }
  }

  function verify(overrides: Partial<LogVerificationOptions> = {}, ledgerEvents = events): LogVerification {
    const store = LogStore.openReadOnly(join(dir, 'log.db'));
    opened.push(store);
    return verifyLedgerLog(
      { events: ledgerEvents, lastSequence: ledgerEvents.length - 1, store },
      { verifierKey: () => readLogVerifierKey(crypto, keyFile), configuredOrigin: ORIGIN, ...overrides },
    );
  }

  const problemOf = (verification: LogVerification) => (verification.holds ? 'it holds' : verification.problem);

  /** Changes log.db behind the log's back. */
  function alterLog(sql: string, ...params: unknown[]): void {
    const db = new Database(join(dir, 'log.db'));
    try {
      db.prepare(sql).run(...params);
    } finally {
      db.close();
    }
  }

  const signerKey = () => parseSignerKey(crypto, readFileSync(keyFile, 'utf8').trim());

  beforeAll(() => (events = eventsOf(EVENTS + 10)));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-log-verification-'));
    keyFile = join(dir, 'secrets', 'log-signing-key');
  });
  afterEach(() => {
    opened.splice(0).forEach((store) => store.close());
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds for a log as the server keeps it: every tile, every checkpoint, and the events it has not followed yet', () => {
    serveLog();
    const progress: Array<[number, number]> = [];
    const verification = verify({ onProgress: (done, total) => progress.push([done, total]) });
    expect(verification).toMatchObject({
      holds: true,
      verified: {
        events: EVENTS + 10,
        hasLog: true,
        treeSize: EVENTS,
        tilesChecked: tilesForTreeSize(EVENTS).length,
        checkpointsChecked: CHECKPOINT_SIZES.length,
        latestCheckpointSize: EVENTS,
        origin: ORIGIN,
        keyId: keyIdHex(signerKey().keyId),
        savedCheckpointSize: null,
      },
    });
    expect(progress.at(-1)).toEqual([EVENTS + 10, EVENTS + 10]);
  });

  it('needs no key, and checks the events alone, when the ledger has no log yet', () => {
    const verification = verifyLedgerLog(
      { events, lastSequence: events.length - 1, store: null },
      { verifierKey: () => { throw new Error('no key was needed'); }, configuredOrigin: ORIGIN },
    );
    expect(verification).toMatchObject({ holds: true, verified: { events: events.length, hasLog: false, treeSize: 0, tilesChecked: 0, checkpointsChecked: 0, latestCheckpointSize: null } });
  });

  it('hashes a payload stored as its canonical text unparsed, judges any other text parsed, and names an altered one', () => {
    serveLog();
    // As the embedded store's reader hands events out: with the payload's text as stored.
    const asStored = (storedData: (event: RecordedEvent) => string): StoredRecordedEvent[] =>
      events.map((event) => ({ ...event, storedData: storedData(event), data: JSON.parse(storedData(event)) }));
    expect(verify({}, asStored((event) => canonicalJsonOf(event.data))).holds).toBe(true);
    // Keys in another order (a ledger stored before payloads were canonical): the same data, so it holds.
    const reordered = (event: RecordedEvent) => JSON.stringify(Object.fromEntries(Object.entries(event.data as object).reverse()));
    expect(reordered(events[3])).not.toBe(canonicalJsonOf(events[3].data));
    expect(verify({}, asStored(reordered)).holds).toBe(true);
    const altered = asStored((event) => (event.sequence === 7 ? '{"n":7,"text":"event seven"}' : canonicalJsonOf(event.data)));
    expect(problemOf(verify({}, altered))).toBe('sequence 7: the stored leaf hash is not the hash of the event');
  });

  it('names an event out of its stream order', () => {
    serveLog();
    const reordered = events.map((event) => (event.sequence === 5 ? { ...event, streamRevision: 1, leafHash: leafHashOf({ ...event, streamRevision: 1 }) } : event));
    expect(problemOf(verify({}, reordered))).toBe('sequence 5: stream stream-5 is at revision 1, where 0 was expected (a stream\'s revisions count up from 0)');
  });

  it('names the sequences of a higher tile hash that is not the events\'', () => {
    serveLog();
    alterLog('UPDATE log_tiles SET hashes = ? WHERE level = 1 AND idx = 0', Buffer.concat([readTile(1, 0).subarray(0, 32), Buffer.alloc(32, 7)]));
    expect(problemOf(verify())).toBe("sequence 256: the log's tile/1/000.p/2 holds another hash (hash 1) for sequences 256..511 than the events give");
  });

  it('names a tile cut short or missing', () => {
    serveLog();
    alterLog('UPDATE log_tiles SET hashes = substr(hashes, 1, length(hashes) - 32) WHERE level = 0 AND idx = 2');
    expect(problemOf(verify())).toBe("sequence 512: the log's tile/0/002.p/88 holds 87 hashes, where a tree of 600 leaves has 88");
    alterLog('DELETE FROM log_tiles WHERE level = 0 AND idx = 1');
    expect(problemOf(verify())).toBe("sequence 256: the log's tile/0/001 is missing from log.db");
  });

  it('names a checkpoint beyond the tree log.db holds (its size set back)', () => {
    serveLog();
    alterLog('UPDATE log_state SET size = 512');
    expect(problemOf(verify())).toBe(`checkpoint of size ${EVENTS}: the log's tree in log.db holds only 512 leaves`);
  });

  it('names a checkpoint signed by another key, or whose signed root is not the events\'', () => {
    serveLog();
    const impostor = generateSignerKey(crypto, ORIGIN);
    const rootOf300 = (storedCheckpointRow(300) as { root_hash: Buffer }).root_hash;
    alterLog('UPDATE log_checkpoints SET note = ? WHERE tree_size = 300', signCheckpoint(crypto, { origin: ORIGIN, size: 300, rootHash: rootOf300, extensions: [] }, [impostor]));
    expect(problemOf(verify())).toBe(`checkpoint of size 300: it carries no signature by the log's key ${formatVerifierKey(verifierKeyOf(signerKey()))}`);

    // The log's own key, over a root of another history: what a rewrite that re-signed only some checkpoints leaves.
    const otherRoot = new Uint8Array(32).fill(9);
    alterLog('UPDATE log_checkpoints SET note = ?, root_hash = ? WHERE tree_size = 300', signCheckpoint(crypto, { origin: ORIGIN, size: 300, rootHash: otherRoot, extensions: [] }, [signerKey()]), Buffer.from(otherRoot));
    expect(problemOf(verify())).toBe("checkpoint of size 300: signed root differs from the log's (the root of the first 300 events as stored)");
  });

  it('refuses a configured key that is not the one the checkpoints were signed with', () => {
    serveLog();
    const other = verifierKeyOf(generateSignerKey(crypto, ORIGIN));
    expect(problemOf(verify({ verifierKey: () => other }))).toBe(
      `the log's checkpoints were signed with key ${keyIdHex(signerKey().keyId)}, but the configured key is ${keyIdHex(other.keyId)}: configure the key that signed them`,
    );
  });

  it('takes the public key alone (a vkey file), as an auditor without the private key would', () => {
    serveLog();
    const vkeyFile = join(dir, 'ledger.vkey');
    writeFileSync(vkeyFile, `${formatVerifierKey(verifierKeyOf(signerKey()))}\n`);
    const key: NoteVerifierKey = readLogVerifierKey(crypto, vkeyFile);
    expect(key).toEqual(parseVerifierKey(crypto, formatVerifierKey(verifierKeyOf(signerKey()))));
    expect(verify({ verifierKey: () => key }).holds).toBe(true);
  });

  it('checks a saved checkpoint: consistent when the log extends it, named when it signs another history or more than the log holds', () => {
    serveLog(300);
    const saved = (storedCheckpointRow(256) as { note: string }).note;
    rmSync(join(dir, 'log.db'));
    serveLog();
    expect(verify({ savedCheckpoint: { source: 'saved.txt', note: saved } })).toMatchObject({ holds: true, verified: { savedCheckpointSize: 256 } });

    const fork = signCheckpoint(crypto, { origin: ORIGIN, size: 256, rootHash: new Uint8Array(32).fill(1), extensions: [] }, [signerKey()]);
    expect(problemOf(verify({ savedCheckpoint: { source: 'fork.txt', note: fork } }))).toBe(
      "checkpoint of size 256 in fork.txt: signed root differs from the log's (the root of the first 256 events as stored)",
    );
    const ahead = signCheckpoint(crypto, { origin: ORIGIN, size: 700, rootHash: new Uint8Array(32).fill(1), extensions: [] }, [signerKey()]);
    expect(problemOf(verify({ savedCheckpoint: { source: 'ahead.txt', note: ahead } }))).toBe(
      'checkpoint of size 700 in ahead.txt: sequences 610..699 are missing (it signs 700 leaves, the events end at sequence 609)',
    );
    const elsewhere = signCheckpoint(crypto, { origin: 'ledger.example/another', size: 256, rootHash: new Uint8Array(32), extensions: [] }, [signerKey()]);
    expect(problemOf(verify({ savedCheckpoint: { source: 'elsewhere.txt', note: elsewhere } }))).toBe(
      `the checkpoint in elsewhere.txt: it is a checkpoint of "ledger.example/another", not of the log's origin "${ORIGIN}"`,
    );
  });

  function readTile(level: number, index: number): Buffer {
    const db = new Database(join(dir, 'log.db'), { readonly: true });
    try {
      return db.prepare('SELECT hashes FROM log_tiles WHERE level = ? AND idx = ?').pluck().get(level, index) as Buffer;
    } finally {
      db.close();
    }
  }

  function storedCheckpointRow(size: number): unknown {
    const db = new Database(join(dir, 'log.db'), { readonly: true });
    try {
      return db.prepare('SELECT * FROM log_checkpoints WHERE tree_size = ?').get(size);
    } finally {
      db.close();
    }
  }
});
