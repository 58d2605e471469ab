import type { Role } from '@ledger/domain';

/**
 * Whether the caller may see fields the event schemas mark "x-restricted" (ARCHITECTURE.md,
 * "Roles"): only oversight. Anonymous callers, clerks, officers and even admins may not. Only
 * while the token is valid: a subscription's context is built once, when it starts, so an
 * oversight token that expires while events still flow is treated as anonymous from that instant
 * (its socket is closed as well: subscriptions/connection-expiry.ts).
 */
export function canSeeRestricted(context: { actor: { role: Role } | null; tokenExpiresAt: number | null } | null | undefined, now = Date.now()): boolean {
  return context?.actor?.role === 'oversight' && context.tokenExpiresAt !== null && now < context.tokenExpiresAt;
}
