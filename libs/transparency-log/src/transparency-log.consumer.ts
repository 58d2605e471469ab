import type { LogBatch, LogConsumer } from '@ledger/projections';
import { TiledLog } from './tiled-log';
import type { TransparencyLog } from './transparency-log';

/**
 * The transparency log as a follower of the event log: each batch's leaf hashes go into the tree,
 * with the tree's size as its checkpoint (kept in the same transaction as the tiles: LogStore).
 * Commands do not wait for it (it is not read to answer them); a signed checkpoint follows within
 * about a second (CheckpointSigner).
 */
export class TransparencyLogConsumer implements LogConsumer {
  readonly name = 'transparency-log';
  readonly version = TiledLog.VERSION;
  readonly gatesReadYourWrites = false;

  constructor(private readonly transparency: TransparencyLog) {}

  open(): number {
    this.transparency.log.load();
    return this.transparency.log.size - 1;
  }

  handleBatch({ events }: LogBatch): void {
    this.transparency.append(events);
  }

  /** Never: a log that forgot its tree would sign checkpoints inconsistent with the ones it gave out. */
  reset(): void {
    throw new Error('the transparency log cannot be reset: its checkpoints have been given out');
  }
}
