import { isOrgId } from '../organization/organization.ids';
import { isPersonId } from '../person/person.ids';
import { clauseId, isEId, isMeasureId, isVoteId, parseClauseId, parseVoteId, voteId } from './measure.ids';

// The one id grammar: the deciders assert it, the read side and GraphQL look ids up by it.
describe('measure, clause and vote ids', () => {
  it('accepts the clerk\'s numbering and refuses anything else as a measure id', () => {
    expect(['CB17-0766', 'EO-2017-142', 'ab'].filter(isMeasureId)).toEqual(['CB17-0766', 'EO-2017-142', 'ab']);
    expect(['a', '-CB17', 'CB 17', 'x'.repeat(41), 'CB17#sec_1', 42, null].filter(isMeasureId)).toEqual([]);
  });

  it('parses a clause id into its measure and Akoma Ntoso eId, within the eId length limit', () => {
    expect(parseClauseId(clauseId('CB17-0766', 'sec_2__subsec_b'))).toEqual({ measureId: 'CB17-0766', eId: 'sec_2__subsec_b' });
    expect(parseClauseId('CB17-0766#Sec_2')).toBeNull();
    expect(parseClauseId('CB17-0766')).toBeNull();
    expect(parseClauseId(`CB17-0766#sec_${'1'.repeat(200)}`)).toBeNull();
    expect(isEId(`sec_${'1'.repeat(196)}`)).toBe(true);
    expect(isEId(`sec_${'1'.repeat(197)}`)).toBe(false);
  });

  it('makes and reads back vote ids', () => {
    expect(isVoteId(voteId('CB17-0766', 3))).toBe(true);
    expect(parseVoteId('vote:CB17-0766:3')).toEqual({ measureId: 'CB17-0766', ordinal: 3 });
    expect(['vote:CB17-0766:0', 'vote:CB17-0766', 'CB17-0766:3'].filter(isVoteId)).toEqual([]);
  });

  it('tells person and organization ids apart, up to their length limits', () => {
    expect(isPersonId('person:robin-kniech')).toBe(true);
    expect(isPersonId(`person:${'a'.repeat(100)}`)).toBe(true);
    expect(isPersonId(`person:${'a'.repeat(101)}`)).toBe(false);
    expect(isPersonId('org:denver-city-council')).toBe(false);
    expect(isOrgId('org:denver-city-council')).toBe(true);
    expect(isOrgId(`org:${'a'.repeat(101)}`)).toBe(false);
    expect(isOrgId('org:Denver')).toBe(false);
  });
});
