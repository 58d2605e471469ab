import type { ClauseRule, MeasureKind, MeasureStage, MeasureStatus, VoteChoice, VoteMotion, VoteResult, VoteTally } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';

/**
 * Rows of the legislation read model as the queries hand them out: plain data, no GraphQL types.
 * Their vocabularies (kinds, statuses, choices, results, rules) are the domain's, which derives
 * them from the event schemas, so a new value is added in one place.
 */

export type MeasureKindValue = MeasureKind;
/** measureStatus(stage, kind) of the stage the domain's stageAfter computed */
export type MeasureStatusValue = MeasureStatus;
export type VoteChoiceValue = VoteChoice;
export type VoteResultValue = VoteResult;
export type PolicyRuleRow = ClauseRule;
/** who recorded an event: the envelope's recordedBy */
export type ActorRow = RecordedEvent['recordedBy'];
export type TallyRow = VoteTally;

export interface MeasureRow {
  id: string;
  kind: MeasureKindValue;
  title: string;
  summary: string | null;
  /** where the measure is in its lifecycle, as the domain's stageAfter computed it */
  stage: MeasureStage;
  status: MeasureStatusValue;
  /** the legislature (ordinances, resolutions) */
  bodyId: string | null;
  /** the committee it was last referred to */
  committeeId: string | null;
  /** the executive office (executive orders) */
  officeId: string | null;
  /** occurredAt of the introduction (or of the draft, for an executive order) */
  introducedAt: string;
  effectiveFrom: string | null;
  /** first day no longer in force */
  effectiveUntil: string | null;
  streamId: string;
  /** sequence of the introducing event: the order measures are listed in */
  sequence: number;
}

export interface SponsorRow {
  measureId: string;
  personId: string;
}

export interface ClauseRow {
  /** `<measure id>#<eId>` */
  id: string;
  measureId: string;
  eId: string;
  /** the heading of the newest version */
  heading: string | null;
}

export interface ClauseVersionRow {
  clauseId: string;
  measureId: string;
  eId: string;
  version: number;
  heading: string | null;
  /** for a struck version: the text it struck */
  text: string;
  rule: PolicyRuleRow | null;
  struck: boolean;
  adoptedByVoteId: string | null;
  byMeasureId: string | null;
  /** as recorded: set only for changes made by another measure */
  effectiveFrom: string | null;
  /** first day in force, derived from effective dates; null if never in force */
  validFrom: string | null;
  /** first day no longer in force; null while in force */
  validUntil: string | null;
  eventId: string;
  sequence: number;
}

export interface VoteRow {
  id: string;
  measureId: string;
  bodyId: string;
  motion: VoteMotion;
  occurredAt: string;
  tally: TallyRow;
  threshold: string;
  /** as corrected, when a clerk corrected the roll call */
  result: VoteResultValue;
  /** true once a VoteCorrected changed the roll call; the history has the original */
  corrected: boolean;
  /** a motion to reconsider: the vote it is about */
  reconsidersVoteId: string | null;
  /** the passed motion to reconsider that undid this vote */
  reconsideredByVoteId: string | null;
  eventId: string;
  sequence: number;
}

export interface VoteCastRow {
  voteId: string;
  personId: string;
  choice: VoteChoiceValue;
  /** the vote's sequence: the order a person's votes are listed in */
  sequence: number;
  /** the member's explanation of their vote, if they recorded one */
  explanation: string | null;
}

export interface VoteEventRow {
  voteId: string;
  eventId: string;
  sequence: number;
}

export interface MeasureActionRow {
  measureId: string;
  sequence: number;
  occurredAt: string;
  classification: string;
  description: string;
  organizationId: string | null;
  voteId: string | null;
  actor: ActorRow;
  eventId: string;
}

export interface MeasureFilter {
  kind?: MeasureKindValue | null;
  status?: MeasureStatusValue | null;
  sponsorId?: string | null;
  /** words to find in titles and clause texts (all of them, stemmed) */
  text?: string | null;
  /** YYYY-MM-DD: measures in force that day */
  inForceOn?: string | null;
}

/** Which clause versions in force policyInForce lists; every field given must hold. */
export interface PolicyFilter {
  measureId?: string | null;
  /** rules that cover this data category: those naming it and those naming none (every category) */
  dataCategory?: string | null;
  /** rules that cover this recipient category: those naming it and those naming none (anyone) */
  recipient?: string | null;
}

/** Where a clause stands in policyInForce's order (its measure's sequence, its position): a page's cursor. */
export interface PolicyPlace {
  measureSequence: number;
  position: number;
}

export interface MeasurePage {
  measures: MeasureRow[];
  hasNextPage: boolean;
  totalCount: number;
}

export interface VoteCastPage {
  personId: string;
  casts: VoteCastRow[];
  hasNextPage: boolean;
  totalCount: number;
}
