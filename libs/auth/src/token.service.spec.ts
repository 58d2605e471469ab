import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { resolveTokenSecret } from './token-secret';
import { InvalidToken, TokenService } from './token.service';

describe('TokenService', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ledger-auth-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips an actor through a signed token', async () => {
    const tokens = new TokenService(resolveTokenSecret(undefined, join(dir, 'secret')));
    const token = await tokens.mint({ id: 'person:clerk-1', name: 'Clerk One', role: 'clerk' });
    await expect(tokens.verify(token)).resolves.toEqual({ id: 'person:clerk-1', name: 'Clerk One', role: 'clerk' });
  });

  it('generates one private secret file and reuses it', () => {
    const file = join(dir, 'secrets', 'token-secret');
    const first = resolveTokenSecret(undefined, file);
    expect(Buffer.from(resolveTokenSecret(undefined, file))).toEqual(Buffer.from(first));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').length).toBeGreaterThanOrEqual(64);
  });

  it('refuses tokens signed with another secret, expired, or without a known role', async () => {
    const tokens = new TokenService(new TextEncoder().encode('a'.repeat(40)));
    const other = new TokenService(new TextEncoder().encode('b'.repeat(40)));
    const forged = await other.mint({ id: 'x', name: 'X', role: 'admin' });
    await expect(tokens.verify(forged)).rejects.toThrow(InvalidToken);
    const expired = await tokens.mint({ id: 'x', name: 'X', role: 'clerk' }, '-1s');
    await expect(tokens.verify(expired)).rejects.toThrow('token has expired');
    const noRole = await new SignJWT({ name: 'X', role: 'emperor' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('ordinance-ledger')
      .setAudience('ordinance-ledger-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a'.repeat(40)));
    await expect(tokens.verify(noRole)).rejects.toThrow(/known role/);
    await expect(tokens.verify('not.a.token')).rejects.toThrow(InvalidToken);
  });
});
