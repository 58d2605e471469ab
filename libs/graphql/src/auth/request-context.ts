import type { IncomingMessage } from 'node:http';
import { InvalidToken, type AuthenticatedActor, type TokenService } from '@ledger/auth';

/** Per-request GraphQL context: the caller, or why their token was refused. */
export interface RequestContext {
  actor: AuthenticatedActor | null;
  /** set when a bearer token was presented but is not valid: every operation is then refused */
  authError: string | null;
}

/** Reads an `Authorization: Bearer <jwt>` header; no header means an anonymous caller. */
export async function buildRequestContext(tokens: TokenService, req: Pick<IncomingMessage, 'headers'> | undefined): Promise<RequestContext> {
  const header = req?.headers?.authorization;
  if (!header) return { actor: null, authError: null };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return { actor: null, authError: 'Authorization header must be "Bearer <token>"' };
  try {
    return { actor: await tokens.verify(match[1]), authError: null };
  } catch (error) {
    if (error instanceof InvalidToken) return { actor: null, authError: error.message };
    throw error;
  }
}
