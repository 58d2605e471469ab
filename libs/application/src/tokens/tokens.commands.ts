import { tokenDecider, tokenIdOf, tokenStreamId, type IssueToken, type TokenCommand } from '@ledger/domain';
import type { CatalogueOf } from '../catalogue/command-entry';

/** A token as the admin asks for it: the new token's id is the ledger's (its JWT jti). */
export type IssueTokenInput = Omit<IssueToken['data'], 'tokenId'>;

/**
 * The admin's job: minting and revoking the bearer tokens of this ledger, each recorded. The id
 * comes from `newId`, so a retry with the same Idempotency-Key finds the first attempt's token
 * instead of minting a second one.
 */
export const TOKEN_COMMANDS: CatalogueOf<TokenCommand> = {
  IssueToken: {
    decider: tokenDecider,
    roles: ['admin'],
    streamIdOf: (d) => tokenStreamId(d.tokenId),
    prepare: (input: IssueTokenInput, { newId }) => ({ ...input, tokenId: tokenIdOf(newId()) }),
  },
  RevokeToken: { decider: tokenDecider, roles: ['admin'], streamIdOf: (d) => tokenStreamId(d.tokenId) },
};
