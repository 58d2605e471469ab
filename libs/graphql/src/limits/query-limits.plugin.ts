import { Logger } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { checkOperation, tokenLimitRefusal } from './check-query';

const logger = new Logger('QueryLimits');

/** One line per refusal, never the query itself: a refusal is the client's doing, not a server error. */
export function logRefusal(transport: 'HTTP' | 'graphql-ws', error: GraphQLError): void {
  logger.warn(`refused over ${transport}: ${error.message}`);
}

/**
 * The query limits over HTTP, with Apollo's `parseOptions: LIMITED_PARSE` (the token limit, which
 * formatLedgerError reports as QUERY_TOO_COMPLEX). didResolveOperation is Apollo's place to refuse
 * an operation before it runs (a thrown error becomes the response, with its HTTP status), and it
 * is reached for every request: also for a document Apollo took from its cache, validated for
 * other variables.
 */
export function queryLimitsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart() {
          return async (error?: Error) => {
            const refusal = error instanceof GraphQLError ? tokenLimitRefusal(error) : null;
            if (refusal) logRefusal('HTTP', refusal);
          };
        },
        async didResolveOperation({ schema, document, request }) {
          const check = checkOperation(schema, document, request);
          if (!('refusal' in check)) return;
          logRefusal('HTTP', check.refusal);
          throw new GraphQLError(check.refusal.message, { extensions: { ...check.refusal.extensions, http: { status: 400 } } });
        },
      };
    },
  };
}
