import { OidcVerifier, TokenService, resolveTokenSecret, type RevokedTokens } from '@ledger/auth';
import { dataPaths, type LedgerConfig } from '@ledger/config';

/** The ledger's token service; `revoked` where presented tokens are checked against the record (the server). */
export function createTokenService(config: LedgerConfig, revoked: RevokedTokens | null = null): TokenService {
  return new TokenService(
    resolveTokenSecret(config.tokenSecret, dataPaths(config).tokenSecret),
    config.tokenMaxTtlSeconds,
    config.oidc ? new OidcVerifier(config.oidc) : null,
    revoked,
  );
}
