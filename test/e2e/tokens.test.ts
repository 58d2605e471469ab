/**
 * The admin's job (issue 13), against the built server: tokens minted and revoked as recorded
 * events, and revocation before expiry. The first admin's token comes from `ledger token` (recorded
 * too); the admin mints a clerk's token over GraphQL, which works; once revokeToken answers, the
 * very next request with it is refused (UNAUTHENTICATED) and writes nothing. Only an admin may mint,
 * revoke or list (FORBIDDEN for a clerk, UNAUTHENTICATED without a token), and no refusal writes
 * anything. `ledger revoke-token` does the same beside the running server.
 */
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';

const RECEIPT = '{ streamId events { type sequence data recordedBy { id role } } }';
const ISSUE = `mutation($input: IssueTokenInput!) { issueToken(input: $input) { token tokenId expiresAt receipt ${RECEIPT} } }`;
const REVOKE = `mutation($input: RevokeTokenInput!) { revokeToken(input: $input) ${RECEIPT} }`;
const REGISTER = 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { revision } }';
const TOKENS = '{ tokens(first: 100) { totalCount edges { node { tokenId actorId name role status issuedBy revokedBy revokedReason expiresAt } } } }';
const UNKNOWN = 'token:00000000-0000-4000-8000-000000000000';

function lastLine(text: string): string {
  return text.trim().split('\n').pop()!;
}

