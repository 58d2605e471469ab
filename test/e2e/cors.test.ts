/**
 * The public GraphQL API answers cross-origin reads (a civic-tech site's page calling it from a
 * browser), while a mutation from any origin still needs its bearer token.
 */
import { LedgerServer, removeDir, tempDataDir } from '../support/ledger-process';

const ORIGIN = 'https://civic-tech.example';

describe('CORS on /graphql (built server)', () => {
  let dataDir: string;
  let server: LedgerServer;
  beforeAll(async () => {
    dataDir = tempDataDir('ledger-cors-');
    server = await LedgerServer.start(dataDir);
  });
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  it('answers a preflight for POST with JSON, and a cross-origin POST or GET query, to any origin', async () => {
    const preflight = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');

    const posted = await fetch(server.url, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ events(first: 1) { totalCount } }' }) });
    expect(posted.headers.get('access-control-allow-origin')).toBe('*');
    expect(await posted.json()).toEqual({ data: { events: { totalCount: 0 } } });

    const got = await fetch(`${server.url}?query=${encodeURIComponent('{ events(first: 1) { totalCount } }')}`, { headers: { origin: ORIGIN, 'apollo-require-preflight': 'true' } });
    expect(got.headers.get('access-control-allow-origin')).toBe('*');
    expect(await got.json()).toEqual({ data: { events: { totalCount: 0 } } });
  });

  it('still refuses a mutation without a token, whatever the origin, and writes nothing', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { registerPerson(input: { id: "person:cors-test", name: "Cors Test" }) { events { sequence } } }' }),
    });
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await server.gql('{ events(first: 1) { totalCount } }')).data.events.totalCount).toBe(0);
  });
});
