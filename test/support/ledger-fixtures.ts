/**
 * Writes events straight into a data dir's event store (schema-checked, as the ledger would), for
 * read-side tests that need a known history without going through every command.
 */
import { join } from 'node:path';
import { newEventId } from '@ledger/event-store';
import { EventSchemaRegistry, SchemaCheckedEventStore } from '@ledger/event-schemas';
import { SqliteEventStore } from '@ledger/event-store-sqlite';

export interface FixtureEvent {
  streamId: string;
  type: string;
  data: unknown;
  /** ISO instant; defaults to 2017-08-28T18:00:00Z */
  occurredAt?: string;
  recordedBy?: { id: string; name: string; role: string };
}

const fixtureClerk = { id: 'person:fixture-clerk', name: 'Fixture Clerk', role: 'clerk' };

/** Appends each event to its stream in order; returns the recorded events. */
export async function appendFixtureEvents(dataDir: string, events: FixtureEvent[]) {
  const registry = EventSchemaRegistry.fromDirectory();
  const store = new SchemaCheckedEventStore(new SqliteEventStore({ file: join(dataDir, 'events.db') }), registry);
  try {
    const recorded = [];
    for (const event of events) {
      const result = await store.append(
        event.streamId,
        [{
          eventId: newEventId(),
          type: event.type,
          schemaVersion: registry.latestVersion(event.type),
          occurredAt: event.occurredAt ?? '2017-08-28T18:00:00Z',
          recordedBy: event.recordedBy ?? fixtureClerk,
          data: event.data,
        }],
        'any',
      );
      recorded.push(...result.events);
    }
    return recorded;
  } finally {
    await store.close();
  }
}
