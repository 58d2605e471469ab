import { assertNever } from '../shared/decider';
import type { MeasureFacts } from './measure.commands';
import type { ClauseEvent, IntroducedClause, MeasureEvent, RollCallEntry, VoteMotion, VoteResult } from './measure.events';

export type MeasureKind = 'ORDINANCE' | 'RESOLUTION' | 'EXECUTIVE_ORDER';

export type MeasureStage =
  | 'draft'
  | 'introduced'
  | 'in-committee'
  | 'reported'
  | 'first-reading-passed'
  | 'passed'
  | 'signed'
  | 'vetoed'
  | 'overridden'
  | 'enacted'
  | 'failed'
  | 'withdrawn'
  | 'repealed'
  | 'revoked';

/** The contract's MeasureStatus (ledger.graphql). */
export type MeasureStatus = 'DRAFT' | 'INTRODUCED' | 'IN_COMMITTEE' | 'PASSED' | 'ENACTED' | 'ISSUED' | 'VETOED' | 'FAILED' | 'WITHDRAWN' | 'REPEALED' | 'REVOKED';

/** Enough of a clause to number its next version and refuse changes to a struck one. */
export interface ClauseTrack {
  latestVersion: number;
  struck: boolean;
}

/** A recorded vote as later acts on it are checked: corrections of its roll call, members' explanations. */
export interface VoteTrack {
  bodyId: string;
  motion: VoteMotion;
  /** null when the folded events carried no occurredAt */
  date: string | null;
  threshold: string;
  result: VoteResult;
  rollCall: RollCallEntry[];
  /** members who have explained their vote */
  explainedBy: ReadonlySet<string>;
  /** the stage the measure was in before this vote: where a passed reconsideration takes it back */
  stageBefore: MeasureStage;
}

export interface RecordedMeasure {
  exists: true;
  measureId: string;
  kind: MeasureKind;
  stage: MeasureStage;
  /** the legislature it was introduced in (null for an executive order) */
  bodyId: string | null;
  committeeId: string | null;
  /** the executive office of an executive order (null for others) */
  officeId: string | null;
  sponsorIds: string[];
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  /** the date of the latest recorded act (null when the folded events carried no occurredAt) */
  lastActionDate: string | null;
  voteCount: number;
  votes: ReadonlyMap<string, VoteTrack>;
  /**
   * The vote that is the measure's latest act (its own consequences aside: the clause change an
   * amendment adopted, the enactment an adoption brought); null once anything else has followed.
   * Only that vote's result may still change by a correction: nothing yet rests on it.
   */
  latestVoteId: string | null;
  clauses: ReadonlyMap<string, ClauseTrack>;
}

export type MeasureState = { exists: false } | RecordedMeasure;

export const initialMeasureState: MeasureState = { exists: false };

const STATUS: Record<MeasureStage, MeasureStatus> = {
  draft: 'DRAFT',
  introduced: 'INTRODUCED',
  'in-committee': 'IN_COMMITTEE',
  reported: 'INTRODUCED',
  'first-reading-passed': 'INTRODUCED',
  passed: 'PASSED',
  signed: 'PASSED',
  vetoed: 'VETOED',
  overridden: 'PASSED',
  enacted: 'ENACTED',
  failed: 'FAILED',
  withdrawn: 'WITHDRAWN',
  repealed: 'REPEALED',
  revoked: 'REVOKED',
};

/** The status a stage is shown as: an executive order in force was issued, not enacted (no council made it law). */
export function measureStatus(stage: MeasureStage, kind: MeasureKind): MeasureStatus {
  return kind === 'EXECUTIVE_ORDER' && stage === 'enacted' ? 'ISSUED' : STATUS[stage];
}

/** What a decider about another measure needs to know about this one (see MeasureFacts). */
export function measureFactsOf(state: RecordedMeasure): MeasureFacts {
  return { measureId: state.measureId, kind: state.kind, stage: state.stage, effectiveFrom: state.effectiveFrom };
}

/**
 * Where a vote leaves the measure. A passed adoption is followed by MeasureEnacted, which moves it;
 * a failed veto override leaves the veto standing.
 */
