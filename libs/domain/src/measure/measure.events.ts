import type {
  ClauseAddedData,
  ClauseAmendedData,
  ClauseStruckData,
  ExecutiveOrderDraftedData,
  ExecutiveOrderIssuedData,
  ExecutiveOrderRevokedData,
  MeasureEnactedData,
  MeasureIntroducedData,
  MeasureReferredData,
  MeasureRepealedData,
  MeasureSignedData,
  MeasureVetoedData,
  MeasureWithdrawnData,
  QuorumFailedData,
  VoteCorrectedData,
  VoteExplainedData,
  VoteReconsideredData,
  VoteRecordedData,
} from '@ledger/event-types';
import type { DomainEvent } from '../shared/decider';

/** A clause as introduced or drafted (its version 1). */
export type IntroducedClause = MeasureIntroducedData['clauses'][number];
/** What a clause prohibits, permits or requires, in machine-readable form. */
export type ClauseRule = NonNullable<IntroducedClause['rule']>;
/** A proposed change to one clause, as a vote records it. */
export type ClauseChange = NonNullable<VoteRecordedData['amendment']>;
export type ClauseChangeKind = ClauseChange['change'];
export type VoteMotion = VoteRecordedData['motion'];
export type VoteChoice = VoteRecordedData['rollCall'][number]['choice'];
export type RollCallEntry = VoteRecordedData['rollCall'][number];
export type VoteTally = VoteRecordedData['tally'];
export type VoteResult = VoteRecordedData['result'];

export type MeasureIntroduced = DomainEvent<'MeasureIntroduced', MeasureIntroducedData>;
export type MeasureReferred = DomainEvent<'MeasureReferred', MeasureReferredData>;
export type VoteRecorded = DomainEvent<'VoteRecorded', VoteRecordedData>;
export type VoteCorrected = DomainEvent<'VoteCorrected', VoteCorrectedData>;
export type VoteExplained = DomainEvent<'VoteExplained', VoteExplainedData>;
export type QuorumFailed = DomainEvent<'QuorumFailed', QuorumFailedData>;
export type VoteReconsidered = DomainEvent<'VoteReconsidered', VoteReconsideredData>;
export type ClauseAdded = DomainEvent<'ClauseAdded', ClauseAddedData>;
export type ClauseAmended = DomainEvent<'ClauseAmended', ClauseAmendedData>;
export type ClauseStruck = DomainEvent<'ClauseStruck', ClauseStruckData>;
export type MeasureSigned = DomainEvent<'MeasureSigned', MeasureSignedData>;
export type MeasureVetoed = DomainEvent<'MeasureVetoed', MeasureVetoedData>;
export type MeasureEnacted = DomainEvent<'MeasureEnacted', MeasureEnactedData>;
export type MeasureWithdrawn = DomainEvent<'MeasureWithdrawn', MeasureWithdrawnData>;
export type MeasureRepealed = DomainEvent<'MeasureRepealed', MeasureRepealedData>;
export type ExecutiveOrderDrafted = DomainEvent<'ExecutiveOrderDrafted', ExecutiveOrderDraftedData>;
export type ExecutiveOrderIssued = DomainEvent<'ExecutiveOrderIssued', ExecutiveOrderIssuedData>;
export type ExecutiveOrderRevoked = DomainEvent<'ExecutiveOrderRevoked', ExecutiveOrderRevokedData>;

export type ClauseEvent = ClauseAdded | ClauseAmended | ClauseStruck;

export type MeasureEvent =
  | MeasureIntroduced
  | MeasureReferred
  | VoteRecorded
  | VoteCorrected
  | VoteExplained
  | QuorumFailed
  | VoteReconsidered
  | ClauseEvent
  | MeasureSigned
  | MeasureVetoed
  | MeasureEnacted
  | MeasureWithdrawn
  | MeasureRepealed
  | ExecutiveOrderDrafted
  | ExecutiveOrderIssued
  | ExecutiveOrderRevoked;
