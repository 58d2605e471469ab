import { badInput } from '../shared/domain-error';

// Organization ids are readable slugs chosen by the clerk: org:denver-city-council.
const ORG_ID = /^org:[a-z0-9][a-z0-9-]{0,99}$/;

export function isOrgId(id: unknown): id is string {
  return typeof id === 'string' && ORG_ID.test(id);
}

export function assertOrgId(orgId: unknown, field = 'orgId'): asserts orgId is string {
  if (!isOrgId(orgId)) {
    throw badInput(`${field} must look like org:name-of-body (lowercase letters, digits, dashes), got ${JSON.stringify(orgId)}`, field);
  }
}

/** org:denver-city-council -> org-denver-city-council (docs/ARCHITECTURE.md, "Streams"). */
export function orgStreamId(orgId: string): string {
  assertOrgId(orgId);
  return orgId.replace(':', '-');
}
