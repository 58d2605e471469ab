import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEventId, type RecordedEvent } from '@ledger/event-store';
import { EventSchemaRegistry, SchemaCheckedEventStore } from '@ledger/event-schemas';
import { SqliteEventStore } from '@ledger/event-store-sqlite';
import { ProjectionRunner, SqliteReadModels, openReadModelDatabase, type SqliteProjection } from '@ledger/projections';
import type { HistoryEvent } from './legislation-history.fixture';

const fixtureClerk = { id: 'person:fixture-clerk', name: 'Fixture Clerk', role: 'clerk' };

/**
 * A real events.db and read-models.db in a temp dir, with the real runner: events go through the
 * schema check on append and are upcast on the way to the projections, as in the server.
 */
export class ReadModelHarness {
  readonly db: Database.Database;
  private readonly store: SchemaCheckedEventStore;
  private readonly raw: SqliteEventStore;
  private readonly runner: ProjectionRunner;
  private readonly registry = EventSchemaRegistry.fromDirectory();

  private constructor(
    readonly dir: string,
    projections: SqliteProjection[],
  ) {
    this.raw = new SqliteEventStore({ file: join(dir, 'events.db') });
    this.store = new SchemaCheckedEventStore(this.raw, this.registry);
    this.db = openReadModelDatabase(join(dir, 'read-models.db'));
    const consumers = [new SqliteReadModels(this.db, projections)];
    this.runner = new ProjectionRunner({ store: this.raw, consumers, upcast: (event) => this.registry.upcast(event) });
  }

  static create(projections: SqliteProjection[], prefix = 'ledger-read-model-'): ReadModelHarness {
    return new ReadModelHarness(mkdtempSync(join(tmpdir(), prefix)), projections);
  }

  /** Appends the events (schema-checked) and lets every projection catch up; returns them as recorded. */
  async record(events: HistoryEvent[]): Promise<RecordedEvent[]> {
    const recorded: RecordedEvent[] = [];
    for (const event of events) {
      const result = await this.store.append(
        event.streamId,
        [{
          eventId: newEventId(),
          type: event.type,
          schemaVersion: this.registry.latestVersion(event.type),
          occurredAt: event.occurredAt,
          recordedBy: event.recordedBy ?? fixtureClerk,
          data: event.data,
        }],
        'any',
      );
      recorded.push(...result.events);
    }
    await this.runner.catchUp();
    return recorded;
  }

  /** Drops every read model and replays the log from 0. */
  async rebuild(): Promise<void> {
    this.runner.reset();
    await this.runner.catchUp();
  }

  async close(): Promise<void> {
    this.db.close();
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
