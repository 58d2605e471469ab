import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEventId } from '@ledger/event-store';
import { EventSchemaRegistry, SchemaCheckedEventStore } from '@ledger/event-schemas';
import { SqliteEventStore } from '@ledger/event-store-sqlite';
import { ProjectionRunner } from '../runtime/projection-runner';
import { openReadModelDatabase } from '../runtime/read-model-database';
import { SqliteReadModels } from '../runtime/sqlite-read-models';
import { tokensProjection } from './tokens.projection';
import { TokenQueries } from './tokens.queries';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const admin = { id: 'person:city-admin', name: 'City Admin', role: 'admin' };

describe('tokens projection (real SQLite files, schema-checked events)', () => {
  const registry = EventSchemaRegistry.fromDirectory();
  let dir: string;
  let raw: SqliteEventStore;
  let store: SchemaCheckedEventStore;
  let db: Database.Database;
  let tokens: TokenQueries;

  async function record(n: number, type: string, data: unknown, occurredAt: string) {
    await store.append(`token-${uuid(n)}`, [{ eventId: newEventId(), type, schemaVersion: 1, occurredAt, recordedBy: admin, data }], 'any');
  }
  const issue = (n: number) =>
    record(n, 'TokenIssued', { tokenId: `token:${uuid(n)}`, actorId: `person:p-${n}`, name: `P ${n}`, role: 'clerk', expiresAt: '2026-11-22T19:00:00Z' }, '2026-11-22T11:00:00Z');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-tokens-'));
    raw = new SqliteEventStore({ file: join(dir, 'events.db') });
    store = new SchemaCheckedEventStore(raw, registry);
    for (const n of [1, 2, 3]) await issue(n);
    await record(2, 'TokenRevoked', { tokenId: `token:${uuid(2)}`, reason: 'laptop lost' }, '2026-11-22T12:00:00Z');
    db = openReadModelDatabase(join(dir, 'read-models.db'));
    await new ProjectionRunner({ store: raw, consumers: [new SqliteReadModels(db, [tokensProjection])], upcast: (e) => registry.upcast(e) }).catchUp();
    tokens = new TokenQueries(db);
  });

  afterAll(async () => {
    db?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('knows which tokens were revoked; one it never recorded (minted before tokens were recorded) is not', () => {
    expect([1, 2, 3, 4].map((n) => tokens.isRevoked(`token:${uuid(n)}`))).toEqual([false, true, false, false]);
  });

  it('lists tokens in the order they were issued, with who revoked them and why, a page at a time', () => {
    const first = tokens.page(2, null);
    expect(first).toMatchObject({ hasNextPage: true, totalCount: 3 });
    expect(first.tokens.map((t) => t.id)).toEqual([`token:${uuid(1)}`, `token:${uuid(2)}`]);
    expect(first.tokens[1]).toMatchObject({ actorId: 'person:p-2', role: 'clerk', issuedAt: '2026-11-22T11:00:00Z', issuedBy: admin.id, revokedAt: '2026-11-22T12:00:00Z', revokedBy: admin.id, revokedReason: 'laptop lost' });
    const rest = tokens.page(2, first.tokens[1].sequence);
    expect(rest).toMatchObject({ hasNextPage: false, totalCount: 3 });
    expect(rest.tokens.map((t) => [t.id, t.revokedAt])).toEqual([[`token:${uuid(3)}`, null]]);
  });
});
