/** ARCHITECTURE.md, "Roles". Anonymous callers have none and read public fields only. */
export const ROLES = ['clerk', 'mayor', 'officer', 'oversight', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
