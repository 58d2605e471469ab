import type { Role } from '@ledger/domain';

/** A token as the tokens read model keeps it: never the token itself, only what was recorded of it. */
export interface TokenRow {
  /** token:<uuid>, the token's jti */
  id: string;
  /** the sequence of its TokenIssued event: the listing's order and cursor */
  sequence: number;
  actorId: string;
  name: string;
  role: Role;
  /** ISO instants as recorded */
  issuedAt: string;
  expiresAt: string;
  /** the account that minted it */
  issuedBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
  revokedReason: string | null;
}
