import type { IncomingMessage } from 'node:http';
import { InvalidToken, type TokenService } from '@ledger/auth';
import type { Actor } from '@ledger/domain';
import type { Viewer } from '@ledger/investigation';
import { RequestLoaders } from '../dataloader/request-loaders';

/** Per-request GraphQL context: the caller (or why their token was refused) and its DataLoaders. */
export interface RequestContext {
  actor: Actor | null;
  /** set when a bearer token was presented but is not valid: every operation is then refused */
  authError: string | null;
  /** when the caller's token expires (ms since the epoch); null without a valid token */
  tokenExpiresAt: number | null;
  /** the client's Idempotency-Key header: a retried mutation with the same key is recorded once */
  idempotencyKey: string | null;
  loaders: RequestLoaders;
  /** the operation's estimated cost (QUERY_LIMITS), set over graphql-ws: it paces a subscription's replay */
  operationCost?: number;
}

/**
 * The caller as the public-view policy sees it: its role, and its token's expiry as the end of its
 * sight of restricted values. Derived at each use, so a subscription's long-lived context is judged
 * at the moment of each event.
 */
export function viewerOf(context: Pick<RequestContext, 'actor' | 'tokenExpiresAt'>): Viewer {
  return { role: context.actor?.role ?? null, restrictedUntil: context.tokenExpiresAt };
}

/** Reads an `Authorization: Bearer <jwt>` header; no header means an anonymous caller. */
export async function buildRequestContext(tokens: TokenService, req: Pick<IncomingMessage, 'headers'> | undefined): Promise<RequestContext> {
  const context = await contextFromAuthorization(tokens, req?.headers?.authorization);
  const key = req?.headers?.['idempotency-key'];
  return { ...context, idempotencyKey: typeof key === 'string' ? key : null };
}

/** The context for an `Authorization` value from any transport (an HTTP header, graphql-ws connectionParams). */
export async function contextFromAuthorization(tokens: TokenService, header: string | undefined): Promise<RequestContext> {
  const anonymous = { actor: null, authError: null, tokenExpiresAt: null, idempotencyKey: null, loaders: new RequestLoaders() };
  if (!header) return anonymous;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return { ...anonymous, authError: 'Authorization header must be "Bearer <token>"' };
  try {
    const { actor, expiresAt } = await tokens.verify(match[1]);
    return { ...anonymous, actor, tokenExpiresAt: expiresAt };
  } catch (error) {
    if (error instanceof InvalidToken) return { ...anonymous, authError: error.message };
    throw error;
  }
}
