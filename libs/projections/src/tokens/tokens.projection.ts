import type { SqliteProjection } from '../runtime/sqlite-projection';
import { applyTokenEvent } from './tokens.handlers';
import { createTokenTables, dropTokenTables } from './tokens.tables';

/**
 * The tokens this ledger minted and which of them are revoked: what the token service asks of
 * every presented token (revocation before expiry), and the admin's listing. It gates
 * read-your-writes like every read model, so once revokeToken answers, the very next request
 * with that token is refused.
 */
export const tokensProjection: SqliteProjection = {
  name: 'tokens',
  version: 1,
  setup: createTokenTables,
  drop: dropTokenTables,
  apply: applyTokenEvent,
};
