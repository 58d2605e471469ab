import { billActionClassification, motionClassification, VOTE_OPTION } from './ocd-classifications';
import { OCD_ID_NAMESPACE, ocdId } from './ocd-ids';
import { ocdDate, ocdDateTime } from './ocd-values';

describe('OCD mapping', () => {
  it('derives the same id from the same ledger id, distinct per kind', () => {
    expect(ocdId('person', 'person:robin-kniech')).toBe(ocdId('person', 'person:robin-kniech'));
    expect(ocdId('person', 'person:robin-kniech')).toMatch(/^ocd-person\/[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ocdId('bill', 'x').split('/')[1]).not.toBe(ocdId('vote', 'x').split('/')[1]);
    // fixed forever: changing it would give every exported object a new id
    expect(OCD_ID_NAMESPACE).toBe('caf46c53-e280-58c3-9af4-fceea1f01194');
  });

  it("keeps OCD's action classifications, maps the ledger's own where one fits, drops the rest", () => {
    expect(billActionClassification('referral-committee')).toEqual(['referral-committee']);
    expect(billActionClassification('executive-order-issued')).toEqual(['became-law']);
    expect(billActionClassification('repeal')).toEqual([]);
    expect(motionClassification('final-passage')).toEqual(['bill-passage']);
    expect(motionClassification('first-reading')).toEqual([]);
    expect(VOTE_OPTION.RECUSED).toBe('not voting');
  });

  it("writes instants as OCD's fuzzy datetime: no fractional seconds, the offset kept", () => {
    expect(ocdDateTime('2017-08-28T17:40:00.123-06:00')).toBe('2017-08-28T17:40:00-06:00');
    expect(ocdDateTime('2017-08-28T23:40:00Z')).toBe('2017-08-28T23:40:00Z');
    expect(ocdDate('2017-08-28T17:40:00-06:00')).toBe('2017-08-28');
  });
});
