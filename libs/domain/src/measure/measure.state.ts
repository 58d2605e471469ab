import { assertNever } from '../shared/decider';
import type { MeasureFacts } from './measure.commands';
import type { ClauseEvent, IntroducedClause, MeasureEvent, VoteMotion, VoteResult } from './measure.events';

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
    default:
      return assertNever(motion);
  }
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
  const base = { exists: true as const, committeeId: null, effectiveFrom: null, effectiveUntil: null, lastActionDate: null, voteCount: 0 };
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
    case 'VoteRecorded':
      return { ...state, stage, voteCount: state.voteCount + 1 };
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

export function evolveMeasure(state: MeasureState, event: MeasureEvent): MeasureState {
  const next = state.exists ? changed(state, event) : created(event);
  if (next === null) return state;
  // Payloads carry no dates of their own; the stored envelope's occurredAt is the act's date.
  const lastActionDate = event.occurredAt === undefined ? next.lastActionDate : event.occurredAt.slice(0, 10);
  return { ...next, lastActionDate };
}
