import { notFound } from '../shared/domain-error';
import { assertOrgId } from './organization.ids';
import type { OrganizationKind, VotingRules } from './organization.events';

/*
 * An organization as a fact: what a decider of another aggregate (a measure, a data request)
 * knows about an organization the command names, loaded by the application layer from the
 * organization's stream just before deciding (README "Conventions"). A null fact means "not
 * registered". Commands that need less take a Pick of it.
 */

/** An organization with its members on the act's date (membersOn). */
export interface OrganizationFacts {
  orgId: string;
  kind: OrganizationKind;
  parentId: string | null;
  rules: VotingRules | null;
  members: Array<{ personId: string; role: string }>;
}

/** An organization named by its id and kind only (a data request's agency and department). */
export type OrganizationRef = Pick<OrganizationFacts, 'orgId' | 'kind'>;

/**
 * The parent organization (null: not registered), with its own ancestors as recorded, nearest
 * first (its parent, that one's parent, ...), so that a parent which would make a cycle can be
 * refused.
 */
export interface ParentOrganizationFacts {
  parent: (OrganizationRef & { ancestorIds: string[] }) | null;
}

/** The roles the acting person holds in organizations on a date: the offices an office holder's act stands on. */
export type ActorOffices = Array<{ orgId: string; orgKind: OrganizationKind; role: string }>;

/** An organization the command names, as the facts describe it: NOT_FOUND when not registered. */
export function namedOrganization<F extends OrganizationRef>(fact: F | null, orgId: unknown, field: string): F {
  assertOrgId(orgId, field);
  if (fact === null) throw notFound(`${orgId} is not registered`, field);
  // A mismatch is a wiring bug in the application layer, not the caller's mistake.
  if (fact.orgId !== orgId) throw new Error(`facts describe ${fact.orgId}, not ${orgId}`);
  return fact;
}
