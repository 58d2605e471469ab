import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { TokenService } from '@ledger/auth';
import type { LedgerConfig } from '@ledger/config';
import { sendHttpError } from './http-errors';

type Caller = 'authenticated' | 'anonymous' | 'failed-authentication';

// A client guessing tokens gets far fewer tries than a reader gets pages.
const FAILED_AUTHENTICATION_SHARE = 20;

/** Who is calling, decided once per request for the limiters below: a valid token, none, or a bad one. */
function classifyCaller(tokens: TokenService): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const header = request.headers.authorization;
    const bearer = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
    if (!header) return setCaller(response, 'anonymous', next);
    if (!bearer) return setCaller(response, 'failed-authentication', next);
    tokens.verify(bearer).then(
      () => setCaller(response, 'authenticated', next),
      () => setCaller(response, 'failed-authentication', next),
    );
  };
}

function setCaller(response: Response, caller: Caller, next: NextFunction): void {
  response.locals.caller = caller;
  next();
}

function limiter(perMinute: number, applies: Caller, what: string): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // req.ip, which Express takes from X-Forwarded-For only when the peer is a trusted proxy.
    skip: (_request, response) => response.locals.caller !== applies,
    // Attackers send X-Forwarded-For on purpose; it is ignored unless a proxy is trusted, quietly.
    validate: { xForwardedForHeader: false },
    handler: (request, response) => {
      const resetTime = (request as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfter = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + 60_000) - Date.now()) / 1000));
      response.setHeader('Retry-After', String(retryAfter));
      sendHttpError(response, 429, `too many ${what} from this address (${perMinute} a minute): retry after ${retryAfter} s`, { retryAfter });
    },
  });
}

/**
 * Per-address limits for callers without a valid token: LEDGER_RATE_LIMIT requests a minute for
 * anonymous readers, a twentieth of that for requests whose token fails (guessing), none for
 * authenticated staff. 429 with Retry-After when exceeded. LEDGER_RATE_LIMIT=0 turns both off.
 */
export function rateLimits(config: Pick<LedgerConfig, 'rateLimitPerMinute'>, tokens: TokenService): RequestHandler[] {
  const perMinute = config.rateLimitPerMinute;
  if (perMinute <= 0) return [];
  return [
    classifyCaller(tokens),
    limiter(perMinute, 'anonymous', 'requests'),
    limiter(Math.max(1, Math.floor(perMinute / FAILED_AUTHENTICATION_SHARE)), 'failed-authentication', 'requests with an invalid token'),
  ];
}
