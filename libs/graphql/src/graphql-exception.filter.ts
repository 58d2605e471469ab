import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';

/**
 * Nest logs every exception a resolver or its guard throws as an ERROR with its stack, before
 * GraphQL sees it: every refusal (a bad token, a wrong role, a domain rule) would read as a server
 * fault. For GraphQL operations this filter hands the error to GraphQL as it is, unlogged; whether
 * it is a refusal or a fault (logged, answered INTERNAL_SERVER_ERROR) is formatLedgerError's to
 * decide, over HTTP and graphql-ws alike. Anything else (/healthz) keeps Nest's handling.
 */
@Catch()
export class GraphqlErrorsUnlogged extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    // graphql-js treats an Error a resolver returns as that field's error.
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
