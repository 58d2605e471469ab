import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { ShuttingDown } from '@ledger/application';
import { DomainError } from '@ledger/domain';
import { EventStoreError } from '@ledger/event-store';

/**
 * Nest logs every error a resolver or guard throws as an ERROR of its "ExceptionsHandler" unless
 * it is one of Nest's own HTTP exceptions, so each refusal (a domain rule, a stale revision, a
 * payload failing its schema, a role the guard turns away) read in the server log as a fault.
 * A refusal is an answer: it is handed on untouched to Apollo's formatError (formatLedgerError),
 * which gives it its code and logs only the errors it did not anticipate.
 */
@Catch(DomainError, EventStoreError, ShuttingDown, GraphQLError)
export class RefusalFilter implements GqlExceptionFilter {
  catch(exception: Error, host: ArgumentsHost): Error {
    // These are thrown by resolvers and guards only; anywhere else, Nest's own handling applies.
    if (host.getType<GqlContextType>() !== 'graphql') throw exception;
    return exception;
  }
}
