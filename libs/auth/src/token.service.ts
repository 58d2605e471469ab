import { SignJWT, errors, jwtVerify } from 'jose';
import { isRole, type Role } from './roles';

export interface AuthenticatedActor {
  id: string;
  name: string;
  role: Role;
}

export const TOKEN_SERVICE = Symbol('TOKEN_SERVICE');

const ISSUER = 'ordinance-ledger';
const AUDIENCE = 'ordinance-ledger-api';
const ALGORITHM = 'HS256';

/** Why a presented token was refused; the API answers UNAUTHENTICATED with this message. */
export class InvalidToken extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidToken';
  }
}

/** Mints and checks the bearer tokens that carry an actor's id, name and role. */
export class TokenService {
  constructor(private readonly secret: Uint8Array) {}

  /** ttl as jose reads it: "8h", "30m", "7d" */
  async mint(actor: AuthenticatedActor, ttl = '8h'): Promise<string> {
    return new SignJWT({ name: actor.name, role: actor.role })
      .setProtectedHeader({ alg: ALGORITHM })
      .setSubject(actor.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(ttl)
      .sign(this.secret);
  }

  async verify(token: string): Promise<AuthenticatedActor> {
    try {
      const { payload } = await jwtVerify(token, this.secret, { issuer: ISSUER, audience: AUDIENCE, algorithms: [ALGORITHM] });
      const { sub, name, role } = payload;
      if (typeof sub !== 'string' || !sub || typeof name !== 'string' || !name || !isRole(role)) {
        throw new InvalidToken('token lacks an actor id, name or known role');
      }
      return { id: sub, name, role };
    } catch (error) {
      if (error instanceof InvalidToken) throw error;
      if (error instanceof errors.JWTExpired) throw new InvalidToken('token has expired');
      throw new InvalidToken('token is not valid for this ledger');
    }
  }
}