export function stageAfterVote(stage: MeasureStage, motion: VoteMotion, result: VoteResult): MeasureStage {
  switch (motion) {
    case 'committee-passage':
      return result === 'PASSED' ? 'reported' : 'failed';
    case 'first-reading':
      return result === 'PASSED' ? 'first-reading-passed' : 'failed';
    case 'final-passage':
      return result === 'PASSED' ? 'passed' : 'failed';
    case 'adoption':
      return result === 'PASSED' ? stage : 'failed';
    case 'amendment':
      return stage;
    case 'veto-override':
      return result === 'PASSED' ? 'overridden' : stage;
    case 'reconsideration':
      // A passed one is followed by VoteReconsidered, which moves the measure back.
      return stage;
    default:
      return assertNever(motion);
  }
}

/**
 * Where a corrected roll call leaves the measure. A result that changes moves the stage as the vote
 * would have, had it been recorded right (only the measure's latest vote may change its result, so
 * the stage is the one that vote left); a veto override that no longer passes leaves the veto
 * standing. A passed adoption's enactment, or an amendment's clause change, follows as its own event.
 */
export function stageAfterVoteCorrection(stage: MeasureStage, motion: VoteMotion, previous: VoteResult, result: VoteResult): MeasureStage {
  if (previous === result) return stage;
  if (motion === 'veto-override' && result === 'FAILED') return 'vetoed';
  return stageAfterVote(stage, motion, result);
}

/**
 * The stage an event leaves a measure in: the lifecycle's one table of transitions. evolveMeasure
 * folds it, and the legislation read model stores what it computes (with measureStatus of it).
 * `stage` is undefined before the measure's first event, which sets the stage it starts in.
 */
export function stageAfter(stage: MeasureStage | undefined, event: MeasureEvent): MeasureStage {
  switch (event.type) {
    case 'MeasureIntroduced':
      return stage ?? 'introduced';
    case 'ExecutiveOrderDrafted':
      return stage ?? 'draft';
    case 'MeasureReferred':
      return 'in-committee';
    case 'VoteRecorded':
      return stageAfterVote(recordedStage(stage, event), event.data.motion, event.data.result);
    case 'VoteCorrected':
      return stageAfterVoteCorrection(recordedStage(stage, event), event.data.motion, event.data.previousResult, event.data.result);
    case 'VoteExplained':
    case 'QuorumFailed':
      return recordedStage(stage, event);
    case 'VoteReconsidered':
      return event.data.stage;
    case 'ClauseAdded':
    case 'ClauseAmended':
    case 'ClauseStruck':
      return recordedStage(stage, event);
    case 'MeasureSigned':
      return 'signed';
    case 'MeasureVetoed':
      return 'vetoed';
    case 'MeasureEnacted':
    case 'ExecutiveOrderIssued':
      return 'enacted';
    case 'MeasureWithdrawn':
      return 'withdrawn';
    case 'MeasureRepealed':
      return 'repealed';
    case 'ExecutiveOrderRevoked':
      return 'revoked';
    default:
      return assertNever(event);
  }
}

// The deciders refuse every act on a measure that was never introduced or drafted.
function recordedStage(stage: MeasureStage | undefined, event: MeasureEvent): MeasureStage {
  if (stage === undefined) throw new Error(`${event.type} of a measure that was never introduced or drafted`);
  return stage;
}

function introducedClauses(clauses: IntroducedClause[]): Map<string, ClauseTrack> {
  return new Map(clauses.map((clause) => [clause.eId, { latestVersion: 1, struck: false }]));
}

function withClauseChange(clauses: ReadonlyMap<string, ClauseTrack>, event: ClauseEvent): Map<string, ClauseTrack> {
  const next = new Map(clauses);
  next.set(event.data.eId, { latestVersion: event.data.version, struck: event.type === 'ClauseStruck' });
  return next;
}

