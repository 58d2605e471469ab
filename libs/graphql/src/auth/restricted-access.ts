import type { RequestContext } from './request-context';

/**
 * Whether the caller may see fields the event schemas mark "x-restricted" (ARCHITECTURE.md,
 * "Roles"): only oversight. Anonymous callers, clerks, officers and even admins may not.
 */
export function canSeeRestricted(context: Pick<RequestContext, 'actor'> | null | undefined): boolean {
  return context?.actor?.role === 'oversight';
}
