import { ROLES, isRole } from '../shared/actor';
import { assertNever, type Decider } from '../shared/decider';
import { badInput, conflict, notFound } from '../shared/domain-error';
import { requiredText } from '../shared/text-rules';
import type { IssueToken, RevokeToken, TokenCommand } from './token.commands';
import type { TokenEvent } from './token.events';
import { assertTokenId } from './token.ids';
import { evolveToken, initialTokenState, type TokenState } from './token.state';

const ACTOR_ID_MAX = 200;
const NAME_MAX = 200;
const REASON_MAX = 1000;
// An instant with its offset, as the event schema stores it (a token's exp is compared, never reinterpreted).
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/*
 * How long a token may live is the token service's rule (LEDGER_TOKEN_MAX_TTL), applied before a
 * token is asked for; the record only insists that it expires after it was issued.
 */
function issue(command: IssueToken, state: TokenState): TokenEvent[] {
  const { tokenId, role, expiresAt } = command.data;
  assertTokenId(tokenId);
  if (state.issued) throw conflict(`${tokenId} was already issued`, 'tokenId');
  const actorId = requiredText(command.data.actorId, 'actorId', ACTOR_ID_MAX);
  const name = requiredText(command.data.name, 'name', NAME_MAX);
  if (!isRole(role)) throw badInput(`role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(role)}`, 'role');
  if (typeof expiresAt !== 'string' || !INSTANT.test(expiresAt) || Number.isNaN(Date.parse(expiresAt))) {
    throw badInput(`expiresAt must be an ISO-8601 instant, got ${JSON.stringify(expiresAt)}`, 'expiresAt');
  }
  if (Date.parse(expiresAt) <= Date.parse(command.metadata.occurredAt)) throw badInput('a token must expire after it is issued', 'expiresAt');
  return [{ type: 'TokenIssued', data: { tokenId, actorId, name, role, expiresAt } }];
}

function revoke(command: RevokeToken, state: TokenState): TokenEvent[] {
  const { tokenId } = command.data;
  assertTokenId(tokenId);
  if (!state.issued) throw notFound(`${tokenId} was never issued by this ledger`, 'tokenId');
  if (state.revoked) throw conflict(`${tokenId} is already revoked`, 'tokenId');
  const reason = requiredText(command.data.reason, 'reason', REASON_MAX);
  return [{ type: 'TokenRevoked', data: { tokenId, reason } }];
}

/** The tokens this ledger mints: issued once, revoked at most once (an expired one may still be revoked, for the record). */
export const tokenDecider: Decider<TokenCommand, TokenEvent, TokenState> = {
  initialState: initialTokenState,
  evolve: evolveToken,
  decide(command, state) {
    switch (command.type) {
      case 'IssueToken':
        return issue(command, state);
      case 'RevokeToken':
        return revoke(command, state);
      default:
        return assertNever(command);
    }
  },
};
