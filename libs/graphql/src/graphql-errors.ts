import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from '@ledger/domain';
import { InvalidEvent, SchemaViolation, StorageUnavailable, WrongExpectedRevision } from '@ledger/event-store';
import { LedgerUnavailable } from '@ledger/application';
import { isDamageError } from '@ledger/projections';
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
 * Errors the ledger did not anticipate are logged here, once, and answered as INTERNAL_SERVER_ERROR.
 */
export function formatLedgerError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const answer = ledgerErrorAnswer(formatted, error);
  if (answer.extensions?.code === 'INTERNAL_SERVER_ERROR') {
    const original = unwrapResolverError(error);
    logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  }
  return answer;
}

/** The code a client sees for an error (formatLedgerError's answer), without logging anything. */
export function ledgerErrorCode(error: GraphQLError): string {
  return String(ledgerErrorAnswer(error.toJSON(), error).extensions?.code);
}

function ledgerErrorAnswer(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
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
  // Nothing was recorded, and a retry later may succeed: the store or the read models are failing
  // (a full disk), or the server is shutting down.
  if (original instanceof LedgerUnavailable || original instanceof StorageUnavailable) {
    return { ...base, message: original.message, extensions: { code: 'UNAVAILABLE' } };
  }

  // The read-model file went bad under a running server: queries cannot be answered until it is
  // rebuilt, which the operator can do safely (the log is intact).
  if (isDamageError(original)) {
    return { ...base, message: 'the read models are damaged and are being refused until rebuilt (ledger rebuild); the log itself is intact', extensions: { code: 'UNAVAILABLE' } };
  }
  // A scalar refusing a literal (members(on: "2017-02-30")) reaches Apollo as a validation error;
  // the scalar's own BAD_USER_INPUT is the better answer, and the same as for a bad variable.
  if (formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && scalarRefusal(error)) {
    return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
  }
  // The parser stopped at the token limit (Apollo's parseOptions): a limit, not a syntax error.
  const overTokens = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && error instanceof GraphQLError ? tokenLimitRefusal(error) : null;
  if (overTokens) return { message: overTokens.message, extensions: overTokens.extensions };
  // Apollo's own refusals of a malformed request (a persisted query whose hash does not match, an
  // unsupported version) carry an HTTP 4xx status but no code: the client's mistake, not a fault.
  if (!formatted.extensions?.code || formatted.extensions.code === 'INTERNAL_SERVER_ERROR') {
    const status = (original as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
    if (original instanceof GraphQLError && typeof status === 'number' && status >= 400 && status < 500) {
      return { ...base, message: original.message, extensions: { code: 'BAD_REQUEST' } };
    }
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...base, extensions };
  }
  return { ...base, message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function scalarRefusal(error: unknown): boolean {
  const original = (error as { originalError?: { extensions?: { code?: unknown } } } | null)?.originalError;
  return original?.extensions?.code === 'BAD_USER_INPUT';
}
