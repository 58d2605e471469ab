import { randomUUID } from 'node:crypto';
import { SignJWT, decodeJwt, errors, jwtVerify } from 'jose';
import { formatDuration, parseDuration } from '@ledger/config';
import { isRole, tokenIdOf, type Actor } from '@ledger/domain';
import { OidcTokenRefused, type OidcVerifier } from './oidc-verifier';

/** A token that verified: who it speaks for, and until when (ms since the epoch). */
export interface VerifiedToken {
  actor: Actor;
  expiresAt: number;
}

/**
 * A token to sign: its id (the `jti`, `token:<uuid>`, which names its stream in the record) and
 * its lifetime, as recorded by TokenIssued before the token is signed.
 */
export interface TokenClaims {
  tokenId: string;
  /** ms since the epoch; whole seconds, as a JWT states them */
  issuedAt: number;
  expiresAt: number;
}

/**
 * Which of this ledger's tokens were revoked before they expire (the tokens read model, kept in step
 * with TokenRevoked). Asked synchronously, so a revocation is in effect for the very request that
 * follows the revokeToken answer (which waits for the read models).
 */
export interface RevokedTokens {
  isRevoked(tokenId: string): boolean;
}

export const TOKEN_SERVICE = Symbol('TOKEN_SERVICE');

const ISSUER = 'ordinance-ledger';
const AUDIENCE = 'ordinance-ledger-api';
const ALGORITHM = 'HS256';
const DEFAULT_TTL_SECONDS = 8 * 3600;
// The minting host's clock may run a little ahead of the server's; further ahead is not a clock.
const IAT_TOLERANCE_SECONDS = 60;

/** Why a presented token was refused; the API answers UNAUTHENTICATED with this message. */
export class InvalidToken extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidToken';
  }
}

/** A lifetime no token is minted for: not a duration (`ttl`, `--ttl`), or one the server would refuse. */
export class TokenLifetimeRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenLifetimeRefused';
  }
}

/** A token that would be refused was asked for (`--ttl`, `ttl` longer than the maximum). */
export class TokenLifetimeTooLong extends TokenLifetimeRefused {
  constructor(message: string) {
    super(message);
    this.name = 'TokenLifetimeTooLong';
  }
}

/**
 * Mints and checks the bearer tokens that carry an actor's id, name and role. Every token states
 * when it was issued (iat) and when it expires (exp), and lives at most `maxTtlSeconds`
 * (LEDGER_TOKEN_MAX_TTL): a stolen token is worth a bounded time, and an open subscription is
 * closed when its token expires (libs/graphql, subscriptions/connection-expiry.ts).
 */
export class TokenService {
  constructor(
    private readonly secret: Uint8Array,
    readonly maxTtlSeconds: number,
    /** the city's identity provider (LEDGER_OIDC_ISSUER), whose tokens are accepted besides this ledger's own */
    private readonly oidc: OidcVerifier | null = null,
    /**
     * The revoked tokens; null where nothing is verified against the record (the CLI, which only
     * mints). The provider's tokens are revoked at the provider, not here.
     */
    private readonly revoked: RevokedTokens | null = null,
  ) {}

  /** 8 hours, or the maximum lifetime when that is shorter. */
  get defaultTtlSeconds(): number {
    return Math.min(DEFAULT_TTL_SECONDS, this.maxTtlSeconds);
  }

