import type { RecordedEvent } from '@ledger/event-store';

/** What a command answers: the events it appended, with their sequences and leaf hashes. */
export interface RecordReceipt {
  streamId: string;
  /** the stream's revision after the append: the next writer's expected revision */
  revision: number;
  events: RecordedEvent[];
}
