import { clauseHistoryOf, type MeasureClauseHistory } from './clause-history';
import type { MeasureFacts } from './measure.commands';
import type { ClauseEvent, MeasureEvent } from './measure.events';
import {
  clerkOn,
  EXECUTIVE_ORDER,
  executiveOrder,
  introducedClauses,
  MAYOR,
  MEASURE,
  on,
  ordinance,
  OTHER_MEASURE,
  record,
  releaseRule,
} from './testing/measure.fixtures';

const sec4 = { eId: 'sec_4', heading: 'Notification of release', text: 'The sheriff shall not notify federal authorities of a release.', rule: null };
const amendingMeasure: MeasureFacts = { measureId: OTHER_MEASURE, kind: 'ORDINANCE', stage: 'enacted', effectiveFrom: '2018-02-15' };

/** The enacted ordinance, introduced with a fourth section. */
const withSec4: MeasureEvent[] = ordinance.enacted.map((event) =>
  event.type === 'MeasureIntroduced' ? { ...event, data: { ...event.data, clauses: [...introducedClauses, sec4] } } : event,
);

function byOther(type: 'ClauseAmended' | 'ClauseStruck', eId: string, version: number, effectiveFrom: string, recordedOn: string): ClauseEvent {
  const provenance = { adoptedByVoteId: null, byMeasureId: OTHER_MEASURE, effectiveFrom };
  return type === 'ClauseStruck'
    ? on(recordedOn, { type, data: { measureId: MEASURE, eId, version, ...provenance } })
    : on(recordedOn, { type, data: { measureId: MEASURE, eId, version, heading: null, text: `Text as of ${effectiveFrom}.`, rule: releaseRule, ...provenance } });
}

/** eId -> "v<n> <from> .. <until>" per version, in recording order. */
function windows(history: MeasureClauseHistory | null): Record<string, string[]> {
  if (history === null) throw new Error('no history');
  return Object.fromEntries(
    [...history.clauses].map(([eId, versions]) => [eId, versions.map((v) => `v${v.version} ${v.validFrom ?? '-'} .. ${v.validUntil ?? '-'}`)]),
  );
}