  /**
   * When a token asked for now would be issued and expire, refused if it would live longer than
   * the maximum: worked out before the token is recorded, so the record states the lifetime the
   * signed token will carry.
   */
  lifetime(ttlSeconds = this.defaultTtlSeconds, now = Date.now()): { issuedAt: number; expiresAt: number } {
    if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) throw new RangeError(`a token lives a whole number of seconds, got ${ttlSeconds}`);
    if (ttlSeconds > this.maxTtlSeconds) throw new TokenLifetimeTooLong(`a token may live at most ${formatDuration(this.maxTtlSeconds)} (LEDGER_TOKEN_MAX_TTL)`);
    const issuedAt = Math.floor(now / 1000) * 1000;
    return { issuedAt, expiresAt: issuedAt + ttlSeconds * 1000 };
  }

  /** The lifetime of a token asked for as people write it (`30m`, `8h`, `7d`; absent: the default), from now. */
  lifetimeOf(ttl: string | undefined, now = Date.now()): { issuedAt: number; expiresAt: number } {
    const seconds = ttl === undefined ? this.defaultTtlSeconds : parseDuration(ttl);
    if (seconds === null) throw new TokenLifetimeRefused(`must look like 30m, 8h or 7d, got ${ttl}`);
    return this.lifetime(seconds, now);
  }

  /** Signs the token a TokenIssued event recorded: the same id, issue time and expiry. */
  async sign(actor: Actor, { tokenId, issuedAt, expiresAt }: TokenClaims): Promise<string> {
    const iat = Math.floor(issuedAt / 1000);
    const exp = Math.floor(expiresAt / 1000);
    if (exp <= iat) throw new RangeError('a token must expire after it is issued');
    if (exp - iat > this.maxTtlSeconds) throw new TokenLifetimeTooLong(`a token may live at most ${formatDuration(this.maxTtlSeconds)} (LEDGER_TOKEN_MAX_TTL)`);
    return new SignJWT({ name: actor.name, role: actor.role })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(actor.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setJti(tokenId)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.secret);
  }

  /** A token with a fresh id that nothing records (as `ledger token --no-record` mints): valid until it expires, and not revocable. */
  async mint(actor: Actor, ttlSeconds = this.defaultTtlSeconds): Promise<string> {
    return this.sign(actor, { tokenId: tokenIdOf(randomUUID()), ...this.lifetime(ttlSeconds) });
  }

  async verify(token: string): Promise<VerifiedToken> {
    // The token's own claim of who issued it decides who checks it; either check is complete.
    const issuer = unverifiedIssuer(token);
    if (issuer !== ISSUER) {
      if (this.oidc && issuer === this.oidc.settings.issuer) {
        try {
          return await this.oidc.verify(token);
        } catch (error) {
          if (error instanceof OidcTokenRefused) throw new InvalidToken(error.message);
          throw error;
        }
      }
      if (issuer !== null) throw new InvalidToken(`token is from an issuer this ledger does not trust (${issuer.slice(0, 200)})`);
    }
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [ALGORITHM],
        requiredClaims: ['exp', 'iat'],
      });
      // jwtVerify has checked that both are numbers and that exp is not past.
      const { sub, name, role, iat, exp, jti } = payload as typeof payload & { iat: number; exp: number };
      if (iat > Date.now() / 1000 + IAT_TOLERANCE_SECONDS) throw new InvalidToken('token was issued in the future (iat)');
      if (exp - iat > this.maxTtlSeconds) {
        throw new InvalidToken(`token lives longer than ${formatDuration(this.maxTtlSeconds)}, the most this ledger accepts (LEDGER_TOKEN_MAX_TTL)`);
      }
      if (typeof sub !== 'string' || !sub || typeof name !== 'string' || !name || !isRole(role)) {
        throw new InvalidToken('token lacks an actor id, name or known role');
      }
      // Tokens minted before tokens were recorded have no jti: they stay valid until they expire.
      if (typeof jti === 'string' && this.revoked?.isRevoked(jti)) throw new InvalidToken('the token was revoked');
      return { actor: { id: sub, name, role }, expiresAt: exp * 1000 };
    } catch (error) {
      throw invalidTokenOf(error);
    }
  }
}

/** The `iss` a token claims, before anything is verified; null when it cannot be read. */
function unverifiedIssuer(token: string): string | null {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === 'string' ? iss : null;
  } catch {
    return null;
  }
}

function invalidTokenOf(error: unknown): InvalidToken {
  if (error instanceof InvalidToken) return error;
  if (error instanceof errors.JWTExpired) return new InvalidToken('token has expired');
  if (error instanceof errors.JWTClaimValidationFailed && error.reason === 'missing') {
    if (error.claim === 'exp') return new InvalidToken('token has no expiry (exp)');
    if (error.claim === 'iat') return new InvalidToken('token has no issue time (iat)');
  }
  return new InvalidToken('token is not valid for this ledger');
}
