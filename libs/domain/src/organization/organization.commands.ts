import type { Command, CommandWithFacts } from '../shared/decider';
import type { OrganizationKind, VotingRules } from './organization.events';
import type { ParentOrganizationFacts } from './organization.facts';

/** Voting rules as a clerk enters them; passage defaults to majority-of-present, overrideVotes to null. */
export interface VotingRulesInput {
  seats: number;
  quorum: number;
  passage?: VotingRules['passage'];
  overrideVotes?: number | null;
  /** how an abstention counts (default present: see abstentionRule) */
  abstentions?: VotingRules['abstentions'];
}

export type RegisterOrganization = CommandWithFacts<
  'RegisterOrganization',
  { orgId: string; name: string; kind: OrganizationKind; parentId?: string | null; rules?: VotingRulesInput | null },
  ParentOrganizationFacts
>;

/** Fixes a mistake in the record; facts.parent describes the new parentId when one is given. */
export type CorrectOrganizationRecord = CommandWithFacts<
  'CorrectOrganizationRecord',
  { orgId: string; name?: string; parentId?: string | null; rules?: VotingRulesInput | null; reason: string },
  ParentOrganizationFacts
>;

export type StartMembership = CommandWithFacts<
  'StartMembership',
  { orgId: string; personId: string; role: string; startDate: string },
  { personRegistered: boolean }
>;

/** endDate is the last day in the role (inclusive). */
export type EndMembership = Command<'EndMembership', { orgId: string; personId: string; role: string; endDate: string }>;

/** The membership is named by its recorded startDate; newEndDate null reopens it. */
export type CorrectMembership = Command<
  'CorrectMembership',
  { orgId: string; personId: string; role: string; startDate: string; newStartDate?: string; newEndDate?: string | null; reason: string }
>;

export type OrganizationCommand = RegisterOrganization | CorrectOrganizationRecord | StartMembership | EndMembership | CorrectMembership;
