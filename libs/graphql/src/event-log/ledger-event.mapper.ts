import type { RecordedEvent } from '@ledger/event-store';
import { LedgerEventModel } from './ledger-event.model';

/** Read-model row -> GraphQL model; the GraphQL id of an event is its eventId. */
export function toLedgerEventModel(event: RecordedEvent): LedgerEventModel {
  return Object.assign(new LedgerEventModel(), {
    id: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamRevision: event.streamRevision,
    sequence: event.sequence,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    recordedBy: event.recordedBy,
    correlationId: event.correlationId,
    causationId: event.causationId,
    leafHash: event.leafHash,
    data: event.data,
    commitmentSalts: event.commitmentSalts ?? null,
  });
}
