import { Logger, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cors from 'cors';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { AddressInfo } from 'node:net';
import { Logger as PinoLogger } from 'nestjs-pino';
import { TOKEN_SERVICE, type TokenService } from '@ledger/auth';
import type { LedgerConfig } from '@ledger/config';
import { sendHttpError } from './http-errors';
import { rateLimits } from './rate-limits';

// The same cap for every transport: a GraphQL document, its variables and their envelope.
export const MAX_BODY_BYTES = 100 * 1024;

/**
 * The Nest application of a server that speaks HTTP (the API, `ledger serve`), hardened the same
 * way for both: structured logs, security headers and no X-Powered-By, CORS for the public API, X-Forwarded-For believed
 * only from LEDGER_TRUSTED_PROXY, per-address rate limits, and a JSON body parser whose refusals
 * (too large, malformed) are answered in GraphQL's error shape.
 */
export async function createLedgerHttpApp(rootModule: Type | DynamicModule, config: LedgerConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(PinoLogger));
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustedProxies.length ? config.trustedProxies : false);
  app.use(helmet());
  // The public API answers cross-origin reads, so civic-tech sites can build on it from a browser.
  // Nothing here rests on cookies: a mutation still needs its bearer token, whatever the origin.
  app.use('/graphql', cors({ origin: '*', methods: ['GET', 'POST'], allowedHeaders: ['content-type', 'authorization', 'idempotency-key'], maxAge: 86_400 }));
  for (const handler of rateLimits(config, app.get<TokenService>(TOKEN_SERVICE))) app.use(handler);
  app.use(express.json({ limit: MAX_BODY_BYTES }));
  app.use(bodyParserErrors);
  return app;
}

/** body-parser's refusals, which would otherwise reach Express's HTML error page or a 500. */
function bodyParserErrors(error: unknown, _request: Request, response: Response, next: NextFunction): void {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return sendHttpError(response, 413, `the request body is larger than the ${MAX_BODY_BYTES / 1024} KB limit`);
  if (type === 'entity.parse.failed') return sendHttpError(response, 400, 'the request body is not valid JSON');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return sendHttpError(response, 415, 'the request body must be UTF-8 JSON');
  if (type === 'request.aborted' || type === 'stream.encoding.set') return sendHttpError(response, 400, 'the request body could not be read');
  next(error);
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * Listens on LEDGER_HOST:LEDGER_PORT and logs the address actually bound (with LEDGER_PORT=0 the
 * system picks the port; scripts and tests read it from this line), warning when it is reachable
 * from other machines.
 */
export async function listenLedgerHttpApp(app: NestExpressApplication, config: LedgerConfig, describe: string): Promise<string> {
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}/graphql`;
  const logger = new Logger('Ledger');
  // Before the line scripts wait for, so whoever reads that line has read the warning too.
  if (!LOOPBACK.test(address.address)) {
    logger.warn(`listening on ${address.address}, which other machines can reach: put TLS in front (a reverse proxy; set LEDGER_TRUSTED_PROXY to its address)`);
  }
  logger.log(`ledger API on ${url} (${describe})`);
  return url;
}
