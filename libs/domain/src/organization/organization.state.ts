import { assertNever } from '../shared/decider';
import type { OrganizationEvent, OrganizationKind, VotingRules } from './organization.events';

/** A person's period in a role; endDate is the last day (inclusive), null while still serving. */
export interface MembershipPeriod {
  personId: string;
  role: string;
  startDate: string;
  endDate: string | null;
}

export type OrganizationState =
  | { registered: false }
  | {
      registered: true;
      orgId: string;
      name: string;
      kind: OrganizationKind;
      parentId: string | null;
      rules: VotingRules | null;
      memberships: MembershipPeriod[];
    };

export type RegisteredOrganization = Extract<OrganizationState, { registered: true }>;

export const initialOrganizationState: OrganizationState = { registered: false };

/** Whether the period includes the date (dates are YYYY-MM-DD, so string order is date order). */
export function heldOn(membership: MembershipPeriod, date: string): boolean {
  return membership.startDate <= date && (membership.endDate === null || date <= membership.endDate);
}

/** The memberships held on that date; the application layer builds vote facts from it. */
export function membersOn(state: OrganizationState, date: string): MembershipPeriod[] {
  return state.registered ? state.memberships.filter((membership) => heldOn(membership, date)) : [];
}

export function evolveOrganization(state: OrganizationState, event: OrganizationEvent): OrganizationState {
  switch (event.type) {
    case 'OrganizationRegistered': {
      const { orgId, name, kind, parentId, rules } = event.data;
      return { registered: true, orgId, name, kind, parentId, rules, memberships: [] };
    }
    case 'OrganizationRecordCorrected':
      if (!state.registered) return state;
      return { ...state, ...event.data.corrections };
    case 'MembershipStarted': {
      if (!state.registered) return state;
      const { personId, role, startDate } = event.data;
      return { ...state, memberships: [...state.memberships, { personId, role, startDate, endDate: null }] };
    }
    case 'MembershipEnded': {
      if (!state.registered) return state;
      const { personId, role, endDate } = event.data;
      return updateMembership(state, (m) => m.personId === personId && m.role === role && m.endDate === null, { endDate });
    }
    case 'MembershipCorrected': {
      if (!state.registered) return state;
      const { personId, role, startDate, corrections } = event.data;
      return updateMembership(state, (m) => m.personId === personId && m.role === role && m.startDate === startDate, corrections);
    }
    default:
      return assertNever(event);
  }
}

function updateMembership(
  state: RegisteredOrganization,
  matches: (membership: MembershipPeriod) => boolean,
  change: Partial<Pick<MembershipPeriod, 'startDate' | 'endDate'>>,
): RegisteredOrganization {
  return { ...state, memberships: state.memberships.map((membership) => (matches(membership) ? { ...membership, ...change } : membership)) };
}
