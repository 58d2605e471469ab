import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidEvent, SchemaViolation, leafHashOf, type NewEvent, type RecordedEvent } from '@ledger/event-store';
import { SqliteEventStore } from '@ledger/event-store-sqlite';
import { defaultEventSchemaDir } from './default-schema-dir';
import { EventSchemaRegistry } from './event-schema.registry';
import { SchemaCheckedEventStore } from './schema-checked-event-store';

const registry = EventSchemaRegistry.fromDirectory(defaultEventSchemaDir());
const clerk = { id: 'person:test-clerk', name: 'Test Clerk', role: 'clerk' };

function event(type: string, schemaVersion: number, data: unknown): NewEvent {
  return { eventId: randomUUID(), type, schemaVersion, occurredAt: '2017-08-28T23:40:00Z', recordedBy: clerk, data };
}

const registeredV2 = (slug: string) =>
  event('PersonRegistered', 2, { personId: `person:${slug}`, name: 'Robin Kniech', sortName: 'Kniech, Robin' });

describe('SchemaCheckedEventStore over a real SQLite file', () => {
  let dir: string;
  let file: string;
  let raw: SqliteEventStore;
  let checked: SchemaCheckedEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-schema-checked-'));
    file = join(dir, 'events.db');
    raw = new SqliteEventStore({ file, pollIntervalMs: 50 });
    checked = new SchemaCheckedEventStore(raw, registry);
  });

  afterEach(async () => {
    await raw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function expectNothingWritten(): Promise<void> {
    expect(await raw.readAll(0, 100)).toEqual([]);
    expect(await raw.lastSequence()).toBe(-1);
  }

  it('appends a valid latest-version event and reads it back unchanged', async () => {
    const appended = await checked.append('person-robin-kniech', [registeredV2('robin-kniech')], 'no-stream');
    const [read] = await checked.readStream('person-robin-kniech');
    expect(read).toEqual(appended.events[0]);
    expect(read.schemaVersion).toBe(registry.latestVersion('PersonRegistered'));
  });

  it('refuses an invalid payload with its path and writes nothing', async () => {
    const bad = event('PersonRegistered', 2, { personId: 'person:robin-kniech', name: 'Robin Kniech' });
    const refusal = await checked.append('person-robin-kniech', [bad], 'no-stream').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SchemaViolation);
    expect(refusal).toMatchObject({
      eventType: 'PersonRegistered',
      schemaVersion: 2,
      path: '/sortName',
    });
    await expectNothingWritten();
  });

  it('refuses the whole append when the second of three events is invalid', async () => {
    const events = [
      registeredV2('robin-kniech'),
      event('PersonRecordCorrected', 1, { personId: 'person:robin-kniech', corrections: {}, reason: 'nothing, in fact' }),
      event('PersonRecordCorrected', 1, { personId: 'person:robin-kniech', corrections: { name: 'Robin K.' }, reason: 'typo' }),
    ];
    const refusal = await checked.append('person-robin-kniech', events, 'no-stream').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SchemaViolation);
    expect(refusal).toMatchObject({
      eventType: 'PersonRecordCorrected',
      path: '/corrections',
    });
    await expectNothingWritten();
    expect(await raw.readStream('person-robin-kniech')).toEqual([]);
  });

  it('refuses an unknown type or version and writes nothing', async () => {
    await expect(checked.append('person-x', [event('PersonDeleted', 1, { personId: 'person:x' })], 'any')).rejects.toMatchObject({ path: '', eventType: 'PersonDeleted' });
    await expect(checked.append('person-x', [event('PersonRegistered', 9, { personId: 'person:x', name: 'X' })], 'any')).rejects.toMatchObject({ path: '', schemaVersion: 9 });
    await expectNothingWritten();
  });

  it('still refuses a malformed envelope with the port error, before consulting any schema', async () => {
    await expect(checked.append('person-x', [], 'any')).rejects.toBeInstanceOf(InvalidEvent);
    await expect(checked.append('person-x', [{ ...registeredV2('x'), eventId: 'not-a-uuid' }], 'any')).rejects.toBeInstanceOf(InvalidEvent);
    await expectNothingWritten();
  });

  it('validates the payload as it will be stored', async () => {
    const data = { personId: 'person:x', name: 'X', sortName: 'X', note: undefined };
    const { events } = await checked.append('person-x', [event('PersonRegistered', 2, data)], 'no-stream');
    expect(events[0].data).toEqual({ personId: 'person:x', name: 'X', sortName: 'X' });
  });

  it('leaves the ledger usable after a refusal: the next append takes sequence 0', async () => {
    await expect(checked.append('person-x', [event('PersonRegistered', 2, {})], 'no-stream')).rejects.toBeInstanceOf(SchemaViolation);
    const { sequences } = await checked.append('person-x', [registeredV2('x')], 'no-stream');
    expect(sequences).toEqual([0]);
  });

  it('stores a v1 event as v1 and reads it as v2 after the file is reopened, hash untouched', async () => {
    const v1Data = { personId: 'person:paul-lopez', name: 'Paul López' };
    const appended = await checked.append('person-paul-lopez', [event('PersonRegistered', 1, v1Data)], 'no-stream');
    const storedHash = appended.events[0].leafHash;
    expect(appended.events[0].schemaVersion).toBe(1);
    await raw.close();

    raw = new SqliteEventStore({ file, pollIntervalMs: 50 });
    checked = new SchemaCheckedEventStore(raw, registry);

    const [stored] = await raw.readStream('person-paul-lopez');
    expect(stored.schemaVersion).toBe(1);
    expect(stored.data).toEqual(v1Data);
    expect(stored.leafHash).toBe(storedHash);
    expect(leafHashOf(stored)).toBe(storedHash);

    const expected: RecordedEvent = { ...stored, schemaVersion: 2, data: { ...v1Data, sortName: 'Paul López' } };
    expect(await checked.readStream('person-paul-lopez')).toEqual([expected]);
    expect(await checked.readAll(0, 10)).toEqual([expected]);

    // Reading through the decorator changed nothing in storage.
    const [again] = await raw.readStream('person-paul-lopez');
    expect(again).toEqual(stored);
  });

  it('upcasts what subscribe delivers, stored and live', async () => {
    await checked.append('person-a', [event('PersonRegistered', 1, { personId: 'person:a', name: 'A' })], 'no-stream');
    const controller = new AbortController();
    const seen: RecordedEvent[] = [];
    const reading = (async () => {
      for await (const e of checked.subscribe(0, { signal: controller.signal })) {
        seen.push(e);
        if (seen.length === 1) {
          await checked.append('person-b', [event('PersonRegistered', 1, { personId: 'person:b', name: 'B' })], 'no-stream');
        }
        if (seen.length === 2) break;
      }
    })();
    await reading;
    controller.abort();
    expect(seen.map((e) => [e.sequence, e.schemaVersion, (e.data as { sortName: string }).sortName])).toEqual([
      [0, 2, 'A'],
      [1, 2, 'B'],
    ]);
  });

  it('delegates lastSequence and close', async () => {
    expect(await checked.lastSequence()).toBe(-1);
    await checked.append('person-x', [registeredV2('x')], 'no-stream');
    expect(await checked.lastSequence()).toBe(await raw.lastSequence());
    await checked.close();
    await expect(raw.append('person-y', [registeredV2('y')], 'no-stream')).rejects.toThrow(/closed/);
  });
});
