/**
 * HTTP as users of public APIs expect, against the built server: GraphQL-shaped error bodies for
 * every refusal, security headers, field suggestions only for staff, introspection that can be
 * turned off, per-address rate limits, and a log that names the bound address and stays quiet.
 */
import { LedgerServer, mintToken, removeDir, tempDataDir } from '../support/ledger-process';

type ErrorBody = { errors: Array<{ message: string; extensions: { code: string; [key: string]: unknown } }> };

async function post(server: LedgerServer, body: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: ErrorBody }> {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, headers: response.headers, body: (await response.json()) as ErrorBody };
}

const NO_STACK = /\bat \S+ \(|node_modules|\.js:\d+/;

describe('HTTP hardening (built server)', () => {
  let dataDir: string;
  let server: LedgerServer;
  let clerk: string;

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-http-');
    server = await LedgerServer.start(dataDir);
    clerk = await mintToken(dataDir, 'clerk');
  });
  afterAll(async () => {
    await server.stop();
    removeDir(dataDir);
  });

  it.each([
    ['malformed JSON', '{"query": ', 400, 'BAD_REQUEST', /not valid JSON/],
    ['a body over 100 KB', JSON.stringify({ query: `{ events(first: 1) { totalCount } } #${'x'.repeat(110_000)}` }), 413, 'PAYLOAD_TOO_LARGE', /larger than the 100 KB limit/],
    ['an unknown persisted query', JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } }), 200, 'PERSISTED_QUERY_NOT_FOUND', /PersistedQueryNotFound/],
    ['no query at all', '{}', 400, 'BAD_REQUEST', /body missing/],
    ['a persisted query whose hash does not match', JSON.stringify({ query: '{ events(first: 1) { totalCount } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abcd' } } }), 400, 'BAD_REQUEST', /sha does not match/],
    ['an unsupported persisted-query version', JSON.stringify({ extensions: { persistedQuery: { version: 2, sha256Hash: 'abcd' } } }), 400, 'BAD_REQUEST', /Unsupported persisted query version/],
    ['a batch', JSON.stringify([{ query: '{ events(first: 1) { totalCount } }' }]), 400, 'BAD_REQUEST', /batching disabled/],
  ])('answers %s with a GraphQL-shaped error and its code, no stack trace', async (_what, body, status, code, message) => {
    const answer = await post(server, body);
    expect(answer.status).toBe(status);
    expect(answer.body.errors[0].extensions.code).toBe(code);
    expect(answer.body.errors[0].message).toMatch(message);
    expect(JSON.stringify(answer.body)).not.toMatch(NO_STACK);
  });

  it('answers an unknown path with a GraphQL-shaped 404', async () => {
    const response = await fetch(`${server.base}/no-such-page`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('sends security headers and no X-Powered-By', async () => {
    const { headers } = await post(server, JSON.stringify({ query: '{ events(first: 1) { totalCount } }' }));
    expect(headers.get('x-powered-by')).toBeNull();
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a well-formed X-Request-Id from the caller, so a request can be traced across services', async () => {
    const { headers } = await post(server, JSON.stringify({ query: '{ events(first: 1) { totalCount } }' }), { 'x-request-id': 'portal-42.a' });
    expect(headers.get('x-request-id')).toBe('portal-42.a');
    const forged = await post(server, JSON.stringify({ query: '{ events(first: 1) { totalCount } }' }), { 'x-request-id': 'a b\u00e9' });
    expect(forged.headers.get('x-request-id')).not.toBe('a b\u00e9');
  });

  it('offers field suggestions to staff with a token, not to anonymous callers', async () => {
    const typo = JSON.stringify({ query: '{ evnts { totalCount } }' });
    const anonymous = await post(server, typo);
    expect(anonymous.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(anonymous.body.errors[0].message).toBe('Cannot query field "evnts" on type "Query".');
    const staff = await post(server, typo, { authorization: `Bearer ${clerk}` });
    expect(staff.body.errors[0].message).toMatch(/Did you mean "events"/);
  });

  it('serves introspection by default (civic developers build on the public API)', async () => {
    const answer = await post(server, JSON.stringify({ query: '{ __schema { queryType { name } } }' }));
    expect(answer.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('logs the bound address, refusals as one info line without the input, and never a token', async () => {
    const before = server.output.length;
    const secretInput = 'SECRET-INPUT-'.repeat(5);
    for (let i = 0; i < 20; i++) {
      await post(server, JSON.stringify({ query: `mutation { registerPerson(input: {id: "person:x", name: "${secretInput}"}) { revision } }` }), {
        authorization: `Bearer ${clerk.slice(0, -4)}AAAA`,
      });
    }
    await new Promise((done) => setTimeout(done, 200));
    const added = server.output.slice(before);
    const lines = added.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.length).toBeGreaterThanOrEqual(20);
    expect(lines.length).toBeLessThanOrEqual(40);
    for (const line of lines) {
      expect(line.level).toBeLessThanOrEqual(30); // info or below: a refusal is not a server error
      expect(line.req?.id ?? line.msg).toBeDefined();
    }
    expect(lines.filter((line) => /^refused /.test(line.msg))).toHaveLength(20);
    expect(added).not.toContain('SECRET-INPUT');
    expect(added).not.toContain(clerk.slice(0, 40));
    expect(added.length / 20).toBeLessThan(600);
    expect(server.output).toMatch(/"msg":"ledger API on http:\/\/127\.0\.0\.1:\d+\/graphql/);
    expect(server.output).not.toMatch(/other machines can reach/);
  });
});

describe('HTTP settings (built server)', () => {
  let dataDir: string;
  beforeAll(() => (dataDir = tempDataDir('ledger-http-settings-')));
  afterAll(() => removeDir(dataDir));

  it('turns introspection off with LEDGER_INTROSPECTION=false', async () => {
    const server = await LedgerServer.start(dataDir, { LEDGER_INTROSPECTION: 'false' });
    try {
      const answer = await post(server, JSON.stringify({ query: '{ __schema { queryType { name } } }' }));
      expect(answer.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(answer.body.errors[0].message).toMatch(/introspection/i);
    } finally {
      await server.stop();
    }
  });

  it('limits anonymous callers per address (429 with Retry-After), guessed tokens far more, staff not at all', async () => {
    const server = await LedgerServer.start(dataDir, { LEDGER_RATE_LIMIT: '20' });
    const clerk = await mintToken(dataDir, 'clerk');
    const query = JSON.stringify({ query: '{ events(first: 1) { totalCount } }' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await post(server, query)).status);
      expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
      const limited = await post(server, query);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
      // X-Forwarded-For is not believed from a peer that is not a trusted proxy.
      expect((await post(server, query, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
      // A valid token is not limited; a guessed one is, after 20/20 = 1 try.
      for (let i = 0; i < 5; i++) expect((await post(server, query, { authorization: `Bearer ${clerk}` })).status).toBe(200);
      expect((await post(server, query, { authorization: 'Bearer guessed.token.value' })).status).toBe(200);
      const guessing = await post(server, query, { authorization: 'Bearer guessed.token.again' });
      expect(guessing.status).toBe(429);
      expect(guessing.body.errors[0].message).toMatch(/invalid token/);
    } finally {
      await server.stop();
    }
  });

  it('believes X-Forwarded-For from a trusted proxy, so each client behind it has its own limit', async () => {
    const server = await LedgerServer.start(dataDir, { LEDGER_RATE_LIMIT: '3', LEDGER_TRUSTED_PROXY: '127.0.0.1' });
    const query = JSON.stringify({ query: '{ events(first: 1) { totalCount } }' });
    try {
      for (let i = 0; i < 3; i++) expect((await post(server, query, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(200);
      expect((await post(server, query, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(429);
      expect((await post(server, query, { 'x-forwarded-for': '203.0.113.2' })).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('warns when the address it binds can be reached from other machines', async () => {
    const server = await LedgerServer.start(dataDir, { LEDGER_HOST: '0.0.0.0' });
    try {
      expect(server.output).toMatch(/ledger API on http:\/\/0\.0\.0\.0:\d+\/graphql/);
      expect(server.output).toMatch(/"level":40.*other machines can reach/);
    } finally {
      await server.stop();
    }
  });
});