describe('clauseHistoryOf', () => {
  it('Denver: enacted 2017-09-01, sec_4 amended by another measure from 2018-03-01', () => {
    const { events } = record(withSec4, [
      {
        type: 'AmendByMeasure',
        data: { measureId: MEASURE, byMeasureId: OTHER_MEASURE, change: 'amend', eId: 'sec_4', text: 'The sheriff may notify of a release.', effectiveFrom: '2018-03-01' },
        facts: { byMeasure: amendingMeasure },
        metadata: clerkOn('2018-02-20'),
      },
    ]);
    const history = clauseHistoryOf(events);
    expect(history?.measureId).toBe(MEASURE);
    expect(history?.kind).toBe('ORDINANCE');
    expect(history?.clauses.get('sec_4')).toEqual([
      { version: 1, heading: sec4.heading, text: sec4.text, rule: null, struck: false, validFrom: '2017-09-01', validUntil: '2018-03-01' },
      { version: 2, heading: null, text: 'The sheriff may notify of a release.', rule: null, struck: false, validFrom: '2018-03-01', validUntil: null },
    ]);
    expect(windows(history)).toEqual({
      sec_1: ['v1 2017-09-01 .. -'],
      sec_2__subsec_b: ['v1 2017-09-01 .. -'],
      sec_4: ['v1 2017-09-01 .. 2018-03-01', 'v2 2018-03-01 .. -'],
    });
  });

  it('keeps the text and rule of each version', () => {
    const clause = clauseHistoryOf(ordinance.enacted)?.clauses.get('sec_2__subsec_b');
    expect(clause).toEqual([{ version: 1, heading: null, text: introducedClauses[1].text, rule: releaseRule, struck: false, validFrom: '2017-09-01', validUntil: null }]);
  });

  it('puts nothing in force before enactment', () => {
    expect(windows(clauseHistoryOf(ordinance.signed))).toEqual({ sec_1: ['v1 - .. -'], sec_2__subsec_b: ['v1 - .. -'] });
  });

  it('puts only the last version adopted on the floor in force, from enactment', () => {
    const floorAmendment = on<MeasureEvent>('2017-08-21', {
      type: 'ClauseAmended',
      data: { measureId: MEASURE, eId: 'sec_1', version: 2, heading: 'Title', text: 'Amended title.', rule: null, adoptedByVoteId: `vote:${MEASURE}:2`, byMeasureId: null, effectiveFrom: null },
    });
    const events = [...ordinance.firstReadingPassed, floorAmendment, ...ordinance.enacted.slice(ordinance.firstReadingPassed.length)];
    expect(windows(clauseHistoryOf(events)).sec_1).toEqual(['v1 - .. -', 'v2 2017-09-01 .. -']);
  });

  it('orders versions by effective date, not by recording order', () => {
    // The 2019 change was recorded first; the 2018 one still comes before it.
    const events = [...ordinance.enacted, byOther('ClauseAmended', 'sec_1', 2, '2019-01-01', '2018-06-01'), byOther('ClauseAmended', 'sec_1', 3, '2018-01-01', '2018-06-02')];
    expect(windows(clauseHistoryOf(events)).sec_1).toEqual(['v1 2017-09-01 .. 2018-01-01', 'v2 2019-01-01 .. -', 'v3 2018-01-01 .. 2019-01-01']);
  });

  it('breaks a tie on the same effective date by recording order: the later record wins', () => {
    const events = [...ordinance.enacted, byOther('ClauseAmended', 'sec_1', 2, '2018-03-01', '2018-02-01'), byOther('ClauseAmended', 'sec_1', 3, '2018-03-01', '2018-02-02')];
    expect(windows(clauseHistoryOf(events)).sec_1).toEqual(['v1 2017-09-01 .. 2018-03-01', 'v2 - .. -', 'v3 2018-03-01 .. -']);
  });

  it('ends a clause struck by another measure; the striking version has no text and is never in force', () => {
    const history = clauseHistoryOf([...ordinance.enacted, byOther('ClauseStruck', 'sec_2__subsec_b', 2, '2018-03-01', '2018-02-01')]);
    expect(history?.clauses.get('sec_2__subsec_b')?.[1]).toEqual({
      version: 2,
      heading: null,
      text: null,
      rule: null,
      struck: true,
      validFrom: null,
      validUntil: null,
    });
    expect(windows(history).sec_2__subsec_b).toEqual(['v1 2017-09-01 .. 2018-03-01', 'v2 - .. -']);
  });

  it('ends every clause on repeal', () => {
    expect(windows(clauseHistoryOf(ordinance.repealed))).toEqual({ sec_1: ['v1 2017-09-01 .. 2018-07-01'], sec_2__subsec_b: ['v1 2017-09-01 .. 2018-07-01'] });
  });

  it('follows an executive order from issue to revocation', () => {
    const history = clauseHistoryOf(executiveOrder.revoked);
    expect(history?.measureId).toBe(EXECUTIVE_ORDER);
    expect(history?.kind).toBe('EXECUTIVE_ORDER');
    expect(windows(history).sec_2__subsec_b).toEqual(['v1 2017-08-31 .. 2018-01-11']);
  });

  it('adds a clause added by another measure from its own date', () => {
    const added = on<MeasureEvent>('2018-02-01', {
      type: 'ClauseAdded',
      data: { measureId: MEASURE, eId: 'sec_5', version: 1, heading: null, text: 'New.', rule: null, adoptedByVoteId: null, byMeasureId: OTHER_MEASURE, effectiveFrom: '2018-03-01' },
    });
    expect(windows(clauseHistoryOf([...ordinance.enacted, added])).sec_5).toEqual(['v1 2018-03-01 .. -']);
  });

  it('knows no measure in a stream that never records one', () => {
    expect(clauseHistoryOf([])).toBeNull();
    expect(clauseHistoryOf([on<MeasureEvent>('2017-08-31', { type: 'MeasureSigned', data: { measureId: MEASURE, signedBy: MAYOR } })])).toBeNull();
  });
});
