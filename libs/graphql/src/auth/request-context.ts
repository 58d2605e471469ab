import type { IncomingMessage } from 'node:http';
import { InvalidToken, type AuthenticatedActor, type TokenService } from '@ledger/auth';
import { RequestLoaders } from '../dataloader/request-loaders';

/** Per-request GraphQL context: the caller (or why their token was refused) and its DataLoaders. */
export interface RequestContext {
  actor: AuthenticatedActor | null;
  /** set when a bearer token was presented but is not valid: every operation is then refused */
  authError: string | null;
  loaders: RequestLoaders;
  /** the operation's estimated cost (QUERY_LIMITS), set over graphql-ws: it paces a subscription's replay */
  operationCost?: number;
}

/** Reads an `Authorization: Bearer <jwt>` header; no header means an anonymous caller. */
export async function buildRequestContext(tokens: TokenService, req: Pick<IncomingMessage, 'headers'> | undefined): Promise<RequestContext> {
  return contextFromAuthorization(tokens, req?.headers?.authorization);
}

/** The context for an `Authorization` value from any transport (an HTTP header, graphql-ws connectionParams). */
export async function contextFromAuthorization(tokens: TokenService, header: string | undefined): Promise<RequestContext> {
  const loaders = new RequestLoaders();
  if (!header) return { actor: null, authError: null, loaders };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return { actor: null, authError: 'Authorization header must be "Bearer <token>"', loaders };
  try {
    return { actor: await tokens.verify(match[1]), authError: null, loaders };
  } catch (error) {
    if (error instanceof InvalidToken) return { actor: null, authError: error.message, loaders };
    throw error;
  }
}
