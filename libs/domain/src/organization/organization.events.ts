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

export type OrganizationRegistered = DomainEvent<'OrganizationRegistered', OrganizationRegisteredData>;
export type OrganizationRecordCorrected = DomainEvent<'OrganizationRecordCorrected', OrganizationRecordCorrectedData>;
export type MembershipStarted = DomainEvent<'MembershipStarted', MembershipStartedData>;
export type MembershipEnded = DomainEvent<'MembershipEnded', MembershipEndedData>;
export type MembershipCorrected = DomainEvent<'MembershipCorrected', MembershipCorrectedData>;

export type OrganizationEvent = OrganizationRegistered | OrganizationRecordCorrected | MembershipStarted | MembershipEnded | MembershipCorrected;
