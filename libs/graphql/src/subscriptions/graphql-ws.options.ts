import { GraphQLError, parse, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { TokenService } from '@ledger/auth';
import { contextFromAuthorization, type RequestContext } from '../auth/request-context';
import { formatLedgerError } from '../graphql-errors';
import { closeAtTokenExpiry, forgetTokenExpiry } from './connection-expiry';
import { LIMITED_PARSE, checkOperation, tokenLimitRefusal } from '../limits/check-query';
import { QUERY_LIMITS } from '../limits/query-limits';
import { logRefusal } from '../limits/query-limits.plugin';
import { SubscriptionCaps, type SocketContext } from './subscription-caps';

type ConnectionParams = Record<string, unknown> | undefined;
type GraphqlWsOptions = Pick<ServerOptions<ConnectionParams>, 'onConnect' | 'onClose' | 'onSubscribe' | 'onError' | 'onNext'>;

/** `connectionParams.authorization`, the graphql-ws counterpart of the HTTP header ("Bearer <jwt>"). */
function authorizationOf(ctx: SocketContext): string | undefined {
  const value = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
  return typeof value === 'string' ? value : undefined;
}

/** Apollo's codes for a document that does not parse or validate, given over graphql-ws too. */
function coded(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError ?? error,
    extensions: { ...error.extensions, code },
  });
}

/**
 * graphql-ws settings for the API (`subscriptions: { 'graphql-ws': ... }`; the socket itself, with
 * its message size limit, is LedgerApolloDriver's). A presented token that does not verify closes
 * the connection at once (4403 Forbidden) instead of leaving an anonymous socket the client believes
 * authenticated. Each operation is checked first: the subscription caps, the token limit as it is
 * parsed, checkOperation (the query limits, as over HTTP), then graphql's own validation. A refused
 * operation gets an error message; the socket and its other subscriptions go on. It runs with a
 * context of the same shape as a query's (actor, authError, loaders) and its estimated cost, so
 * guards and the redacting `data` resolver treat a subscriber exactly as they treat a caller over
 * HTTP. The token is verified again per operation, so one that expired while connected cannot start
 * new subscriptions, and the socket is closed when it expires (4401, connection-expiry.ts).
 */
export function graphqlWsOptions(tokens: TokenService, schemaOf: () => GraphQLSchema): GraphqlWsOptions {
  const caps = new SubscriptionCaps(QUERY_LIMITS.maxSubscriptionsPerSocket, QUERY_LIMITS.maxSubscriptionsPerAddress);
  return {
    onConnect: async (ctx) => {
      const { authError, tokenExpiresAt } = await contextFromAuthorization(tokens, authorizationOf(ctx));
      if (authError !== null) return false;
      closeAtTokenExpiry(ctx, tokenExpiresAt);
      caps.opened(ctx);
      return true;
    },
    onClose: (ctx) => {
      forgetTokenExpiry(ctx);
      caps.closed(ctx);
    },
    onSubscribe: async (ctx, _id, payload) => {
      const tooMany = caps.refusal(ctx);
      if (tooMany) {
        logRefusal('graphql-ws', tooMany);
        return [tooMany];
      }
      let document: DocumentNode;
      try {
        document = parse(payload.query, LIMITED_PARSE);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        const refusal = tokenLimitRefusal(error);
        if (refusal) logRefusal('graphql-ws', refusal);
        return [refusal ?? coded(error, 'GRAPHQL_PARSE_FAILED')];
      }
      const schema = schemaOf();
      const check = checkOperation(schema, document, payload);
      if ('refusal' in check) {
        logRefusal('graphql-ws', check.refusal);
        return [check.refusal];
      }
      const invalid = validate(schema, document);
      if (invalid.length > 0) return invalid.map((error) => coded(error, 'GRAPHQL_VALIDATION_FAILED'));
      const contextValue: RequestContext = { ...(await contextFromAuthorization(tokens, authorizationOf(ctx))), operationCost: check.cost };
      return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue };
    },
    // Apollo's formatError does not see WebSocket results: give them the same codes and masking.
    onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatLedgerError(error.toJSON(), error)),
    onNext: (_ctx, _id, _payload, _args, result) => {
      if (!result.errors?.length) return undefined;
      const errors: GraphQLFormattedError[] = result.errors.map((error) => formatLedgerError(error.toJSON(), error));
      return { ...result, errors };
    },
  };
}
