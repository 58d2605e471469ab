import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { destination } from 'pino';
import pretty from 'pino-pretty';
import { LEDGER_CONFIG, type LedgerConfig } from '@ledger/config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's X-Request-Id when it is a plain token (so it can be traced across services), else a new one. */
function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

/**
 * Structured JSON logs (pino through nestjs-pino): one object a line, each with the request's id,
 * readable by a person on a terminal (pino-pretty) and by a log pipeline elsewhere. Requests that
 * succeed are logged at debug, so the default level (info) keeps the log quiet; the request line
 * carries method, path and status only: never a header value, a query text or a variable, so no
 * token, secret or caller input reaches the log.
 */
export const LedgerLoggerModule = LoggerModule.forRootAsync({
  inject: [LEDGER_CONFIG],
  useFactory: (config: LedgerConfig) => {
    const options = {
      level: config.logLevel,
      genReqId: requestIdOf,
      // 503 is the ledger saying it cannot take commands now (a full disk): /healthz and the refusal
      // say why, and the cause was logged once where it was found; the request line is a warning.
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        res.statusCode === 503 ? 'warn' : error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug',
      // A fault is logged once with its stack where it is caught (LedgerExceptionFilter,
      // formatLedgerError); the request line carries its status, not a second, invented stack.
      customErrorObject: (_req: IncomingMessage, _res: ServerResponse, _error: Error, line: Record<string, unknown>) => {
        const { err: _err, ...rest } = line;
        return rest;
      },
      customErrorMessage: (_req: IncomingMessage, res: ServerResponse) => `request answered ${res.statusCode}`,
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // Belt and braces: nothing above logs headers, but a future serializer must not either.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'],
    };
    // Written synchronously: Nest ends a SIGTERM shutdown by killing the process, and a buffered
    // destination (pino's, when stdout is a file) would lose the last lines, the shutdown's own.
    const stream = process.stdout.isTTY ? pretty({ colorize: true, singleLine: true, ignore: 'pid,hostname', sync: true }) : destination({ dest: 1, sync: true });
    return { pinoHttp: [options, stream] };
  },
});
