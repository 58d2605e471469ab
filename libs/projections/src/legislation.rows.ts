/**
 * Rows of the legislation read model as the queries hand them out: plain data, no GraphQL and no
 * domain types, so the read side can change its tables without touching either.
 */

export type MeasureKindValue = 'ORDINANCE' | 'EXECUTIVE_ORDER' | 'RESOLUTION';

export type MeasureStatusValue =
  | 'DRAFT'
  | 'INTRODUCED'
  | 'IN_COMMITTEE'
  | 'PASSED'
  | 'ENACTED'
  | 'VETOED'
  | 'FAILED'
  | 'WITHDRAWN'
  | 'REPEALED'
  | 'REVOKED';

export type VoteChoiceValue = 'YES' | 'NO' | 'ABSTAIN' | 'ABSENT' | 'RECUSED';
export type VoteResultValue = 'PASSED' | 'FAILED';

export interface PolicyRuleRow {
  effect: 'prohibit' | 'permit' | 'require';
  action: string;
  dataCategories: string[];
  recipients: string[];
  unless: string[];
}

export interface ActorRow {
  id: string;
  name: string;
  role: string;
}

export interface MeasureRow {
  id: string;
  kind: MeasureKindValue;
  title: string;
  summary: string | null;
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

export interface TallyRow {
  yes: number;
  no: number;
  abstain: number;
  absent: number;
  recused: number;
}

export interface VoteRow {
  id: string;
  measureId: string;
  bodyId: string;
  motion: string;
  occurredAt: string;
  tally: TallyRow;
  threshold: string;
  result: VoteResultValue;
  eventId: string;
  sequence: number;
}

export interface VoteCastRow {
  voteId: string;
  personId: string;
  choice: VoteChoiceValue;
  /** the vote's sequence: the order a person's votes are listed in */
  sequence: number;
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
