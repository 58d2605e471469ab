import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RecordedEvent } from '@ledger/event-store';
import {
  fromHex,
  formatVerifierKey,
  keyIdHex,
  nodeIntegrityCrypto,
  parseNote,
  treeHasher,
  verifierKeyOf,
  type HashTile,
  type IntegrityCrypto,
  type NoteSignerKey,
} from '@ledger/integrity';
import { createPublicKey } from 'node:crypto';
import { CheckpointSigner } from './checkpoint-signer';
import { LogStore, type StoredCheckpoint } from './log-store';
import { loadSigningKey, type SigningKeySource } from './log-signing-key';
import { TiledLog } from './tiled-log';
import { eventProofFile } from './event-proof';

export interface TransparencyLogOptions extends SigningKeySource {
  /** the log's own store (`log.db` in the data dir) */
  file: string;
  /** the least time between two signed checkpoints; 1 s by default */
  checkpointIntervalMs?: number;
  crypto?: IntegrityCrypto;
}

/** What `/.well-known/ledger-key.json` serves: everything a verifier needs to check checkpoints. */
export interface LogKeyInfo {
  origin: string;
  keyName: string;
  keyId: string;
  algorithm: 'Ed25519';
  publicKeyPem: string;
  vkey: string;
}

/** A checkpoint as the API describes it: the signed note and what it says. */
export interface TreeHead {
  origin: string;
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  signature: string;
  checkpoint: string;
}

/**
 * The ledger as a transparency log (c2sp.org/tlog-tiles, tlog-checkpoint): a Merkle tree over the
 * events' leaf hashes, kept as hash tiles in its own store and following the log as a log consumer
 * (`consumer`), with signed checkpoints. What the server, `ledger verify` and `ledger proof` use.
 */
export class TransparencyLog {
  readonly log: TiledLog;
  readonly signer: CheckpointSigner;
  private readonly key: NoteSignerKey;

  private constructor(
    private readonly store: LogStore,
    private readonly crypto: IntegrityCrypto,
    options: TransparencyLogOptions,
  ) {
    this.log = new TiledLog(store, treeHasher(crypto));
    this.key = loadSigningKey(crypto, options, store.state());
    this.signer = new CheckpointSigner(store, this.log, crypto, this.key, options.origin, options.checkpointIntervalMs);
  }

  static open(options: TransparencyLogOptions): TransparencyLog {
    mkdirSync(dirname(options.file), { recursive: true });
    const store = new LogStore(options.file);
    try {
      return new TransparencyLog(store, options.crypto ?? nodeIntegrityCrypto, options);
    } catch (error) {
      store.close();
      throw error;
    }
  }

  /** Appends the events' leaves (the events follow the log densely from the tree's size). */
  append(events: readonly RecordedEvent[]): void {
    if (events.length === 0) return;
    this.log.append(events[0].sequence, events.map(leafOf));
    this.signer.treeGrew();
  }

  treeHead(): TreeHead {
    return describe(this.signer.current());
  }

  /** The bytes of a hash tile; null when the log holds no such tile yet (entry bundles: LogController). */
  tile(tile: HashTile): Uint8Array | null {
    return this.log.tileBytes(tile);
  }

  /** The tlog-proof file of an event against the latest signed checkpoint; null while no checkpoint covers it. */
  proofOf(event: RecordedEvent): string | null {
    const checkpoint = this.store.latestCheckpoint();
    if (!checkpoint || event.sequence >= checkpoint.treeSize) return null;
    return eventProofFile(this.log, checkpoint, event);
  }

  keyInfo(): LogKeyInfo {
    const verifier = verifierKeyOf(this.key);
    // SPKI of a raw Ed25519 public key: the fixed 12-byte prefix of RFC 8410, then the key.
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(verifier.publicKey)]);
    return {
      origin: this.signer.origin,
      keyName: verifier.name,
      keyId: keyIdHex(verifier.keyId),
      algorithm: 'Ed25519',
      publicKeyPem: createPublicKey({ key: spki, format: 'der', type: 'spki' }).export({ format: 'pem', type: 'spki' }).toString(),
      vkey: formatVerifierKey(verifier),
    };
  }

  /** every checkpoint signed, oldest first */
  checkpoints(): StoredCheckpoint[] {
    return this.store.checkpoints();
  }

  close(): void {
    this.signer.stop();
    this.store.close();
  }
}

function leafOf(event: RecordedEvent): Uint8Array {
  const hash = fromHex(event.leafHash);
  if (!hash) throw new Error(`event ${event.sequence} has no hex leaf hash`);
  return hash;
}

/** A stored checkpoint as the API shows it; the signature is that of the first (the log's own) signature line. */
export function describe(checkpoint: StoredCheckpoint): TreeHead {
  const note = parseNote(checkpoint.note);
  const [origin] = note.text.split('\n');
  const [own] = note.signatures;
  const signature = Buffer.from(own.signature).toString('base64');
  return {
    origin,
    treeSize: checkpoint.treeSize,
    rootHash: Buffer.from(checkpoint.rootHash).toString('hex'),
    timestamp: checkpoint.signedAt,
    keyId: keyIdHex(own.keyId),
    signature,
    checkpoint: checkpoint.note,
  };
}

/** Where the composition root puts the ledger's TransparencyLog (null when the process keeps none, e.g. serving a replay). */
export const TRANSPARENCY_LOG = Symbol('TRANSPARENCY_LOG');
