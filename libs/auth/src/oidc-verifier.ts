import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { isRole, type Actor } from '@ledger/domain';

/** The city's identity provider, as LEDGER_OIDC_* configure it. */
export interface OidcSettings {
  /** LEDGER_OIDC_ISSUER: the issuer URL its tokens carry (`iss`); its keys come from its discovery document */
  issuer: string;
  /** LEDGER_OIDC_AUDIENCE: what its access tokens for this API carry in `aud` */
  audience: string;
  /** the claims the actor's id, name and role are read from (LEDGER_OIDC_*_CLAIM) */
  claims: { actorId: string; name: string; role: string };
}

// Asymmetric algorithms only: a provider's tokens are checked with its public keys, never a shared secret.
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Why a provider's token was refused (the API answers UNAUTHENTICATED with the message). */
export class OidcTokenRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OidcTokenRefused';
  }
}

/**
 * Checks OpenID Connect access tokens of one issuer with `jose`: signature by a key of the
 * issuer's JWKS (found through its discovery document, fetched once and cached by jose, refetched
 * when a token names an unknown key), issuer, audience and expiry; then maps the configured claims
 * to the actor. Refusals say why, without echoing the token.
 */
export class OidcVerifier {
  private keys: Promise<JWTVerifyGetKey> | null = null;

  constructor(readonly settings: OidcSettings) {}

  async verify(token: string): Promise<{ actor: Actor; expiresAt: number }> {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, await this.jwks(), {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw refusalOf(error);
    }
    const { actorId, name, role } = this.settings.claims;
    const id = payload[actorId];
    const actorName = payload[name] ?? id;
    const actorRole = payload[role];
    if (typeof id !== 'string' || !id || typeof actorName !== 'string' || !isRole(actorRole)) {
      throw new OidcTokenRefused(`the identity provider's token lacks an actor id (${actorId}), a name (${name}) or a known role (${role})`);
    }
    return { actor: { id, name: actorName, role: actorRole }, expiresAt: (payload.exp as number) * 1000 };
  }

  /** The issuer's key set, from its discovery document's jwks_uri (fetched on first use). */
  private jwks(): Promise<JWTVerifyGetKey> {
    this.keys ??= discoverJwks(this.settings.issuer).catch((error) => {
      this.keys = null; // try again with the next token: the provider may be back
      throw error;
    });
    return this.keys;
  }
}

async function discoverJwks(issuer: string): Promise<JWTVerifyGetKey> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let document: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw new OidcTokenRefused(`the identity provider cannot be reached to check the token (${url}: ${(error as Error).message})`);
  }
  if (document.issuer !== issuer || typeof document.jwks_uri !== 'string') {
    throw new OidcTokenRefused(`the identity provider's discovery document at ${url} is not for ${issuer} or names no jwks_uri`);
  }
  return createRemoteJWKSet(new URL(document.jwks_uri));
}

function refusalOf(error: unknown): OidcTokenRefused {
  if (error instanceof OidcTokenRefused) return error;
  if (error instanceof errors.JWTExpired) return new OidcTokenRefused('token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) return new OidcTokenRefused(`token is not for this ledger (${error.claim} ${error.reason})`);
  if (error instanceof errors.JWKSNoMatchingKey) return new OidcTokenRefused("token is not signed by a key of the identity provider");
  if (error instanceof errors.JWSSignatureVerificationFailed) return new OidcTokenRefused('token signature does not verify');
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return new OidcTokenRefused('token is not signed with an algorithm this ledger accepts');
  return new OidcTokenRefused('token is not valid for this ledger');
}
