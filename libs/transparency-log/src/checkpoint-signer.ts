import { keyIdHex, signCheckpoint, type IntegrityCrypto, type NoteSignerKey } from '@ledger/integrity';
import type { LogStore, StoredCheckpoint } from './log-store';
import type { TiledLog } from './tiled-log';

/**
 * Signs a checkpoint of the tree as it grows: at once when the last one is at least `intervalMs`
 * old, otherwise once that much time has passed, so under load there is about one a second and an
 * event is in a signed checkpoint within about a second of being appended to the tree. Sizes only
 * grow and every checkpoint is of the same tiles, so no two checkpoints can disagree. Every one is
 * kept (LogStore), which is what lets `ledger verify` and any follower check consistency.
 */
export class CheckpointSigner {
  private latest: StoredCheckpoint | null;
  private lastSignedAt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: LogStore,
    private readonly log: TiledLog,
    private readonly crypto: IntegrityCrypto,
    private readonly key: NoteSignerKey,
    readonly origin: string,
    private readonly intervalMs = 1000,
  ) {
    this.latest = store.latestCheckpoint();
  }

  /** the newest signed checkpoint; one is signed first if the log has none yet */
  current(): StoredCheckpoint {
    return this.latest ?? this.signNow();
  }

  /** The tree grew: sign now, or once the interval since the last signature has passed. */
  treeGrew(): void {
    if (this.latest?.treeSize === this.log.size || this.timer) return;
    const wait = this.lastSignedAt + this.intervalMs - Date.now();
    if (wait <= 0) {
      this.signNow();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        this.signNow();
      } catch (error) {
        // The tree is intact; the next growth (or the next start) signs again.
        console.error('could not sign a checkpoint of the log', error);
      }
    }, wait);
    this.timer.unref();
  }

  signNow(): StoredCheckpoint {
    const size = this.log.size;
    if (this.latest && this.latest.treeSize === size) return this.latest;
    const rootHash = this.log.root(size);
    const note = signCheckpoint(this.crypto, { origin: this.origin, size, rootHash, extensions: [] }, [this.key]);
    const checkpoint: StoredCheckpoint = { treeSize: size, rootHash, note, signedAt: new Date().toISOString() };
    this.store.saveCheckpoint(checkpoint, this.origin, keyIdHex(this.key.keyId));
    this.latest = checkpoint;
    this.lastSignedAt = Date.now();
    return checkpoint;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