describe('tokens: minted and revoked by an admin, as recorded events (real server)', () => {
  let dataDir: string;
  let server: LedgerServer;
  let admin: string;
  let clerkUnrecorded: string;

  const eventCount = async () => (await server.gql('{ events(first: 0) { totalCount } }')).data.events.totalCount as number;
  const codeOf = (result: { errors?: Array<{ extensions?: { code?: string } }> }) => result.errors?.[0]?.extensions?.code;

  /** The call is refused with `code` and the ledger holds exactly as many events as before. */
  async function refused(query: string, variables: Record<string, unknown>, bearer: string | undefined, code: string, message?: RegExp) {
    const before = await eventCount();
    const result = await server.gql(query, variables, bearer);
    expect({ code: codeOf(result), data: result.data ?? null }).toEqual({ code, data: null });
    if (message) expect(result.errors![0].message).toMatch(message);
    expect(await eventCount()).toBe(before);
    return result;
  }

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-tokens-');
    // Bootstrapping: no admin token exists yet, so the first comes from the command line, recorded.
    const bootstrap = await runCli(['token', '--actor', 'person:city-admin', '--role', 'admin', '--name', 'City Admin', '--ttl', '1h'], { LEDGER_DATA_DIR: dataDir });
    expect(bootstrap.code).toBe(0);
    expect(bootstrap.stderr).toMatch(/^token token:[0-9a-f-]{36} for City Admin \(person:city-admin, admin\), valid 1h, recorded as TokenIssued \(sequence 0\):/);
    admin = lastLine(bootstrap.stdout);
    server = await LedgerServer.start(dataDir);
    clerkUnrecorded = await mintToken(dataDir, 'clerk', 'person:other-clerk', 'Other Clerk');
  });

  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  it("records the bootstrap token from the command line (never the token itself), recorded by the operator's login", async () => {
    const { data } = await server.gql('{ events(first: 10) { edges { node { type data recordedBy { id role } } } } }');
    const [issued] = data.events.edges.map((e: { node: unknown }) => e.node);
    expect(issued).toMatchObject({ type: 'TokenIssued', data: { actorId: 'person:city-admin', name: 'City Admin', role: 'admin' }, recordedBy: { role: 'admin' } });
    expect(issued.recordedBy.id).toMatch(/^cli:/);
    expect(JSON.stringify(data)).not.toContain(admin);
  });

  it('lets an admin mint a token that works; once revoked, the very next request with it is refused and writes nothing', async () => {
    const issued = await server.gql(ISSUE, { input: { actorId: 'person:city-clerk', name: 'City Clerk', role: 'clerk', ttl: '2h' } }, admin);
    expect(issued.errors).toBeUndefined();
    const { token, tokenId, expiresAt, receipt } = issued.data.issueToken;
    expect(tokenId).toMatch(/^token:[0-9a-f-]{36}$/);
    expect(receipt.streamId).toBe(tokenId.replace(':', '-'));
    expect(receipt.events).toEqual([
      expect.objectContaining({ type: 'TokenIssued', data: { tokenId, actorId: 'person:city-clerk', name: 'City Clerk', role: 'clerk', expiresAt }, recordedBy: { id: 'person:city-admin', role: 'admin' } }),
    ]);
    expect(JSON.stringify(receipt)).not.toContain(token);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ jti: tokenId, sub: 'person:city-clerk', role: 'clerk' });
    expect(claims.exp - claims.iat).toBe(2 * 3600);
    expect(claims.exp * 1000).toBe(Date.parse(expiresAt));

    const works = await server.gql(REGISTER, { input: { id: 'person:before-revocation', name: 'Before Revocation' } }, token);
    expect(works).toEqual({ status: 200, data: { registerPerson: { revision: 0 } } });

    const revoked = await server.gql(REVOKE, { input: { tokenId, reason: 'the laptop was lost' } }, admin);
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeToken.events).toEqual([
      expect.objectContaining({ type: 'TokenRevoked', data: { tokenId, reason: 'the laptop was lost' }, recordedBy: { id: 'person:city-admin', role: 'admin' } }),
    ]);
    // No wait: the mutation answered once the read models showed the revocation.
    const after = await refused(REGISTER, { input: { id: 'person:after-revocation', name: 'After Revocation' } }, token, 'UNAUTHENTICATED', /the token was revoked/);
    expect(after.errors![0].message).toBe('the token was revoked');
    // Reads with it are refused too (a presented token that is not valid is never read as anonymous).
    expect(codeOf(await server.gql('{ events(first: 0) { totalCount } }', {}, token))).toBe('UNAUTHENTICATED');

    const list = await server.gql(TOKENS, {}, admin);
    const statusOf = Object.fromEntries(list.data.tokens.edges.map((e: { node: { tokenId: string; status: string } }) => [e.node.tokenId, e.node]));
    expect(statusOf[tokenId]).toMatchObject({ status: 'REVOKED', revokedBy: 'person:city-admin', revokedReason: 'the laptop was lost', issuedBy: 'person:city-admin' });
    expect(list.data.tokens.edges[0].node).toMatchObject({ actorId: 'person:city-admin', status: 'ACTIVE' });
  });

  it('answers a retry with the same Idempotency-Key with the same token, minting and recording nothing more', async () => {
    const send = async () => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'idempotency-key': 'mint-clerk-2' },
        body: JSON.stringify({ query: ISSUE.replace('receipt {', 'receipt { replayed'), variables: { input: { actorId: 'person:retried', role: 'clerk' } } }),
      });
      return (await response.json()).data.issueToken;
    };
    const first = await send();
    const count = await eventCount();
    const retry = await send();
    expect(await eventCount()).toBe(count);
    expect([first.receipt.replayed, retry.receipt.replayed]).toEqual([false, true]);
    expect({ token: retry.token, tokenId: retry.tokenId, expiresAt: retry.expiresAt }).toEqual({ token: first.token, tokenId: first.tokenId, expiresAt: first.expiresAt });
  });

  it('lets only an admin mint, revoke or list tokens (FORBIDDEN for a clerk, UNAUTHENTICATED without a token), writing nothing', async () => {
    const issued = await server.gql(ISSUE, { input: { actorId: 'person:someone', role: 'clerk' } }, admin);
    const { tokenId } = issued.data.issueToken;
    await refused(REVOKE, { input: { tokenId, reason: 'not mine to revoke' } }, clerkUnrecorded, 'FORBIDDEN', /role clerk may not do this; it needs admin/);
    await refused(ISSUE, { input: { actorId: 'person:me', role: 'admin' } }, clerkUnrecorded, 'FORBIDDEN');
    await refused(REVOKE, { input: { tokenId, reason: 'anonymous' } }, undefined, 'UNAUTHENTICATED');
    await refused(ISSUE, { input: { actorId: 'person:me', role: 'admin' } }, undefined, 'UNAUTHENTICATED');
    expect(codeOf(await server.gql(TOKENS, {}, clerkUnrecorded))).toBe('FORBIDDEN');
    expect(codeOf(await server.gql(TOKENS, {}))).toBe('UNAUTHENTICATED');
    // The token a clerk failed to revoke still works.
    const list = await server.gql(TOKENS, {}, admin);
    expect(list.data.tokens.edges.find((e: { node: { tokenId: string } }) => e.node.tokenId === tokenId).node.status).toBe('ACTIVE');
  });

  it('refuses revoking an unknown token (NOT_FOUND), one already revoked (CONFLICT), no reason, and a lifetime too long (BAD_USER_INPUT), writing nothing', async () => {
    await refused(REVOKE, { input: { tokenId: UNKNOWN, reason: 'never issued' } }, admin, 'NOT_FOUND', /never issued by this ledger/);
    const { tokenId } = (await server.gql(ISSUE, { input: { actorId: 'person:twice', role: 'officer' } }, admin)).data.issueToken;
    await refused(REVOKE, { input: { tokenId, reason: '  ' } }, admin, 'BAD_USER_INPUT', /reason must not be empty/);
    expect((await server.gql(REVOKE, { input: { tokenId, reason: 'first' } }, admin)).errors).toBeUndefined();
    await refused(REVOKE, { input: { tokenId, reason: 'second' } }, admin, 'CONFLICT', /already revoked/);
    await refused(ISSUE, { input: { actorId: 'person:long', role: 'clerk', ttl: '13h' } }, admin, 'BAD_USER_INPUT', /ttl 13h is too long: a token may live at most 12h/);
    await refused(ISSUE, { input: { actorId: 'person:long', role: 'clerk', ttl: 'forever' } }, admin, 'BAD_USER_INPUT', /ttl must look like 30m, 8h or 7d/);
    await refused(ISSUE, { input: { actorId: 'person:x', role: 'emperor' } }, admin, 'BAD_USER_INPUT', /role must be one of/);
  });

  it('revokes from the command line beside the running server (a locked-out admin): refused as soon as the command answers', async () => {
    const minted = await runCli(['token', '--actor', 'person:cli-clerk', '--role', 'clerk'], { LEDGER_DATA_DIR: dataDir });
    expect(minted.code).toBe(0);
    const token = lastLine(minted.stdout);
    const tokenId = /^token (token:[0-9a-f-]{36}) /.exec(minted.stderr)![1];
    expect((await server.gql(REGISTER, { input: { id: 'person:cli-before', name: 'CLI Before' } }, token)).data).toEqual({ registerPerson: { revision: 0 } });

    const revoked = await runCli(['revoke-token', tokenId, '--reason', 'left the office'], { LEDGER_DATA_DIR: dataDir });
    expect(revoked).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`revoked ${tokenId} \\(sequence \\d+\\)`)) });
    await refused(REGISTER, { input: { id: 'person:cli-after', name: 'CLI After' } }, token, 'UNAUTHENTICATED', /the token was revoked/);

    const again = await runCli(['revoke-token', tokenId, '--reason', 'again'], { LEDGER_DATA_DIR: dataDir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/CONFLICT: .*already revoked/);
    const unknown = await runCli(['revoke-token', UNKNOWN, '--reason', 'x'], { LEDGER_DATA_DIR: dataDir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/NOT_FOUND/);
    const noReason = await runCli(['revoke-token', tokenId], { LEDGER_DATA_DIR: dataDir });
    expect(noReason).toMatchObject({ code: 2, stderr: expect.stringMatching(/needs --reason/) });
  });

  it('mints with --no-record a token the record does not know: it works until it expires, and cannot be revoked', async () => {
    const before = await eventCount();
    const minted = await runCli(['token', '--actor', 'person:unrecorded', '--role', 'clerk', '--no-record'], { LEDGER_DATA_DIR: dataDir });
    expect(minted).toMatchObject({ code: 0, stderr: expect.stringMatching(/valid 8h, not recorded:/) });
    expect(await eventCount()).toBe(before);
    const token = lastLine(minted.stdout);
    const { jti } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect((await server.gql(REGISTER, { input: { id: 'person:unrecorded-works', name: 'Unrecorded Works' } }, token)).data).toEqual({ registerPerson: { revision: 0 } });
    await refused(REVOKE, { input: { tokenId: jti, reason: 'not in the record' } }, admin, 'NOT_FOUND');
  });
});
