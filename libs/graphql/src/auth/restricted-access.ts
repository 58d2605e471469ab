import type { RequestContext } from './request-context';

/**
 * Whether the caller may see fields the event schemas mark "x-restricted" (ARCHITECTURE.md,
 * "Roles"): only oversight. Anonymous callers, clerks, officers and even admins may not.
 */
export function canSeeRestricted(context: Pick<RequestContext, 'actor'> | null | undefined): boolean {
  return context?.actor?.role === 'oversight';
}

/**
 * The payload without the named top-level fields; `['*']` (an event type the schemas cannot vouch
 * for) leaves nothing. A copy: the caller's object may be shared with other parts of the response.
 */
export function withoutRestrictedFields(data: unknown, restricted: readonly string[]): unknown {
  if (restricted.includes('*')) return {};
  if (restricted.length === 0 || typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const hidden = new Set(restricted);
  return Object.fromEntries(Object.entries(data).filter(([field]) => !hidden.has(field)));
}
