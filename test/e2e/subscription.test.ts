/**
 * Live events over graphql-ws (the `ledgerEvents` subscription) against the built server on the
 * seeded Denver demo: delivery of another client's appends, filters, redaction of restricted
 * fields for anyone but oversight, refusal of a bad token, and subscriptions closed on shutdown.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';
import { LedgerSubscriber } from '../support/ledger-subscriber';

const LEDGER_EVENTS = `subscription($filter: EventFilter) {
  ledgerEvents(filter: $filter) { id type streamId sequence occurredAt recordedBy { id role } leafHash data }
}`;
const REGISTER = 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { streamId events { sequence } } }';
const RECEIVE = 'mutation($input: ReceiveDataRequestInput!) { receiveDataRequest(input: $input) { events { sequence data } } }';

describe('ledgerEvents subscription (graphql-ws, real server, seeded demo)', () => {
  let dataDir: string;
  let server: LedgerServer;
  let clerk: string;
  let officer: string;
  let oversight: string;
  const subscribers: LedgerSubscriber[] = [];

  const subscribe = (variables: Record<string, unknown> = {}, token?: string) => {
    const subscriber = new LedgerSubscriber(server.url, LEDGER_EVENTS, variables, token);
    subscribers.push(subscriber);
    return subscriber;
  };
  const nextSequence = async () => (await server.gql('{ events(first: 0) { totalCount } }')).data.events.totalCount as number;
  let people = 0;
  async function registerPerson(): Promise<{ streamId: string; sequence: number }> {
    const n = ++people;
    const result = await server.gql(REGISTER, { input: { id: `person:live-subscriber-${n}`, name: `Live Subscriber ${n}` } }, clerk);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return { streamId: result.data.registerPerson.streamId, sequence: result.data.registerPerson.events[0].sequence };
  }
  /** Appends until the subscriber has one, so what follows is measured on an established subscription. */
  async function established(subscriber: LedgerSubscriber): Promise<void> {
    await subscriber.connected;
    for (let attempt = 0; attempt < 30; attempt++) {
      const before = subscriber.received.length;
      await registerPerson();
      if (await subscriber.until(() => subscriber.received.length > before, 300)) return;
    }
    throw new Error('the subscription never received an event');
  }

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-subscription-');
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    [clerk, officer, oversight] = await Promise.all([
      mintToken(dataDir, 'clerk'),
      mintToken(dataDir, 'officer', 'person:illustrative-sheriff-officer', 'Sheriff Records Officer (illustrative)'),
      mintToken(dataDir, 'oversight', 'person:illustrative-oversight-reviewer', 'Oversight Reviewer (illustrative)'),
    ]);
    server = await LedgerServer.start(dataDir);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(subscribers.map((s) => s.dispose()));
    await server?.stop();
    removeDir(dataDir);
  });

  it('delivers an event appended by another client within a second, readable at once over HTTP', async () => {
    const subscriber = subscribe({ filter: { type: 'PersonRegistered' } });
    await established(subscriber);
    const before = subscriber.received.length;
    const started = performance.now();
    const { streamId, sequence } = await registerPerson();
    expect(await subscriber.until(() => subscriber.received.length > before, 1000)).toBe(true);
    const { at, data } = subscriber.received[before];
    // a bound on delivery, not a benchmark
    expect(at - started).toBeLessThan(1000);
    expect(data.ledgerEvents).toMatchObject({ type: 'PersonRegistered', streamId, sequence, recordedBy: { id: 'person:demo-clerk', role: 'clerk' } });
    expect(data.ledgerEvents.leafHash).toMatch(/^[0-9a-f]{64}$/);
    // published after the read models applied it: a query made on receipt already finds it
    const node = await server.gql('query($id: ID!) { node(id: $id) { ... on LedgerEvent { sequence } } }', { id: data.ledgerEvents.id });
    expect(node.data.node).toEqual({ sequence });
  });

  it('applies the filter: a subscriber to one stream gets nothing from the others', async () => {
    const from = await nextSequence();
    const everything = subscribe({ filter: { fromSequence: from } });
    await everything.connected;
    const other = await registerPerson();
    const mine = await registerPerson();
    const oneStream = subscribe({ filter: { streamId: mine.streamId, fromSequence: from } });
    const byClerk = subscribe({ filter: { recordedById: 'person:demo-clerk', type: 'PersonRegistered', fromSequence: from, toSequence: other.sequence } });
    expect(await oneStream.until(() => oneStream.received.length >= 1)).toBe(true);
    expect(await everything.until(() => everything.received.length >= 2)).toBe(true);
    // events arrive in sequence order, so once `mine` is in, `other` (earlier) was already passed over
    expect(oneStream.received.map((r) => r.data.ledgerEvents.sequence)).toEqual([mine.sequence]);
    expect(everything.received.map((r) => r.data.ledgerEvents.sequence).slice(0, 2)).toEqual([other.sequence, mine.sequence]);
    // toSequence ends the subscription
    expect(await byClerk.until(() => byClerk.completed)).toBe(true);
    expect(byClerk.received.map((r) => r.data.ledgerEvents.sequence)).toEqual([other.sequence]);
  });

  it('replaces restricted values by commitments for an anonymous subscriber, not for oversight', async () => {
    const filter = { type: 'DataRequestReceived', fromSequence: await nextSequence() };
    const anonymous = subscribe({ filter });
    const overseer = subscribe({ filter }, oversight);
    const asOfficer = subscribe({ filter }, officer);
    await Promise.all([anonymous.connected, overseer.connected, asOfficer.connected]);
    const result = await server.gql(RECEIVE, { input: {
      requestingOrganizationId: 'org:us-immigration-customs-enforcement', receivingOrganizationId: 'org:denver-sheriff-department',
      dataCategories: ['release-date-time'], action: 'share', recipientCategories: ['federal-immigration-enforcement'],
      purpose: 'civil-immigration-enforcement', legalBasis: 'none', channel: 'email', subjectIdentifier: 'LIVE-BOOKING-1',
      personalDetails: 'Live Resident, born 2001-01-01', occurredAt: '2018-06-01T18:00:00Z',
    } }, officer);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    for (const s of [anonymous, overseer, asOfficer]) expect(await s.until(() => s.received.length === 1)).toBe(true);

    const seen = (s: LedgerSubscriber) => s.received[0].data.ledgerEvents;
    expect(seen(overseer).type).toBe('DataRequestReceived');
    expect(seen(overseer).data.subjectRef).toMatch(/^subj_[0-9a-f]{32}$/);
    expect(seen(overseer).data.personalDetails).toBeTruthy();
    for (const s of [anonymous, asOfficer]) {
      expect(seen(s).sequence).toBe(seen(overseer).sequence);
      // A salted commitment stands for each restricted value, never the value.
      expect(seen(s).data.subjectRef).toEqual({ commitment: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(seen(s).data.personalDetails).toEqual({ commitment: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(seen(s).data.dataCategories).toEqual(['release-date-time']);
      expect(JSON.stringify(s.received)).not.toContain(seen(overseer).data.subjectRef);
    }
  });

  it('refuses an invalid token at connection', async () => {
    for (const token of ['not-a-jwt', `${oversight.slice(0, -4)}AAAA`]) {
      const refused = subscribe({}, token);
      await expect(refused.connected).rejects.toThrow();
      expect(refused.closeCode).toBe(4403);
      expect(refused.received).toEqual([]);
    }
  });

  it('refuses a bad filter with BAD_USER_INPUT', async () => {
    const bad = subscribe({ filter: { fromSequence: -1 } });
    expect(await bad.until(() => bad.received.length > 0 || bad.error !== null)).toBe(true);
    const errors = bad.received[0]?.errors ?? (bad.error as Array<{ extensions?: { code?: string } }>);
    expect(errors[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps appending while a subscriber stalls or drops its connection', async () => {
    // a raw socket that subscribes, stops reading, and is then cut off without a goodbye
    const raw = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve, reject) => (raw.once('open', resolve), raw.once('error', reject)));
    raw.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    await new Promise((resolve) => raw.once('message', resolve));
    raw.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: LEDGER_EVENTS } }));
    (raw as unknown as { _socket: { pause(): void } })._socket.pause();
    const listener = subscribe({ filter: { type: 'PersonRegistered' } });
    await established(listener);
    const before = listener.received.length;
    const appended = [];
    for (let i = 0; i < 20; i++) appended.push((await registerPerson()).sequence);
    raw.terminate();
    for (let i = 0; i < 5; i++) appended.push((await registerPerson()).sequence);
    expect(await listener.until(() => listener.received.length >= before + appended.length)).toBe(true);
    expect(listener.received.slice(before).map((r) => r.data.ledgerEvents.sequence)).toEqual(appended);
  });

  it('closes open subscriptions on graceful shutdown', async () => {
    const open = subscribe();
    await open.connected;
    await new Promise((resolve) => setTimeout(resolve, 100));
    await server.stop('SIGTERM');
    expect(await open.until(() => open.closeCode !== null)).toBe(true);
    expect(open.closeCode).toBe(1001);
    expect(server.output).toMatch(/event store and read models closed cleanly/);
  });
});
