import type {
  MembershipCorrectedData,
  MembershipEndedData,
  MembershipStartedData,
  OrganizationRecordCorrectedData,
  OrganizationRegisteredData,
} from '@ledger/event-types';
import type { DomainEvent } from '../shared/decider';

export type OrganizationKind = OrganizationRegisteredData['kind'];
export type VotingRules = NonNullable<OrganizationRegisteredData['rules']>;
export type AbstentionRule = NonNullable<VotingRules['abstentions']>;

/**
 * How a body counts an abstention. `present` (the rule before bodies could choose, and the default):
 * an abstaining member is present, for the quorum and in the base of a majority-of-present.
 * `not-voting`: present for the quorum, but not in the base, so a motion needs a majority of the YES
 * and NO votes. Rules recorded before the choice existed say `present` (upcast).
 */
export function abstentionRule(rules: VotingRules): AbstentionRule {
  return rules.abstentions ?? 'present';
}

export type OrganizationRegistered = DomainEvent<'OrganizationRegistered', OrganizationRegisteredData>;
export type OrganizationRecordCorrected = DomainEvent<'OrganizationRecordCorrected', OrganizationRecordCorrectedData>;
export type MembershipStarted = DomainEvent<'MembershipStarted', MembershipStartedData>;
export type MembershipEnded = DomainEvent<'MembershipEnded', MembershipEndedData>;
export type MembershipCorrected = DomainEvent<'MembershipCorrected', MembershipCorrectedData>;

export type OrganizationEvent = OrganizationRegistered | OrganizationRecordCorrected | MembershipStarted | MembershipEnded | MembershipCorrected;
