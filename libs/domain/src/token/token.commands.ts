import type { Role } from '../shared/actor';
import type { Command } from '../shared/decider';

/**
 * The ledger mints a bearer token for an account. The command's occurredAt is the token's issue
 * time (iat); the token itself is signed only once this is recorded, so no token exists that the
 * record does not know.
 */
export type IssueToken = Command<'IssueToken', { tokenId: string; actorId: string; name: string; role: Role; expiresAt: string }>;

/** A token is refused from now on, before it expires; the reason is kept in the ledger for ever. */
export type RevokeToken = Command<'RevokeToken', { tokenId: string; reason: string }>;

export type TokenCommand = IssueToken | RevokeToken;
