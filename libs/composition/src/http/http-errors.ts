import type { Response } from 'express';

/** The codes an HTTP-level refusal carries, by status: the same vocabulary as GraphQL errors. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'UNAVAILABLE',
};

export function codeForStatus(status: number): string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
}

/**
 * Answers an HTTP-level refusal (a body too large, malformed JSON, an unknown path, too many
 * requests) in the shape every GraphQL client already reads: `{ errors: [{ message, extensions:
 * { code } }] }`, never a framework's own error page or a stack trace.
 */
export function sendHttpError(response: Response, status: number, message: string, extensions: Record<string, unknown> = {}): void {
  if (response.headersSent) return;
  response.status(status).json({ errors: [{ message, extensions: { code: codeForStatus(status), ...extensions } }] });
}
