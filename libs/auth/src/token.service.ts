import { SignJWT, errors, jwtVerify } from 'jose';
import { formatDuration } from '@ledger/config';
import { isRole, type Actor } from '@ledger/domain';

/** A token that verified: who it speaks for, and until when (ms since the epoch). */
export interface VerifiedToken {
  actor: Actor;
  expiresAt: number;
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

/** A token that would be refused was asked for (`ledger token --ttl` longer than the maximum). */
export class TokenLifetimeTooLong extends Error {
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
  ) {}

  /** 8 hours, or the maximum lifetime when that is shorter. */
  get defaultTtlSeconds(): number {
    return Math.min(DEFAULT_TTL_SECONDS, this.maxTtlSeconds);
  }

  async mint(actor: Actor, ttlSeconds = this.defaultTtlSeconds): Promise<string> {
    if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) throw new RangeError(`a token lives a whole number of seconds, got ${ttlSeconds}`);
    if (ttlSeconds > this.maxTtlSeconds) throw new TokenLifetimeTooLong(`a token may live at most ${formatDuration(this.maxTtlSeconds)} (LEDGER_TOKEN_MAX_TTL)`);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ name: actor.name, role: actor.role })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(actor.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds)
      .sign(this.secret);
  }

  async verify(token: string): Promise<VerifiedToken> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: [ALGORITHM],
        requiredClaims: ['exp', 'iat'],
      });
      // jwtVerify has checked that both are numbers and that exp is not past.
      const { sub, name, role, iat, exp } = payload as typeof payload & { iat: number; exp: number };
      if (iat > Date.now() / 1000 + IAT_TOLERANCE_SECONDS) throw new InvalidToken('token was issued in the future (iat)');
      if (exp - iat > this.maxTtlSeconds) {
        throw new InvalidToken(`token lives longer than ${formatDuration(this.maxTtlSeconds)}, the most this ledger accepts (LEDGER_TOKEN_MAX_TTL)`);
      }
      if (typeof sub !== 'string' || !sub || typeof name !== 'string' || !name || !isRole(role)) {
        throw new InvalidToken('token lacks an actor id, name or known role');
      }
      return { actor: { id: sub, name, role }, expiresAt: exp * 1000 };
    } catch (error) {
      throw invalidTokenOf(error);
    }
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
