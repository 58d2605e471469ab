import type { GraphQLFormattedError } from 'graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import type { TokenService } from '@ledger/auth';
import { contextFromAuthorization, type RequestContext } from '../auth/request-context';
import { formatLedgerError } from '../graphql-errors';
import { closeAtTokenExpiry, forgetTokenExpiry } from './connection-expiry';

type ConnectionParams = Record<string, unknown> | undefined;

/** `connectionParams.authorization`, the graphql-ws counterpart of the HTTP header ("Bearer <jwt>"). */
function authorizationOf(ctx: Context<ConnectionParams>): string | undefined {
  const value = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
  return typeof value === 'string' ? value : undefined;
}

/**
 * graphql-ws settings for the API (`subscriptions: { 'graphql-ws': ... }`). A presented token that
 * does not verify closes the connection at once (4403 Forbidden) instead of leaving an anonymous
 * socket the client believes authenticated. Each operation then gets a context of the same shape
 * as a query's (actor, authError, loaders), so guards and the redacting `data` resolver treat a
 * subscriber exactly as they treat a caller over HTTP. The token is verified again per operation,
 * so one that expired while connected cannot start new subscriptions, and the socket is closed when
 * it expires (4401, connection-expiry.ts).
 */
export function graphqlWsOptions(tokens: TokenService): Pick<ServerOptions<ConnectionParams>, 'onConnect' | 'onClose' | 'context' | 'onNext'> {
  return {
    onConnect: async (ctx) => {
      const { authError, tokenExpiresAt } = await contextFromAuthorization(tokens, authorizationOf(ctx));
      if (authError !== null) return false;
      closeAtTokenExpiry(ctx, tokenExpiresAt);
      return true;
    },
    onClose: (ctx) => forgetTokenExpiry(ctx),
    context: (ctx): Promise<RequestContext> => contextFromAuthorization(tokens, authorizationOf(ctx)),
    // Apollo's formatError does not see WebSocket results: give them the same codes and masking.
    onNext: (_ctx, _id, _payload, _args, result) => {
      if (!result.errors?.length) return undefined;
      const errors: GraphQLFormattedError[] = result.errors.map((error) => formatLedgerError(error.toJSON(), error));
      return { ...result, errors };
    },
  };
}
