/**
 * The one conformance suite every EventStore adapter must pass (docs/ARCHITECTURE.md, "Storage").
 * An adapter's spec calls runEventStoreConformance with a factory for a fresh, empty store.
 * Other libs import it as `@ledger/event-store/conformance` (tests only: the build leaves it out).
 */
import { randomUUID } from 'node:crypto';
import {
  InvalidEvent,
  WrongExpectedRevision,
  leafHashOf,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '../index';

export interface StoreUnderTest {
  store: EventStore;
  /** close and remove whatever the factory created */
  dispose(): Promise<void>;
}

const clerk = { id: 'person:test-clerk', name: 'Test Clerk', role: 'clerk' };

export function newEvent(data: unknown = { n: 1 }, overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'TestEventHappened',
    schemaVersion: 1,
    occurredAt: '2017-08-28T23:40:00Z',
    recordedBy: clerk,
    correlationId: null,
    causationId: null,
    data,
    ...overrides,
  };
}

async function take(iterable: AsyncIterable<RecordedEvent>, count: number, timeoutMs = 5000): Promise<RecordedEvent[]> {
  const taken: RecordedEvent[] = [];
  const iterator = iterable[Symbol.asyncIterator]();
  const deadline = Date.now() + timeoutMs;
  while (taken.length < count) {
    const remaining = deadline - Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`only ${taken.length} of ${count} events within ${timeoutMs} ms`)), remaining);
    });
    try {
      const next = await Promise.race([iterator.next(), timeout]);
      if (next.done) break;
      taken.push(next.value);
    } finally {
      clearTimeout(timer);
    }
  }
  await iterator.return?.();
  return taken;
}

