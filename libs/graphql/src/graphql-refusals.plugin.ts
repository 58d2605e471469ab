import { Logger } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './auth/request-context';
import { ledgerErrorCode } from './graphql-errors';
import { QUERY_TOO_COMPLEX } from './limits/query-limits';

const logger = new Logger('GraphQL');

// GraphQL's validation offers the names it knows ("Did you mean \"events\"?"): a map of the schema
// for whoever probes it. Staff with a token keep the hints; anonymous callers get the bare error.
const SUGGESTION = / ?Did you mean [^?]*\?/g;
const NOT_HERE = new Set(['INTERNAL_SERVER_ERROR', QUERY_TOO_COMPLEX]);

/**
 * What the server says about refused operations. Each refusal (a bad argument, a missing token, a
 * conflict) is logged once at info, one line naming the operation and the codes, never the query
 * text or the variables: it is the caller's mistake, not the server's. Unexpected errors are logged
 * with their stack by formatLedgerError, once.
 */
export function graphqlRefusalsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName, operation, contextValue }) {
          // Faults are logged by formatLedgerError, query-limit refusals by the limits plugin (with the limit).
          const codes = [...new Set(errors.map(ledgerErrorCode))].filter((code) => !NOT_HERE.has(code));
          if (codes.length === 0) return;
          const name = operationName ?? operation?.operation ?? 'an operation';
          logger.log(`refused ${name}${contextValue?.actor ? ` for ${contextValue.actor.id}` : ''}: ${codes.join(', ')}`);
        },
        async willSendResponse({ response, contextValue }) {
          if (contextValue?.actor || response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (SUGGESTION.test(error.message)) (error as { message: string }).message = error.message.replace(SUGGESTION, '');
            SUGGESTION.lastIndex = 0;
          }
        },
      };
    },
  };
}
