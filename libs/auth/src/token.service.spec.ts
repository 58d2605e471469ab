import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { resolveTokenSecret } from './token-secret';
import { InvalidToken, TokenLifetimeTooLong, TokenService } from './token.service';

const HOUR = 3600;
const SECRET = new TextEncoder().encode('a'.repeat(40));
const now = () => Math.floor(Date.now() / 1000);

/** A token signed with the service's secret, with exactly the claims given (no defaults). */
function signed(claims: JWTPayload, secret = SECRET): Promise<string> {
  return new SignJWT({ name: 'X', role: 'clerk', sub: 'person:x', iss: 'ordinance-ledger', aud: 'ordinance-ledger-api', ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(secret);
}

describe('TokenService', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ledger-auth-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips an actor through a signed token that states when it was issued and expires', async () => {
    const tokens = new TokenService(resolveTokenSecret(undefined, join(dir, 'secret')), 12 * HOUR);
    const before = now();
    const token = await tokens.mint({ id: 'person:clerk-1', name: 'Clerk One', role: 'clerk' });
    const verified = await tokens.verify(token);
    expect(verified.actor).toEqual({ id: 'person:clerk-1', name: 'Clerk One', role: 'clerk' });
    const { iat, exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(iat).toBeGreaterThanOrEqual(before);
    expect(exp - iat).toBe(8 * HOUR);
    expect(verified.expiresAt).toBe(exp * 1000);
  });

  it('generates one private secret file and reuses it', () => {
    const file = join(dir, 'secrets', 'token-secret');
    const first = resolveTokenSecret(undefined, file);
    expect(Buffer.from(resolveTokenSecret(undefined, file))).toEqual(Buffer.from(first));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').length).toBeGreaterThanOrEqual(64);
  });

  it('mints no token longer than the maximum lifetime, and by default the shorter of 8 hours and that', async () => {
    const tokens = new TokenService(SECRET, 2 * HOUR);
    expect(tokens.defaultTtlSeconds).toBe(2 * HOUR);
    await expect(tokens.mint({ id: 'x', name: 'X', role: 'clerk' }, 3 * HOUR)).rejects.toThrow(TokenLifetimeTooLong);
    await expect(tokens.mint({ id: 'x', name: 'X', role: 'clerk' }, 3 * HOUR)).rejects.toThrow('a token may live at most 2h (LEDGER_TOKEN_MAX_TTL)');
    await expect(tokens.mint({ id: 'x', name: 'X', role: 'clerk' }, 0)).rejects.toThrow(RangeError);
    expect(new TokenService(SECRET, 12 * HOUR).defaultTtlSeconds).toBe(8 * HOUR);
  });

  it.each<[string, () => Promise<string>, string]>([
    ['signed with another secret', () => signed({ iat: now(), exp: now() + HOUR }, new TextEncoder().encode('b'.repeat(40))), 'token is not valid for this ledger'],
    ['unsigned (alg none)', async () => new UnsecuredJWT({ name: 'X', role: 'admin' }).setSubject('x').setIssuer('ordinance-ledger').setAudience('ordinance-ledger-api').setIssuedAt().setExpirationTime('1h').encode(), 'token is not valid for this ledger'],
    ['garbage', async () => 'not.a.token', 'token is not valid for this ledger'],
    ['expired', () => signed({ iat: now() - 2 * HOUR, exp: now() - 1 }), 'token has expired'],
    ['without exp', () => signed({ iat: now() }), 'token has no expiry (exp)'],
    ['without iat', () => signed({ exp: now() + HOUR }), 'token has no issue time (iat)'],
    ['issued in the future', () => signed({ iat: now() + 300, exp: now() + HOUR }), 'token was issued in the future (iat)'],
    ['living longer than the maximum', () => signed({ iat: now(), exp: now() + 12 * HOUR + 1 }), 'token lives longer than 12h, the most this ledger accepts (LEDGER_TOKEN_MAX_TTL)'],
    ['without a known role', () => signed({ iat: now(), exp: now() + HOUR, role: 'emperor' }), 'token lacks an actor id, name or known role'],
    ['without a subject', () => signed({ iat: now(), exp: now() + HOUR, sub: undefined }), 'token lacks an actor id, name or known role'],
  ])('refuses a token %s', async (_, token, message) => {
    const verifying = new TokenService(SECRET, 12 * HOUR).verify(await token());
    await expect(verifying).rejects.toThrow(InvalidToken);
    await expect(verifying).rejects.toThrow(message);
  });

  it('accepts an iat a little ahead (clock skew) and a lifetime of exactly the maximum', async () => {
    const tokens = new TokenService(SECRET, 12 * HOUR);
    await expect(tokens.verify(await signed({ iat: now() + 30, exp: now() + 30 + 12 * HOUR }))).resolves.toMatchObject({ actor: { id: 'person:x' } });
  });

  describe('revocation before expiry', () => {
    const actor = { id: 'person:clerk-1', name: 'Clerk One', role: 'clerk' as const };
    const revokedIds = new Set<string>();
    const tokens = new TokenService(SECRET, 12 * HOUR, null, { isRevoked: (id) => revokedIds.has(id) });

    it('signs the token a TokenIssued recorded: its id as jti, its issue time and expiry', async () => {
      const { issuedAt, expiresAt } = tokens.lifetime(2 * HOUR);
      const token = await tokens.sign(actor, { tokenId: 'token:00000000-0000-4000-8000-000000000001', issuedAt, expiresAt });
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      expect(claims).toMatchObject({ jti: 'token:00000000-0000-4000-8000-000000000001', iat: issuedAt / 1000, exp: expiresAt / 1000 });
      expect((await tokens.verify(token)).expiresAt).toBe(expiresAt);
    });

    it('refuses a revoked token (UNAUTHENTICATED: the token was revoked), and only that one', async () => {
      const lifetime = tokens.lifetime(HOUR);
      const revoked = await tokens.sign(actor, { tokenId: 'token:00000000-0000-4000-8000-000000000002', ...lifetime });
      const other = await tokens.sign(actor, { tokenId: 'token:00000000-0000-4000-8000-000000000003', ...lifetime });
      revokedIds.add('token:00000000-0000-4000-8000-000000000002');
      await expect(tokens.verify(revoked)).rejects.toThrow(new InvalidToken('the token was revoked'));
      await expect(tokens.verify(other)).resolves.toMatchObject({ actor });
    });

    it('keeps accepting a token minted before tokens had ids (no jti) until it expires', async () => {
      const legacy = await signed({ iat: now(), exp: now() + HOUR });
      await expect(tokens.verify(legacy)).resolves.toMatchObject({ actor: { id: 'person:x' } });
    });
  });
});
