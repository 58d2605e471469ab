import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { sendHttpError } from './http-errors';

/**
 * Every exception Nest sees, in one place. GraphQL errors go back to Apollo untouched (it formats
 * them with formatLedgerError; a refusal is not a server error and is not logged as one). HTTP
 * errors (an unknown path, a body the parser refused) get the GraphQL error shape; anything else
 * is a 500 without detail, logged once with its stack.
 */
@Catch()
export class LedgerExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    const response = host.switchToHttp().getResponse<Response>();
    const status = statusOf(exception);
    if (status >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
      sendHttpError(response, status, 'internal error');
      return undefined;
    }
    sendHttpError(response, status, messageOf(exception, status));
    return undefined;
  }
}

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  // body-parser and other Express middleware mark their errors with a status.
  const status = (exception as { status?: unknown; statusCode?: unknown } | null)?.status ?? (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

function messageOf(exception: unknown, status: number): string {
  const type = (exception as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return 'the request body is larger than the 100 KB limit';
  if (type === 'entity.parse.failed') return 'the request body is not valid JSON';
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return 'the request body must be UTF-8 JSON';
  // Nest's own answer for an unknown route is "Cannot GET /x"; a route's own 404 says what is missing.
  if (exception instanceof HttpException && status === 404) return exception.message.startsWith('Cannot ') ? 'no such path: the API is at /graphql' : exception.message;
  return exception instanceof Error ? exception.message : 'bad request';
}
