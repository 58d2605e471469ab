import type Database from 'better-sqlite3';
import { pluckedStatement, statement } from '../runtime/statement-cache';
import type { TokenRow } from './tokens.rows';

const COLUMNS = `id, sequence, actor_id AS actorId, name, role, issued_at AS issuedAt, expires_at AS expiresAt, issued_by AS issuedBy,
  revoked_at AS revokedAt, revoked_by AS revokedBy, revoked_reason AS revokedReason`;

export interface TokenPage {
  tokens: TokenRow[];
  hasNextPage: boolean;
  totalCount: number;
}

/** Reads of the tokens read model. */
export class TokenQueries {
  constructor(private readonly db: Database.Database) {}

  /**
   * Whether a token was revoked: one lookup by primary key, asked on every request that presents
   * one of this ledger's tokens. False for an id the ledger never recorded (a token minted before
   * tokens were recorded), which stays valid until it expires.
   */
  isRevoked(tokenId: string): boolean {
    return pluckedStatement(this.db, 'SELECT revoked_at IS NOT NULL FROM tokens WHERE id = ?').get(tokenId) === 1;
  }

  /** The `first` tokens issued after sequence `after` (null: from the first), in the order they were issued. */
  page(first: number, after: number | null): TokenPage {
    const rows = statement(this.db, `SELECT ${COLUMNS} FROM tokens WHERE sequence > ? ORDER BY sequence LIMIT ?`).all(after ?? -1, first + 1) as TokenRow[];
    const totalCount = pluckedStatement(this.db, 'SELECT COUNT(*) FROM tokens').get() as number;
    return { tokens: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }
}