function created(event: MeasureEvent): RecordedMeasure | null {
  const base = { exists: true as const, committeeId: null, effectiveFrom: null, effectiveUntil: null, lastActionDate: null, voteCount: 0, votes: new Map(), latestVoteId: null };
  switch (event.type) {
    case 'MeasureIntroduced': {
      const { measureId, kind, bodyId, sponsorIds, clauses } = event.data;
      return { ...base, measureId, kind, stage: stageAfter(undefined, event), bodyId, officeId: null, sponsorIds, clauses: introducedClauses(clauses) };
    }
    case 'ExecutiveOrderDrafted': {
      const { measureId, officeId, clauses } = event.data;
      const stage = stageAfter(undefined, event);
      return { ...base, measureId, kind: 'EXECUTIVE_ORDER', stage, bodyId: null, officeId, sponsorIds: [], clauses: introducedClauses(clauses) };
    }
    default:
      return null;
  }
}

function changed(state: RecordedMeasure, event: MeasureEvent): RecordedMeasure {
  const stage = stageAfter(state.stage, event);
  switch (event.type) {
    case 'MeasureIntroduced':
    case 'ExecutiveOrderDrafted':
      return state;
    case 'MeasureReferred':
      return { ...state, stage, committeeId: event.data.committeeId };
    case 'VoteRecorded': {
      const { voteId, bodyId, motion, threshold, result, rollCall } = event.data;
      const vote: VoteTrack = { bodyId, motion, date: dateOf(event), threshold, result, rollCall, explainedBy: new Set(), stageBefore: state.stage };
      return { ...state, stage, voteCount: state.voteCount + 1, votes: withVote(state.votes, voteId, vote) };
    }
    case 'VoteCorrected': {
      const { voteId, rollCall, result } = event.data;
      const vote = state.votes.get(voteId);
      return vote ? { ...state, stage, votes: withVote(state.votes, voteId, { ...vote, rollCall, result }) } : { ...state, stage };
    }
    case 'VoteExplained': {
      const vote = state.votes.get(event.data.voteId);
      if (!vote) return state;
      return { ...state, votes: withVote(state.votes, event.data.voteId, { ...vote, explainedBy: new Set([...vote.explainedBy, event.data.personId]) }) };
    }
    case 'QuorumFailed':
      return state;
    case 'VoteReconsidered':
      return { ...state, stage };
    case 'ClauseAdded':
    case 'ClauseAmended':
    case 'ClauseStruck':
      return { ...state, stage, clauses: withClauseChange(state.clauses, event) };
    case 'MeasureSigned':
    case 'MeasureVetoed':
    case 'MeasureWithdrawn':
      return { ...state, stage };
    case 'MeasureEnacted':
    case 'ExecutiveOrderIssued':
      return { ...state, stage, effectiveFrom: event.data.effectiveFrom };
    case 'MeasureRepealed':
    case 'ExecutiveOrderRevoked':
      return { ...state, stage, effectiveUntil: event.data.effectiveUntil };
    default:
      return assertNever(event);
  }
}

// Payloads carry no dates of their own; the stored envelope's occurredAt is the act's date.
const dateOf = (event: MeasureEvent): string | null => (event.occurredAt === undefined ? null : event.occurredAt.slice(0, 10));

function withVote(votes: ReadonlyMap<string, VoteTrack>, voteId: string, vote: VoteTrack): Map<string, VoteTrack> {
  return new Map(votes).set(voteId, vote);
}

/** See RecordedMeasure.latestVoteId: what keeps a vote the latest act, and what ends that. */
function latestVoteAfter(state: RecordedMeasure, event: MeasureEvent): string | null {
  const latest = state.latestVoteId;
  switch (event.type) {
    case 'VoteRecorded':
      return event.data.voteId;
    case 'VoteCorrected':
    case 'VoteExplained':
    case 'QuorumFailed':
      return latest;
    case 'ClauseAdded':
    case 'ClauseAmended':
    case 'ClauseStruck':
      return latest !== null && event.data.adoptedByVoteId === latest ? latest : null;
    case 'MeasureEnacted':
      return latest !== null && state.votes.get(latest)?.motion === 'adoption' ? latest : null;
    default:
      return null;
  }
}

export function evolveMeasure(state: MeasureState, event: MeasureEvent): MeasureState {
  const next = state.exists ? changed(state, event) : created(event);
  if (next === null) return state;
  const lastActionDate = dateOf(event) ?? next.lastActionDate;
  return { ...next, lastActionDate, latestVoteId: state.exists ? latestVoteAfter(state, event) : null };
}
