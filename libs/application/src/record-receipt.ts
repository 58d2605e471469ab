import type { RecordedEvent } from '@ledger/event-store';

/** What a command answers: the events it appended, with their sequences and leaf hashes. */
export interface RecordReceipt {
  streamId: string;
  /** the stream's revision after the append: the next writer's expected revision */
  revision: number;
  events: RecordedEvent[];
  /** true when an Idempotency-Key named a command recorded before: these are its events, nothing new was written */
  replayed: boolean;
  /** false when the events are recorded but the read models could not show them yet (see /healthz) */
  readModelsUpToDate: boolean;
}
