import { assertNever } from '../shared/decider';
import { clauseValidity, type MeasureTiming, type VersionTiming } from './clause-validity';
import type { ClauseRule, IntroducedClause, MeasureEvent } from './measure.events';
import type { MeasureKind } from './measure.state';

/*
 * A measure's clauses, every version with its text and the days it was law. The measure's state
 * keeps only version numbers (all a decider about the measure needs); a data-request decision needs
 * the dates, to check that what it cites was in force (see data-request.citations.ts).
 */

export interface ClauseVersionHistory {
  version: number;
  heading: string | null;
  /** null on the version that strikes the clause */
  text: string | null;
  rule: ClauseRule | null;
  struck: boolean;
  validFrom: string | null;
  /** first day no longer in force; null while still in force */
  validUntil: string | null;
}

export interface MeasureClauseHistory {
  measureId: string;
  kind: MeasureKind;
  /** eId -> its versions, in recording order */
  clauses: Map<string, ClauseVersionHistory[]>;
}

type RecordedVersion = Omit<ClauseVersionHistory, 'validFrom' | 'validUntil'> & Omit<VersionTiming, 'version' | 'struck'>;

/** A measure's clause history part-way through its stream: what clauseHistoryStep folds. */
export interface ClauseHistoryFold {
  measureId: string;
  kind: MeasureKind;
  timing: MeasureTiming;
  versions: Map<string, RecordedVersion[]>;
}

function created(measureId: string, kind: MeasureKind, clauses: IntroducedClause[], sequence: number): ClauseHistoryFold {
  const versions = new Map<string, RecordedVersion[]>(
    clauses.map(({ eId, heading, text, rule }) => [eId, [{ version: 1, heading, text, rule, struck: false, byMeasureId: null, effectiveFrom: null, sequence }]]),
  );
  return { measureId, kind, timing: { effectiveFrom: null, effectiveUntil: null }, versions };
}

function withVersion(fold: ClauseHistoryFold, eId: string, version: RecordedVersion): ClauseHistoryFold {
  const versions = new Map(fold.versions);
  versions.set(eId, [...(versions.get(eId) ?? []), version]);
  return { ...fold, versions };
}

// Events before the measure exists (none, in a well-formed stream) are ignored rather than refused:
// this is a read of history, not a decision. `sequence` is the event's revision in the stream.
export function clauseHistoryStep(fold: ClauseHistoryFold | null, event: MeasureEvent, sequence: number): ClauseHistoryFold | null {
  switch (event.type) {
    case 'MeasureIntroduced':
      return fold ?? created(event.data.measureId, event.data.kind, event.data.clauses, sequence);
    case 'ExecutiveOrderDrafted':
      return fold ?? created(event.data.measureId, 'EXECUTIVE_ORDER', event.data.clauses, sequence);
    case 'ClauseAdded':
    case 'ClauseAmended': {
      if (fold === null) return null;
      const { eId, version, heading, text, rule, byMeasureId, effectiveFrom } = event.data;
      return withVersion(fold, eId, { version, heading, text, rule, struck: false, byMeasureId, effectiveFrom, sequence });
    }
    case 'ClauseStruck': {
      if (fold === null) return null;
      const { eId, version, byMeasureId, effectiveFrom } = event.data;
      return withVersion(fold, eId, { version, heading: null, text: null, rule: null, struck: true, byMeasureId, effectiveFrom, sequence });
    }
    case 'MeasureEnacted':
    case 'ExecutiveOrderIssued':
      return fold && { ...fold, timing: { ...fold.timing, effectiveFrom: event.data.effectiveFrom } };
    case 'MeasureRepealed':
    case 'ExecutiveOrderRevoked':
      return fold && { ...fold, timing: { ...fold.timing, effectiveUntil: event.data.effectiveUntil } };
    case 'MeasureReferred':
    case 'VoteRecorded':
    case 'VoteCorrected':
    case 'VoteExplained':
    case 'QuorumFailed':
    case 'VoteReconsidered':
    case 'MeasureSigned':
    case 'MeasureVetoed':
    case 'MeasureWithdrawn':
      // A passed amendment vote is followed by its own clause event, which carries the change.
      return fold;
    default:
      return assertNever(event);
  }
}

function withValidity(timing: MeasureTiming, versions: RecordedVersion[]): ClauseVersionHistory[] {
  const validity = clauseValidity(timing, versions);
  return versions.map(({ version, heading, text, rule, struck }) => ({ version, heading, text, rule, struck, ...validity.get(version)! }));
}

/**
 * Folds one measure's stream, in recording order, into its clauses' versions and the days each was
 * in force; null when the events never record the measure (no such measure).
 */
export function clauseHistoryOf(events: readonly MeasureEvent[]): MeasureClauseHistory | null {
  return clauseHistoryOfFold(events.reduce<ClauseHistoryFold | null>((acc, event, index) => clauseHistoryStep(acc, event, index), null));
}

/** The history a fold of the whole stream describes (clauseHistoryStep over every event, in order). */
export function clauseHistoryOfFold(fold: ClauseHistoryFold | null): MeasureClauseHistory | null {
  if (fold === null) return null;
  const clauses = new Map([...fold.versions].map(([eId, versions]) => [eId, withValidity(fold.timing, versions)]));
  return { measureId: fold.measureId, kind: fold.kind, clauses };
}
