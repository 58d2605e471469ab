/**
 * The city's identity provider, end to end: a local OpenID Connect issuer this test starts (its
 * discovery document and JWKS over real HTTP, keys made with jose), the built server configured
 * with LEDGER_OIDC_ISSUER and LEDGER_OIDC_AUDIENCE. Its access tokens record acts in the name of
 * the mapped actor; unknown issuers, wrong audiences, expired, unsigned or foreign-key tokens are
 * refused with UNAUTHENTICATED and write nothing. The ledger's own tokens keep working.
 */
import { SignJWT, exportJWK, generateKeyPair, type JWK, type KeyLike } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LedgerServer, mintToken, removeDir, tempDataDir } from '../support/ledger-process';

const AUDIENCE = 'ledger-api';
const REGISTER = 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { events { recordedBy { id name role } } } }';

describe('OpenID Connect access tokens (local issuer, built server)', () => {
  let provider: Server;
  let issuer: string;
  let key: KeyLike;
  let dataDir: string;
  let server: LedgerServer;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
    provider = createServer((request, response) => {
      const json = (body: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (request.url === '/.well-known/openid-configuration') return json({ issuer, jwks_uri: `${issuer}/jwks.json` });
      if (request.url === '/jwks.json') return json({ keys: [jwk] });
      response.writeHead(404).end();
    });
    await new Promise<void>((listening) => provider.listen(0, '127.0.0.1', listening));
    issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    dataDir = tempDataDir('ledger-oidc-');
    server = await LedgerServer.start(dataDir, { LEDGER_OIDC_ISSUER: issuer, LEDGER_OIDC_AUDIENCE: AUDIENCE, LEDGER_OIDC_ACTOR_CLAIM: 'ledger_person' });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    provider?.close();
    removeDir(dataDir);
  });

  const token = (claims: Record<string, unknown>, options: { iss?: string; aud?: string; exp?: number; signWith?: KeyLike; kid?: string } = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ledger_person: 'person:city-clerk', name: 'City Clerk (illustrative)', ledger_role: 'clerk', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'test-key-1' })
      .setSubject('00u1a2b3c4')
      .setIssuer(options.iss ?? issuer)
      .setAudience(options.aud ?? AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(options.exp ?? now + 600)
      .sign(options.signWith ?? key);
  };
  const register = (id: string, bearer: string) => server.gql(REGISTER, { input: { id, name: `Resident ${id.slice(7)} (illustrative)` } }, bearer);
  const eventCount = async () => (await server.gql('{ events(first: 0) { totalCount } }')).data.events.totalCount as number;

  it('accepts the issuer\'s token and records the act in the name of the mapped actor', async () => {
    const result = await register('person:oidc-one', await token({}));
    expect(result.errors).toBeUndefined();
    expect(result.data.registerPerson.events[0].recordedBy).toEqual({ id: 'person:city-clerk', name: 'City Clerk (illustrative)', role: 'clerk' });
  });

  it('refuses another issuer, a wrong audience, an expired token, an unsigned one and one signed by a key the issuer does not publish', async () => {
    const stranger = (await generateKeyPair('RS256')).privateKey;
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(
      JSON.stringify({ iss: issuer, aud: AUDIENCE, ledger_person: 'person:city-clerk', name: 'x', ledger_role: 'clerk', exp: Math.floor(Date.now() / 1000) + 600 }),
    ).toString('base64url')}.`;
    const cases: Array<[string, string, RegExp]> = [
      ['another issuer', await token({}, { iss: 'https://login.elsewhere.example' }), /issuer this ledger does not trust/],
      ['a wrong audience', await token({}, { aud: 'another-api' }), /not for this ledger \(aud/],
      ['an expired token', await token({}, { exp: Math.floor(Date.now() / 1000) - 120 }), /expired/],
      ['an unsigned token', unsigned, /algorithm|not valid/],
      ['a key the issuer does not publish', await token({}, { signWith: stranger }), /signature does not verify/],
      ['an unpublished key id', await token({}, { signWith: stranger, kid: 'not-published' }), /not signed by a key of the identity provider/],
      ['no known role', await token({ ledger_role: 'superuser' }), /known role/],
    ];
    const before = await eventCount();
    for (const [why, bearer, message] of cases) {
      const result = await register(`person:refused-${why.replace(/\W+/g, '-')}`, bearer);
      expect({ why, code: result.errors?.[0].extensions?.code }).toEqual({ why, code: 'UNAUTHENTICATED' });
      expect({ why, message: result.errors?.[0].message }).toEqual({ why, message: expect.stringMatching(message) });
    }
    expect(await eventCount()).toBe(before);
    // Refusals are expected: none is logged as a server error.
    expect(server.output).not.toMatch(/"level":50/);
  });

  it('still accepts the ledger\'s own tokens', async () => {
    const own = await mintToken(dataDir, 'clerk', 'person:own-clerk', 'Own Clerk');
    const result = await register('person:oidc-two', own);
    expect(result.errors).toBeUndefined();
    expect(result.data.registerPerson.events[0].recordedBy.id).toBe('person:own-clerk');
  });
});
