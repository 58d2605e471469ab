import { clauseValidity, isInForceOn, type VersionTiming } from './clause-validity';

const enacted = { effectiveFrom: '2017-09-01', effectiveUntil: null };
const v = (version: number, sequence: number, change: Partial<VersionTiming> = {}): VersionTiming => ({
  version,
  sequence,
  struck: false,
  byMeasureId: null,
  effectiveFrom: null,
  ...change,
});
const later = (version: number, sequence: number, effectiveFrom: string, struck = false) => v(version, sequence, { byMeasureId: 'CB18-0001', effectiveFrom, struck });
const dates = (result: Map<number, { validFrom: string | null; validUntil: string | null }>) =>
  Object.fromEntries([...result].map(([version, { validFrom, validUntil }]) => [version, `${validFrom ?? '-'} .. ${validUntil ?? '-'}`]));

describe('clauseValidity', () => {
  it('keeps every version out of force until the measure is in force', () => {
    expect(dates(clauseValidity({ effectiveFrom: null, effectiveUntil: null }, [v(1, 1), v(2, 2)]))).toEqual({ 1: '- .. -', 2: '- .. -' });
  });

  it('puts only the newest pre-enactment version in force, from the enactment date', () => {
    expect(dates(clauseValidity(enacted, [v(1, 1), v(2, 5), v(3, 9)]))).toEqual({ 1: '- .. -', 2: '- .. -', 3: '2017-09-01 .. -' });
  });

  it('never puts a clause struck before enactment in force', () => {
    expect(dates(clauseValidity(enacted, [v(1, 1), v(2, 5, { struck: true })]))).toEqual({ 1: '- .. -', 2: '- .. -' });
  });

  it('orders later versions by effective date, then by recording order on the same date', () => {
    const result = clauseValidity(enacted, [v(1, 1), later(2, 10, '2019-01-01'), later(3, 11, '2018-01-01'), later(4, 12, '2018-01-01')]);
    // v3 is superseded on the day it would take effect: it was never in force.
    expect(dates(result)).toEqual({ 1: '2017-09-01 .. 2018-01-01', 2: '2019-01-01 .. -', 3: '- .. -', 4: '2018-01-01 .. 2019-01-01' });
  });

  it('lets a later version revive a clause struck by an earlier one', () => {
    expect(dates(clauseValidity(enacted, [v(1, 1), later(2, 10, '2018-01-01', true), later(3, 11, '2018-06-01')]))).toEqual({
      1: '2017-09-01 .. 2018-01-01',
      2: '- .. -',
      3: '2018-06-01 .. -',
    });
  });

  it('ends what is in force on repeal and drops versions that would only start after it', () => {
    const repealed = { effectiveFrom: '2017-09-01', effectiveUntil: '2018-03-01' };
    expect(dates(clauseValidity(repealed, [v(1, 1), later(2, 10, '2018-01-01'), later(3, 11, '2018-06-01')]))).toEqual({
      1: '2017-09-01 .. 2018-01-01',
      2: '2018-01-01 .. 2018-03-01',
      3: '- .. -',
    });
  });

  it('treats validUntil as the first day no longer in force', () => {
    const window = { validFrom: '2017-09-01', validUntil: '2018-01-01' };
    expect(['2017-08-31', '2017-09-01', '2017-12-31', '2018-01-01'].map((d) => isInForceOn(window, d))).toEqual([false, true, true, false]);
    expect(isInForceOn({ validFrom: null, validUntil: null }, '2017-09-01')).toBe(false);
  });
});
