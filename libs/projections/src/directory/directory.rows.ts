import type { OrganizationKind, VotingRules } from '@ledger/domain';

/** Rows of the directory read model as the queries hand them out; vocabularies are the domain's. */

export type OrganizationKindValue = OrganizationKind;

export type VotingRulesRow = VotingRules;

export interface PersonRow {
  id: string;
  name: string;
  sortName: string;
  streamId: string;
}

export interface OrganizationRow {
  id: string;
  name: string;
  kind: OrganizationKindValue;
  parentId: string | null;
  rules: VotingRulesRow | null;
  streamId: string;
}

export interface MembershipRow {
  orgId: string;
  personId: string;
  role: string;
  /** first day (inclusive), YYYY-MM-DD */
  startDate: string;
  /** last day (inclusive), or null while serving */
  endDate: string | null;
}