export function runEventStoreConformance(adapterName: string, createStore: () => Promise<StoreUnderTest>): void {
  describe(`EventStore conformance: ${adapterName}`, () => {
    let subject: StoreUnderTest;
    let store: EventStore;

    beforeEach(async () => {
      subject = await createStore();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.dispose();
    });

    describe('append and expected revisions', () => {
      it('starts a stream at revision 0 and the ledger at sequence 0', async () => {
        expect(await store.lastSequence()).toBe(-1);
        const result = await store.append('measure-CB17-0766', [newEvent()], 'no-stream');
        expect(result.revision).toBe(0);
        expect(result.sequences).toEqual([0]);
        expect(result.events[0]).toMatchObject({ streamId: 'measure-CB17-0766', streamRevision: 0, sequence: 0 });
        expect(await store.lastSequence()).toBe(0);
      });

      it('continues a stream from the revision the writer read', async () => {
        await store.append('s-1', [newEvent(), newEvent()], 'no-stream');
        const result = await store.append('s-1', [newEvent()], 1);
        expect(result.revision).toBe(2);
        expect((await store.readStream('s-1')).map((e) => e.streamRevision)).toEqual([0, 1, 2]);
      });

      it('refuses no-stream on an existing stream, with the actual revision', async () => {
        await store.append('s-1', [newEvent()], 'no-stream');
        const error = await store.append('s-1', [newEvent()], 'no-stream').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevision);
        expect(error).toMatchObject({ streamId: 's-1', expected: 'no-stream', actual: 0 });
      });

      it('refuses exists on a stream with no events', async () => {
        const error = await store.append('s-empty', [newEvent()], 'exists').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevision);
        expect(error).toMatchObject({ expected: 'exists', actual: 'no-stream' });
        expect(await store.readStream('s-empty')).toEqual([]);
      });

      it('refuses a stale numeric revision and accepts any', async () => {
        await store.append('s-1', [newEvent(), newEvent()], 'no-stream');
        await expect(store.append('s-1', [newEvent()], 0)).rejects.toMatchObject({ expected: 0, actual: 1 });
        await expect(store.append('s-1', [newEvent()], 5)).rejects.toBeInstanceOf(WrongExpectedRevision);
        await expect(store.append('s-1', [newEvent()], 'exists')).resolves.toMatchObject({ revision: 2 });
        await expect(store.append('s-1', [newEvent()], 'any')).resolves.toMatchObject({ revision: 3 });
        await expect(store.append('s-new', [newEvent()], 'any')).resolves.toMatchObject({ revision: 0 });
      });

      it('refuses a malformed envelope and writes nothing', async () => {
        const bad: Array<[string, NewEvent[]]> = [
          ['no events', []],
          ['bad eventId', [newEvent({}, { eventId: 'not-a-uuid' })]],
          ['bad occurredAt', [newEvent({}, { occurredAt: '28/08/2017' })]],
          ['impossible date', [newEvent({}, { occurredAt: '2017-02-30T00:00:00Z' })]],
          ['no recordedBy', [newEvent({}, { recordedBy: { id: '', name: 'x', role: 'clerk' } })]],
          ['duplicate eventId in one append', ((e) => [e, { ...e }])(newEvent())],
          ['lone surrogate in the payload', [newEvent({ name: 'A\uD800B' })]],
          ['lone surrogate in a payload key', [newEvent({ ['\uDC00']: 1 })]],
          ['lone surrogate in recordedBy', [newEvent({}, { recordedBy: { ...clerk, name: 'Clerk \uDBFF' } })]],
        ];
        for (const [why, events] of bad) {
          await expect(store.append('s-bad', events, 'any')).rejects.toBeInstanceOf(InvalidEvent);
          expect({ why, events: await store.readStream('s-bad') }).toEqual({ why, events: [] });
        }
        await expect(store.append('has space', [newEvent()], 'any')).rejects.toBeInstanceOf(InvalidEvent);
        expect(await store.lastSequence()).toBe(-1);
      });

      it('refuses an eventId already in the ledger', async () => {
        const event = newEvent();
        await store.append('s-1', [event], 'no-stream');
        await expect(store.append('s-2', [newEvent(), event], 'no-stream')).rejects.toBeInstanceOf(InvalidEvent);
        expect(await store.readStream('s-2')).toEqual([]);
        expect(await store.lastSequence()).toBe(0);
      });
    });

    describe('atomicity and concurrency', () => {
      it('writes all events of one append or none', async () => {
        await store.append('s-1', [newEvent()], 'no-stream');
        await expect(store.append('s-1', [newEvent(), newEvent(), newEvent()], 'no-stream')).rejects.toBeInstanceOf(
          WrongExpectedRevision,
        );
        expect(await store.readStream('s-1')).toHaveLength(1);
        const result = await store.append('s-1', [newEvent({ i: 1 }), newEvent({ i: 2 }), newEvent({ i: 3 })], 0);
        expect(result.sequences).toEqual([1, 2, 3]);
        expect(result.revision).toBe(3);
      });

      it('lets exactly one of two concurrent appends with the same expected revision land', async () => {
        await store.append('s-1', [newEvent()], 'no-stream');
        const outcomes = await Promise.allSettled([
          store.append('s-1', [newEvent({ writer: 'a' })], 0),
          store.append('s-1', [newEvent({ writer: 'b' })], 0),
        ]);
        const landed = outcomes.filter((o) => o.status === 'fulfilled');
        const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(landed).toHaveLength(1);
        expect(refused).toHaveLength(1);
        expect(refused[0].reason).toBeInstanceOf(WrongExpectedRevision);
        expect(refused[0].reason).toMatchObject({ expected: 0, actual: 1 });
        expect(await store.readStream('s-1')).toHaveLength(2);
      });

      it('fails only the conflicting append among concurrent neighbours', async () => {
        await store.append('s-conflict', [newEvent()], 'no-stream');
        const outcomes = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            i === 7
              ? store.append('s-conflict', [newEvent()], 'no-stream')
              : store.append(`s-${i}`, [newEvent({ i }), newEvent({ i })], 'no-stream'),
          ),
        );
        expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
        expect(outcomes[7].status).toBe('rejected');
        const all = await store.readAll(0, 1000);
        expect(all).toHaveLength(1 + 19 * 2);
        expect(all.map((e) => e.sequence)).toEqual(all.map((_, i) => i));
      });

      it('keeps sequences dense and each append contiguous under many concurrent writers', async () => {
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => store.append(`w-${i % 10}`, [newEvent({ i }), newEvent({ i })], 'any')),
        );
        const sequences = results.flatMap((r) => r.sequences).sort((a, b) => a - b);
        expect(sequences).toEqual(Array.from({ length: 100 }, (_, i) => i));
        for (const r of results) expect(r.sequences[1]).toBe(r.sequences[0] + 1);
        for (let w = 0; w < 10; w++) {
          expect((await store.readStream(`w-${w}`)).map((e) => e.streamRevision)).toEqual(Array.from({ length: 10 }, (_, i) => i));
        }
      });
    });

    describe('reading', () => {
      beforeEach(async () => {
        for (let i = 0; i < 10; i++) await store.append(`r-${i % 3}`, [newEvent({ i })], 'any');
      });

      it('reads the whole ledger in sequence order', async () => {
        const all = await store.readAll(0, 100);
        expect(all.map((e) => e.sequence)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(all.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      });

      it('reads from the middle of the ledger and of a stream', async () => {
        expect((await store.readAll(5, 3)).map((e) => e.sequence)).toEqual([5, 6, 7]);
        expect(await store.readAll(10, 5)).toEqual([]);
        const tail = await store.readStream('r-0', 2);
        expect(tail.map((e) => e.streamRevision)).toEqual([2, 3]);
        expect(tail.map((e) => (e.data as { i: number }).i)).toEqual([6, 9]);
      });

      it('returns an empty list for a stream with no events', async () => {
        expect(await store.readStream('nobody-wrote-here')).toEqual([]);
      });
    });

    describe('envelope round trip', () => {
      it('returns the envelope exactly as written, with dates byte-identical', async () => {
        const written = newEvent(
          { title: 'Public Safety Enforcement Priority Act', nested: { list: [1, 2.5, true, null], empty: {} } },
          {
            occurredAt: '2017-08-28T17:40:00-06:00',
            correlationId: randomUUID(),
            causationId: 'command-42',
            recordedBy: { id: 'person:clerk-1', name: 'Clerk One', role: 'clerk' },
          },
        );
        const [appended] = (await store.append('env-1', [written], 'no-stream')).events;
        const [read] = await store.readStream('env-1');
        expect(read).toEqual(appended);
        expect(read).toMatchObject({
          eventId: written.eventId,
          type: 'TestEventHappened',
          schemaVersion: 1,
          occurredAt: '2017-08-28T17:40:00-06:00',
          correlationId: written.correlationId,
          causationId: 'command-42',
          recordedBy: written.recordedBy,
          data: written.data,
        });
        expect(read.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        expect((await store.readAll(0, 1))[0]).toEqual(read);
      });

      it('stores a leaf hash that anyone can recompute from the envelope', async () => {
        await store.append('h-1', [newEvent({ a: 1 }), newEvent({ b: 'two' })], 'no-stream');
        for (const event of await store.readAll(0, 10)) {
          expect(event.leafHash).toMatch(/^[0-9a-f]{64}$/);
          expect(event.leafHash).toBe(leafHashOf(event));
        }
        const [first, second] = await store.readAll(0, 2);
        expect(first.leafHash).not.toBe(second.leafHash);
      });

      it('keeps unicode intact', async () => {
        const text = 'Ordonnance — “sanctuary” 🏛️ 𝔇enver ñ ü 中文 العربية \u2028 \t';
        await store.append('u-1', [newEvent({ text, [text]: text })], 'no-stream');
        const [read] = await store.readStream('u-1');
        expect(read.data).toEqual({ text, [text]: text });
        expect(read.leafHash).toBe(leafHashOf(read));
      });

      it('round-trips a 1 MB payload', async () => {
        const big = { text: 'x'.repeat(1024 * 1024), items: Array.from({ length: 1000 }, (_, i) => ({ i })) };
        await store.append('big-1', [newEvent(big)], 'no-stream');
        const [read] = await store.readStream('big-1');
        expect(read.data).toEqual(big);
        expect(read.leafHash).toBe(leafHashOf(read));
      });
    });

    describe('subscribe', () => {
      it('catches up on stored events, then follows live appends', async () => {
        for (let i = 0; i < 5; i++) await store.append('sub-1', [newEvent({ i })], 'any');
        const controller = new AbortController();
        const received = take(store.subscribe(2, { signal: controller.signal }), 6);
        await new Promise((r) => setTimeout(r, 50));
        await store.append('sub-2', [newEvent({ i: 5 }), newEvent({ i: 6 })], 'no-stream');
        await store.append('sub-1', [newEvent({ i: 7 })], 'any');
        const events = await received;
        controller.abort();
        expect(events.map((e) => e.sequence)).toEqual([2, 3, 4, 5, 6, 7]);
        expect(events.map((e) => (e.data as { i: number }).i)).toEqual([2, 3, 4, 5, 6, 7]);
      });

      it('delivers to a subscriber that started on an empty ledger', async () => {
        const received = take(store.subscribe(0), 1);
        await new Promise((r) => setTimeout(r, 20));
        await store.append('sub-3', [newEvent({ first: true })], 'no-stream');
        const [event] = await received;
        expect(event).toMatchObject({ sequence: 0, data: { first: true } });
      });

      it('ends when its signal aborts', async () => {
        const controller = new AbortController();
        const iterator = store.subscribe(0, { signal: controller.signal })[Symbol.asyncIterator]();
        const pending = iterator.next();
        controller.abort();
        await expect(pending).resolves.toMatchObject({ done: true });
      });

      it('lets a slow consumer read at its own pace without losing events', async () => {
        for (let i = 0; i < 300; i++) await store.append(`slow-${i % 7}`, [newEvent({ i })], 'any');
        const seen: number[] = [];
        for await (const event of store.subscribe(0)) {
          seen.push(event.sequence);
          if (seen.length % 100 === 0) await new Promise((r) => setTimeout(r, 20));
          if (seen.length === 300) break;
        }
        expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => i));
      });
    });
  });
}
