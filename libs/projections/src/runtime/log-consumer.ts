import type { RecordedEvent } from '@ledger/event-store';

/**
 * Events handed to a consumer in one call: dense, in sequence order, each after the consumer's
 * own checkpoint.
 */
export interface LogBatch {
  /** the events as stored (what each leaf hash is computed over) */
  readonly events: readonly RecordedEvent[];
  /**
   * An event brought to its type's newest schema version. The runner computes each once, however
   * many consumers ask.
   */
  upcast(event: RecordedEvent): RecordedEvent;
}

/**
 * A follower of the log with a durable checkpoint of its own: the thing the ProjectionRunner
 * drives. It knows nothing of where the others keep their state; the read models in SQLite are one
 * kind (SqliteReadModels), a Merkle tree with its own store can be another.
 *
 * The contract: after handleBatch returns, the events and the checkpoint that says so are durable
 * together (one transaction, or an equivalent), so that after a crash open() answers the last
 * event whose effects were kept, and the runner feeds it from the next one: never twice, never
 * skipped.
 */
export interface LogConsumer {
  /** stable, unique among the runner's consumers; what dependsOn names */
  readonly name: string;
  /** the meaning of the consumer's state; a consumer whose stored state has another version starts over (open() answers -1) */
  readonly version: number;
  /** consumers whose state this one reads while handling a batch: each batch reaches them first */
  readonly dependsOn?: readonly string[];
  /**
   * Whether a command waits for this consumer before answering (read-your-writes; default true).
   * A consumer that commands do not read (a Merkle tree) says false, so it never holds them up;
   * a consumer that gates may not depend on one that does not.
   */
  readonly gatesReadYourWrites?: boolean;
  /**
   * Prepares the consumer's store (creating it, or starting over when the stored version is not
   * `version`) and answers the sequence of the last event it has handled: -1 for none.
   */
  open(): number;
  /** Handles the events and moves the checkpoint past the last of them, atomically (see above). */
  handleBatch(batch: LogBatch): void | Promise<void>;
  /** Forgets everything handled, checkpoint included: open() then answers -1. */
  reset(): void;
}
