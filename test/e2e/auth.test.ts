/**
 * Authentication and authority against the built server, over HTTP and graphql-ws alike (issue 8):
 * no token, garbage, alg=none, another key, expired, no exp, iat in the future and a lifetime above
 * LEDGER_TOKEN_MAX_TTL are refused (UNAUTHENTICATED over HTTP; the socket closed with 4403 over
 * graphql-ws); a valid token without the authority (wrong role, wrong department, a mayor whose
 * term the record ended) is FORBIDDEN; no refusal writes anything. A clerk records a past act on
 * behalf of whoever held the office. An oversight subscription ends when its token expires (4401)
 * and never carries a restricted field after it.
 */
import { performance } from 'node:perf_hooks';
import { SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { LedgerServer, removeDir, tempDataDir } from '../support/ledger-process';
import { LedgerSubscriber } from '../support/ledger-subscriber';

const SECRET = 'auth-suite-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const OFFICE = 'org:auth-mayors-office';
const SHERIFF = 'org:auth-sheriff';
const HUMAN_SERVICES = 'org:auth-human-services';
const AGENCY = 'org:auth-agency';
const FORMER_MAYOR = 'person:former-mayor';
const MAYOR = 'person:current-mayor';
const OFFICER = 'person:sheriff-officer';
const OTHER_OFFICER = 'person:human-services-officer';
const OVERSEER = 'person:sheriff-overseer';

const RECEIPT = '{ events { type sequence data recordedBy { id role } } }';
const m = (name: string, inputType: string) => `mutation($input: ${inputType}!) { ${name}(input: $input) ${RECEIPT} }`;
const REGISTER = m('registerPerson', 'RegisterPersonInput');
const LEDGER_EVENTS = 'subscription($filter: EventFilter) { ledgerEvents(filter: $filter) { sequence type data } }';

const now = () => Math.floor(Date.now() / 1000);
/** A token with exactly these claims (over the usual issuer, audience and actor), signed with `secret`. */
function token(claims: JWTPayload, secret = SECRET): Promise<string> {
  return new SignJWT({ sub: 'person:auth-clerk', name: 'Auth Clerk', role: 'clerk', iss: 'ordinance-ledger', aud: 'ordinance-ledger-api', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));
}
const valid = (sub: string, role: string, ttlSeconds = 3600) => token({ sub, name: sub, role, iat: now(), exp: now() + ttlSeconds });

/** Tokens the server must refuse, each a clerk's (so an accepted one would register a person). */
const BAD_TOKENS: Array<[string, () => Promise<string>]> = [
  ['garbage', async () => 'not-a-jwt'],
  ['alg=none', async () => new UnsecuredJWT({ name: 'Auth Clerk', role: 'clerk' }).setSubject('person:auth-clerk').setIssuer('ordinance-ledger').setAudience('ordinance-ledger-api').setIssuedAt().setExpirationTime('1h').encode()],
  ['signed with another key', () => token({ iat: now(), exp: now() + 3600 }, 'another-secret-0123456789abcdefghijklmnopqrstuvwxyz')],
  ['expired', () => token({ iat: now() - 7200, exp: now() - 60 })],
  ['without exp', () => token({ iat: now() })],
  ['issued in the future', () => token({ iat: now() + 600, exp: now() + 3600 })],
  ['living longer than LEDGER_TOKEN_MAX_TTL (12h)', () => token({ iat: now(), exp: now() + 13 * 3600 })],
];

describe('authentication and authority (real server, HTTP and graphql-ws)', () => {
  let dataDir: string;
  let server: LedgerServer;
  let clerk: string;
  const subscribers: LedgerSubscriber[] = [];

  const eventCount = async () => (await server.gql('{ events(first: 0) { totalCount } }')).data.events.totalCount as number;
  async function ok(name: string, inputType: string, input: Record<string, unknown>, bearer = clerk) {
    const result = await server.gql(m(name, inputType), { input }, bearer);
    if (result.errors) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
    return result.data[name];
  }
  /** The first error's code over HTTP, checking that nothing was written and the status is no 500. */
  async function refusedOverHttp(query: string, variables: Record<string, unknown>, bearer?: string) {
    const before = await eventCount();
    const result = await server.gql(query, variables, bearer);
    expect(result.status).toBeLessThan(500);
    expect(result.data?.[Object.keys(result.data ?? {})[0]] ?? null).toBeNull();
    expect(await eventCount()).toBe(before);
    return { code: result.errors?.[0]?.extensions?.code, message: result.errors?.[0]?.message };
  }
  const subscribe = (query: string, variables: Record<string, unknown>, bearer?: string) => {
    const subscriber = new LedgerSubscriber(server.url, query, variables, bearer);
    subscribers.push(subscriber);
    return subscriber;
  };
  /** Runs one operation over graphql-ws: its first result, or how the connection ended. */
  async function overWs(query: string, variables: Record<string, unknown>, bearer?: string) {
    const before = await eventCount();
    const ws = subscribe(query, variables, bearer);
    await ws.until(() => ws.received.length > 0 || ws.closeCode !== null || ws.error !== null, 5000);
    expect(await eventCount()).toBe(before);
    await ws.dispose();
    const first = ws.received[0];
    return { closeCode: ws.closeCode, code: first?.errors?.[0]?.extensions?.code, data: first?.data, message: first?.errors?.[0]?.message };
  }
  const receiveInput = (receivingOrganizationId: string, occurredAt: string) => ({
    requestingOrganizationId: AGENCY, receivingOrganizationId, dataCategories: ['release-date-time'], action: 'share',
    recipientCategories: ['federal-immigration-enforcement'], purpose: 'civil-immigration-enforcement', legalBasis: 'none', channel: 'email',
    subjectIdentifier: `AUTH-${occurredAt}`, occurredAt,
  });

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-auth-');
    server = await LedgerServer.start(dataDir, { LEDGER_TOKEN_SECRET: SECRET });
    clerk = await valid('person:auth-clerk', 'clerk');
    const at = '2015-01-01T18:00:00Z';
    for (const [id, name, kind] of [[OFFICE, "Mayor's Office", 'EXECUTIVE'], [SHERIFF, 'Sheriff', 'DEPARTMENT'], [HUMAN_SERVICES, 'Human Services', 'DEPARTMENT'], [AGENCY, 'Agency', 'EXTERNAL_AGENCY']]) {
      await ok('registerOrganization', 'RegisterOrganizationInput', { id, name, kind, occurredAt: at });
    }
    for (const id of [FORMER_MAYOR, MAYOR, OFFICER, OTHER_OFFICER, OVERSEER]) await ok('registerPerson', 'RegisterPersonInput', { id, name: id.slice(7) });
    const start = (organizationId: string, personId: string, role: string, startDate: string) =>
      ok('startMembership', 'StartMembershipInput', { organizationId, personId, role, startDate, occurredAt: `${startDate}T18:00:00Z` });
    // The former mayor's term, as the record has it: 2015 to mid-2019; the current mayor's since.
    await start(OFFICE, FORMER_MAYOR, 'mayor', '2015-01-01');
    await ok('endMembership', 'EndMembershipInput', { organizationId: OFFICE, personId: FORMER_MAYOR, role: 'mayor', endDate: '2019-06-30', occurredAt: '2019-06-30T18:00:00Z' });
    await start(OFFICE, MAYOR, 'mayor', '2019-07-01');
    await start(SHERIFF, OFFICER, 'officer', '2015-01-01');
    await start(HUMAN_SERVICES, OTHER_OFFICER, 'officer', '2015-01-01');
    await start(SHERIFF, OVERSEER, 'oversight', '2015-01-01');
  }, 60_000);
  afterAll(async () => {
    await Promise.all(subscribers.map((s) => s.dispose()));
    await server?.stop();
    removeDir(dataDir);
  });

  it('refuses a mutation without a token (UNAUTHENTICATED), over HTTP and graphql-ws', async () => {
    const input = { input: { id: 'person:intruder', name: 'Intruder' } };
    expect(await refusedOverHttp(REGISTER, input)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await overWs(REGISTER, input)).toMatchObject({ closeCode: null, code: 'UNAUTHENTICATED' });
  });

  it.each(BAD_TOKENS)('refuses a token %s: UNAUTHENTICATED over HTTP, for queries too; the socket closed with 4403 over graphql-ws', async (_, make) => {
    const bad = await make();
    const input = { input: { id: 'person:intruder', name: 'Intruder' } };
    expect(await refusedOverHttp(REGISTER, input, bad)).toMatchObject({ code: 'UNAUTHENTICATED' });
    const query = await server.gql('{ events(first: 1) { totalCount } }', {}, bad);
    expect(query.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await overWs(REGISTER, input, bad)).toEqual({ closeCode: 4403, code: undefined, data: undefined, message: undefined });
    expect((await server.gql('{ person(id: "person:intruder") { id } }')).data.person).toBeNull();
  });

  it('refuses a valid token whose role may not do this (FORBIDDEN), over HTTP and graphql-ws', async () => {
    const officer = await valid(OFFICER, 'officer');
    const input = { input: { id: 'person:intruder', name: 'Intruder' } };
    expect(await refusedOverHttp(REGISTER, input, officer)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/role officer may not do this/) });
    expect(await overWs(REGISTER, input, officer)).toMatchObject({ closeCode: null, code: 'FORBIDDEN' });
  });

  it("refuses an officer of another department (FORBIDDEN), over HTTP and graphql-ws", async () => {
    const other = await valid(OTHER_OFFICER, 'officer');
    const receive = m('receiveDataRequest', 'ReceiveDataRequestInput');
    const variables = { input: receiveInput(SHERIFF, '2018-06-01T18:00:00Z') };
    expect(await refusedOverHttp(receive, variables, other)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/only for their own department/) });
    expect(await overWs(receive, variables, other)).toMatchObject({ closeCode: null, code: 'FORBIDDEN' });
  });

  it('refuses a mayor whose term the record ended, however the act is dated; a clerk records that act on their behalf', async () => {
    const draft = m('draftExecutiveOrder', 'DraftExecutiveOrderInput');
    const order = { id: 'EO-2018-1', title: 'Order', officeId: OFFICE, clauses: [{ eId: 'sec_1', text: 'No arrests in jails without a warrant.' }] };
    const formerMayor = await valid(FORMER_MAYOR, 'mayor');
    // dated inside the term, recorded today: the record says the term ended in 2019
    const inTerm = { input: { ...order, occurredAt: '2018-03-01T18:00:00Z' } };
    expect(await refusedOverHttp(draft, inTerm, formerMayor)).toMatchObject({
      code: 'FORBIDDEN', message: expect.stringMatching(/person:former-mayor does not hold the office of mayor of org:auth-mayors-office on \d{4}-\d\d-\d\d, the day this is recorded/),
    });
    expect(await overWs(draft, inTerm, formerMayor)).toMatchObject({ closeCode: null, code: 'FORBIDDEN' });
    // a clerk without onBehalfOf, and on behalf of someone not in office that day
    expect(await refusedOverHttp(draft, inTerm, clerk)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/acts as clerk/) });
    expect(await refusedOverHttp(draft, { input: { ...inTerm.input, onBehalfOf: MAYOR } }, clerk)).toMatchObject({
      code: 'FORBIDDEN', message: expect.stringMatching(/person:current-mayor does not hold the office of mayor .* on 2018-03-01/),
    });
    // onBehalfOf is a clerk's: not even the mayor in office may name someone else
    const mayor = await valid(MAYOR, 'mayor');
    expect(await refusedOverHttp(draft, { input: { ...order, onBehalfOf: FORMER_MAYOR } }, mayor)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/only a clerk records an act on behalf/) });

    // Backfilling: the clerk records the former mayor's 2018 act; the event says whose act it was.
    const recorded = await ok('draftExecutiveOrder', 'DraftExecutiveOrderInput', { ...inTerm.input, onBehalfOf: FORMER_MAYOR });
    expect(recorded.events[0]).toMatchObject({ type: 'ExecutiveOrderDrafted', data: { issuerId: FORMER_MAYOR }, recordedBy: { id: 'person:auth-clerk', role: 'clerk' } });
    // The mayor in office acts in person, today.
    const issued = await ok('issueExecutiveOrder', 'IssueExecutiveOrderInput', { measureId: 'EO-2018-1', effectiveFrom: '2019-08-01', occurredAt: '2019-08-01T18:00:00Z' }, mayor);
    expect(issued.events[0]).toMatchObject({ data: { issuedBy: MAYOR }, recordedBy: { id: MAYOR, role: 'mayor' } });
  });

  it('ends an oversight subscription when its token expires, and sends no restricted field after', async () => {
    const receive = m('receiveDataRequest', 'ReceiveDataRequestInput');
    const filter = { type: 'DataRequestReceived', fromSequence: await eventCount() };
    const shortLived = await valid(OVERSEER, 'oversight', 3);
    const expiresAt = JSON.parse(Buffer.from(shortLived.split('.')[1], 'base64url').toString()).exp * 1000;
    const expiring = subscribe(LEDGER_EVENTS, { filter }, shortLived);
    const lasting = subscribe(LEDGER_EVENTS, { filter }, await valid(OVERSEER, 'oversight'));
    await Promise.all([expiring.connected, lasting.connected]);
    const officer = await valid(OFFICER, 'officer');

    // Before expiry the subscriber sees restricted fields: it is oversight.
    await ok('receiveDataRequest', 'ReceiveDataRequestInput', receiveInput(SHERIFF, '2018-06-01T18:00:00Z'), officer);
    expect(await expiring.until(() => expiring.received.length === 1)).toBe(true);
    expect(expiring.received[0].data.ledgerEvents.data.subjectRef).toMatch(/^subj_[0-9a-f]{32}$/);

    // At expiry the server closes the socket: 4401, which clients do not retry.
    expect(await expiring.until(() => expiring.closeCode !== null, expiresAt - Date.now() + 3000)).toBe(true);
    expect(expiring.closeCode).toBe(4401);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);

    // Events go on (the lasting subscriber gets them, restricted fields included); the expired one gets nothing.
    const result = await server.gql(receive, { input: receiveInput(SHERIFF, '2018-06-02T18:00:00Z') }, officer);
    expect(result.errors).toBeUndefined();
    expect(await lasting.until(() => lasting.received.length === 2)).toBe(true);
    expect(lasting.received[1].data.ledgerEvents.data.subjectRef).toMatch(/^subj_/);
    expect(await expiring.until(() => expiring.received.length > 1, 500)).toBe(false);
    for (const r of expiring.received) {
      if (performance.timeOrigin + r.at >= expiresAt) expect(r.data.ledgerEvents.data.subjectRef).toEqual({ commitment: expect.stringMatching(/^[0-9a-f]{64}$/) });
    }
    // and the expired token cannot open a new connection
    const again = subscribe(LEDGER_EVENTS, { filter }, shortLived);
    await expect(again.connected).rejects.toThrow();
    expect(again.closeCode).toBe(4403);
  });

  it('logs none of these refusals as an error: they are answers, not faults', () => {
    expect(server.output).toMatch(/ledger API on/);
    expect(server.output).not.toMatch(/ERROR|"level":(50|60)|\n\s+at \S/);
  });
});
