import type { ActorOffices, OrganizationFacts } from '../organization/organization.facts';
import type { Command, CommandWithFacts } from '../shared/decider';
import type { OnBehalfOf } from '../shared/officeholder';
import type { ClauseChangeKind, ClauseRule, VoteChoice, VoteMotion } from './measure.events';
import type { MeasureKind, MeasureStage } from './measure.state';

/*
 * Facts: what a measure command needs to know about other aggregates, loaded by the application
 * layer before deciding (README "Conventions"). A null fact means "not registered".
 */

/** Another measure, as measureFactsOf describes it. */
export interface MeasureFacts {
  measureId: string;
  kind: MeasureKind;
  stage: MeasureStage;
  effectiveFrom: string | null;
}

/**
 * The acting person's offices (the account's person, or whoever a clerk records for: onBehalfOf)
 * in the office the act is done for: on the act's date, and on the day it is recorded.
 */
export interface MayorFacts {
  actorOffices: ActorOffices;
  actorOfficesNow: ActorOffices;
}

export interface ByMeasureFacts {
  byMeasure: MeasureFacts | null;
}

/** A rule as a clerk enters it; missing lists are empty. */
export interface ClauseRuleInput {
  effect: ClauseRule['effect'];
  action: string;
  dataCategories?: string[];
  recipients?: string[];
  unless?: string[];
}

export interface ClauseInput {
  eId: string;
  heading?: string | null;
  text: string;
  rule?: ClauseRuleInput | null;
}

/**
 * A change to one clause. The state keeps no clause text, so amend states the whole new version:
 * a heading or rule left out is null in it.
 */
export interface ClauseChangeInput {
  change: ClauseChangeKind;
  eId: string;
  heading?: string | null;
  text?: string | null;
  rule?: ClauseRuleInput | null;
}

export interface CastVote {
  personId: string;
  choice: VoteChoice;
}

export type IntroduceMeasure = CommandWithFacts<
  'IntroduceMeasure',
  {
    measureId: string;
    kind: Exclude<MeasureKind, 'EXECUTIVE_ORDER'>;
    title: string;
    summary?: string | null;
    bodyId: string;
    sponsorIds: string[];
    clauses: ClauseInput[];
  },
  { body: OrganizationFacts | null; unknownPersonIds: string[] }
>;

export type ReferMeasure = CommandWithFacts<'ReferMeasure', { measureId: string; committeeId: string }, { committee: OrganizationFacts | null }>;

/** Members of the body not listed in votes are recorded ABSENT; the result is computed. */
export type RecordVote = CommandWithFacts<
  'RecordVote',
  {
    measureId: string;
    bodyId: string;
    motion: VoteMotion;
    votes: CastVote[];
    amendment?: ClauseChangeInput | null;
    /** for a reconsideration motion: the measure's latest vote, which it reconsiders */
    reconsidersVoteId?: string | null;
  },
  { body: OrganizationFacts | null }
>;

/** The roll call as it should have been recorded; tally and result are computed again. */
export type CorrectVote = CommandWithFacts<
  'CorrectVote',
  { measureId: string; voteId: string; votes: CastVote[]; reason: string },
  /** the voting body with its members on the vote's date */
  { body: OrganizationFacts | null }
>;

/** A member's explanation of their vote, recorded by the clerk. */
export type ExplainVote = Command<'ExplainVote', { measureId: string; voteId: string; personId: string; explanation: string }>;

/** A sitting that could not vote: fewer members present than the body's quorum. */
export type RecordQuorumFailure = CommandWithFacts<
  'RecordQuorumFailure',
  { measureId: string; bodyId: string; motion: VoteMotion; present: string[] },
  { body: OrganizationFacts | null }
>;

export type SignMeasure = CommandWithFacts<'SignMeasure', { measureId: string } & OnBehalfOf, MayorFacts>;
export type VetoMeasure = CommandWithFacts<'VetoMeasure', { measureId: string; reason: string } & OnBehalfOf, MayorFacts>;
export type EnactMeasure = Command<'EnactMeasure', { measureId: string; effectiveFrom: string }>;
export type WithdrawMeasure = Command<'WithdrawMeasure', { measureId: string; reason: string }>;

/** effectiveUntil is the first day no longer in force. */
export type RepealMeasure = CommandWithFacts<'RepealMeasure', { measureId: string; byMeasureId: string; effectiveUntil: string }, ByMeasureFacts>;

/** How an enacted measure changes: by another enacted measure, from effectiveFrom. */
export type AmendByMeasure = CommandWithFacts<
  'AmendByMeasure',
  ClauseChangeInput & { measureId: string; byMeasureId: string; effectiveFrom: string },
  ByMeasureFacts
>;

export type DraftExecutiveOrder = CommandWithFacts<
  'DraftExecutiveOrder',
  { measureId: string; title: string; summary?: string | null; officeId: string; clauses: ClauseInput[] } & OnBehalfOf,
  MayorFacts
>;
export type IssueExecutiveOrder = CommandWithFacts<'IssueExecutiveOrder', { measureId: string; effectiveFrom: string } & OnBehalfOf, MayorFacts>;
export type RevokeExecutiveOrder = CommandWithFacts<'RevokeExecutiveOrder', { measureId: string; effectiveUntil: string; reason: string } & OnBehalfOf, MayorFacts>;

export type ExecutiveOrderCommand = DraftExecutiveOrder | IssueExecutiveOrder | RevokeExecutiveOrder;

export type MeasureCommand =
  | IntroduceMeasure
  | ReferMeasure
  | RecordVote
  | CorrectVote
  | ExplainVote
  | RecordQuorumFailure
  | SignMeasure
  | VetoMeasure
  | EnactMeasure
  | WithdrawMeasure
  | RepealMeasure
  | AmendByMeasure
  | ExecutiveOrderCommand;
