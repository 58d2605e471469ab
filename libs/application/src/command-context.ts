import type { Actor } from '@ledger/domain';
import type { ExpectedRevision } from '@ledger/event-store';

/** What every command carries besides its own data: who, when, and the writer's concurrency claim. */
export interface CommandContext {
  actor: Actor;
  /** when the act happened in the world; defaults to now */
  occurredAt?: string;
  /** the stream revision the caller read; without it, the revision just loaded is used */
  expectedRevision?: ExpectedRevision;
  correlationId?: string;
  /**
   * The client's Idempotency-Key: a retry of the same command (same account, same record, same
   * key) answers with the first attempt's receipt instead of recording it again.
   */
  idempotencyKey?: string;
  /**
   * Whether the command waits until the read models show its events (read-your-writes; default
   * true). A batch writer that reads nothing back (the synthetic-city generator) says false: it
   * answers once appended, with `readModelsUpToDate: false`, and builds the read models at the end.
   */
  readYourWrites?: boolean;
}
