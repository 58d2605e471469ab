/**
 * Who issues a command: an account of the ledger. Its role decides which commands it may send
 * (the command catalogue in libs/application) and, for office holders' acts, what the record must
 * say about its person (shared/officeholder.ts). Tokens carry it (libs/auth), every command's
 * metadata carries it, and the event store records it as the event's `recordedBy`.
 */
export interface Actor {
  id: string;
  name: string;
  role: Role;
}

/** The roles an account can have. Anonymous callers have none and read public fields only. */
export const ROLES = ['clerk', 'mayor', 'officer', 'oversight', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
