import { OidcVerifier, TokenService, resolveTokenSecret } from '@ledger/auth';
import { dataPaths, type LedgerConfig } from '@ledger/config';

export function createTokenService(config: LedgerConfig): TokenService {
  return new TokenService(
    resolveTokenSecret(config.tokenSecret, dataPaths(config).tokenSecret),
    config.tokenMaxTtlSeconds,
    config.oidc ? new OidcVerifier(config.oidc) : null,
  );
}
