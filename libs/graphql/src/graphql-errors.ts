import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '@ledger/domain';
import { InvalidEvent, SchemaViolation, WrongExpectedRevision } from '@ledger/event-store';
import { ShuttingDown } from '@ledger/application';
import { tokenLimitRefusal } from './limits/check-query';
import { QUERY_TOO_COMPLEX, TOO_MANY_SUBSCRIPTIONS } from './limits/query-limits';

const logger = new Logger('GraphQL');

// Codes a client may see as they are; anything else is an internal error and says nothing more.
const PASS_THROUGH = new Set([
  'BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'UNAVAILABLE',
  QUERY_TOO_COMPLEX, TOO_MANY_SUBSCRIPTIONS,
]);

/**
 * Apollo's formatError: every error a client sees has a stable extensions.code and no stack trace.
 * Errors the ledger did not anticipate are logged here and answered as INTERNAL_SERVER_ERROR.
 */
export function formatLedgerError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...(original.field && { field: original.field }) } };
  }
  if (original instanceof WrongExpectedRevision) {
    return { ...base, message: original.message, extensions: { code: 'CONFLICT', streamId: original.streamId, expected: original.expected, actual: original.actual } };
  }
  if (original instanceof SchemaViolation) {
    return { ...base, message: original.message, extensions: { code: 'BAD_USER_INPUT', eventType: original.eventType, schemaPath: original.path } };
  }
  if (original instanceof InvalidEvent) return { ...base, message: original.message, extensions: { code: 'BAD_USER_INPUT' } };
  if (original instanceof ShuttingDown) return { ...base, message: original.message, extensions: { code: 'UNAVAILABLE' } };

  // A scalar refusing a literal (members(on: "2017-02-30")) reaches Apollo as a validation error;
  // the scalar's own BAD_USER_INPUT is the better answer, and the same as for a bad variable.
  if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && scalarRefusal(error)) {
    return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
  }
  // The parser stopped at the token limit (Apollo's parseOptions): a limit, not a syntax error.
  const overTokens = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && error instanceof GraphQLError ? tokenLimitRefusal(error) : null;
  if (overTokens) return { message: overTokens.message, extensions: overTokens.extensions };
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...base, extensions };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { ...base, message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function scalarRefusal(error: unknown): boolean {
  const original = (error as { originalError?: { extensions?: { code?: unknown } } } | null)?.originalError;
  return original?.extensions?.code === 'BAD_USER_INPUT';
}
