import { committeeRules, councilRules } from '../organization/testing/denver.fixtures';
import { assertQuorum, presentCount, resultOf, rollCall, tally, thresholdOf, votesNeeded } from './measure.vote-rules';

const counts = (yes: number, no = 0, abstain = 0, absent = 0, recused = 0) => ({ yes, no, abstain, absent, recused });

describe('vote rules', () => {
  describe('rollCall', () => {
    const members = [{ personId: 'person:c' }, { personId: 'person:a' }, { personId: 'person:b' }, { personId: 'person:a' }];

    it('lists every member once, sorted by personId, the unlisted ABSENT', () => {
      expect(rollCall(members, [{ personId: 'person:b', choice: 'NO' }], 'org:body', '2017-08-28')).toEqual([
        { personId: 'person:a', choice: 'ABSENT' },
        { personId: 'person:b', choice: 'NO' },
        { personId: 'person:c', choice: 'ABSENT' },
      ]);
    });

    it('names a voter who is not a member and one listed twice', () => {
      expect(() => rollCall(members, [{ personId: 'person:z', choice: 'YES' }], 'org:body', '2017-08-28')).toThrow(
        'person:z is not a member of org:body on 2017-08-28',
      );
      expect(() =>
        rollCall(
          members,
          [
            { personId: 'person:a', choice: 'YES' },
            { personId: 'person:a', choice: 'NO' },
          ],
          'org:body',
          '2017-08-28',
        ),
      ).toThrow('person:a is listed twice');
    });
  });

  it('tallies each choice and counts recused members as present', () => {
    const counted = tally([
      { personId: 'person:a', choice: 'YES' },
      { personId: 'person:b', choice: 'RECUSED' },
      { personId: 'person:c', choice: 'ABSENT' },
      { personId: 'person:d', choice: 'ABSTAIN' },
    ]);
    expect(counted).toEqual(counts(1, 0, 1, 1, 1));
    expect(presentCount(counted)).toBe(3);
  });

  it('needs the quorum present', () => {
    expect(() => assertQuorum(counts(7, 0, 0, 6), councilRules)).not.toThrow();
    expect(() => assertQuorum(counts(3, 2, 0, 8), councilRules)).toThrow('no quorum: 5 present, 7 needed');
    expect(() => assertQuorum(counts(1, 0, 0, 2, 2), committeeRules)).not.toThrow();
  });

  it('passes by majority of those present, excluding recusals from the base', () => {
    expect(resultOf('final-passage', councilRules, 'org:council', counts(4, 3))).toBe('PASSED');
    expect(resultOf('final-passage', councilRules, 'org:council', counts(4, 4))).toBe('FAILED');
    expect(resultOf('final-passage', councilRules, 'org:council', counts(4, 2, 2))).toBe('FAILED');
    expect(resultOf('final-passage', councilRules, 'org:council', counts(4, 3, 0, 0, 6))).toBe('PASSED');
    expect(resultOf('amendment', councilRules, 'org:council', counts(0, 0, 0, 0, 7))).toBe('FAILED');
  });

  it('overrides a veto only with overrideVotes YES, whatever the majority', () => {
    expect(thresholdOf('veto-override', councilRules, 'org:council')).toBe('at-least-9-of-13-members');
    expect(thresholdOf('first-reading', councilRules, 'org:council')).toBe('majority-of-present');
    expect(resultOf('veto-override', councilRules, 'org:council', counts(9, 4))).toBe('PASSED');
    expect(resultOf('veto-override', councilRules, 'org:council', counts(8, 0, 0, 5))).toBe('FAILED');
    expect(() => thresholdOf('veto-override', committeeRules, 'org:committee')).toThrow('org:committee has no rule for overriding a veto');
  });

  it("counts abstentions in the majority's base, or not, as the body's rule says", () => {
    const notVoting = { ...councilRules, abstentions: 'not-voting' as const };
    expect(thresholdOf('final-passage', notVoting, 'org:council')).toBe('majority-of-votes-cast');
    // 4 YES, 2 NO, 2 abstaining: short of a majority of the 8 present, a majority of the 6 votes cast.
    expect(resultOf('final-passage', councilRules, 'org:council', counts(4, 2, 2))).toBe('FAILED');
    expect(resultOf('final-passage', notVoting, 'org:council', counts(4, 2, 2))).toBe('PASSED');
    expect(votesNeeded('majority-of-votes-cast', counts(4, 2, 2))).toBe(4);
    // Abstaining members are in the room either way: present for the quorum.
    expect(() => assertQuorum(counts(3, 1, 3, 6), notVoting)).not.toThrow();
    // A veto override needs its fixed number whatever the abstention rule.
    expect(thresholdOf('veto-override', notVoting, 'org:council')).toBe('at-least-9-of-13-members');
    // Rules recorded before the choice existed count abstentions as present.
    const { abstentions: _, ...older } = councilRules as typeof councilRules & { abstentions?: string };
    expect(thresholdOf('final-passage', older, 'org:council')).toBe('majority-of-present');
  });

  it('says how many YES votes a motion needed, the number its result was decided by', () => {
    expect(votesNeeded('majority-of-present', counts(10, 0, 0, 3))).toBe(6);
    expect(votesNeeded('majority-of-present', counts(4, 3))).toBe(4);
    expect(votesNeeded('majority-of-present', counts(4, 2, 2))).toBe(5);
    expect(votesNeeded('majority-of-present', counts(4, 3, 0, 0, 6))).toBe(4); // recused: present, not in the base
    expect(votesNeeded('at-least-9-of-13-members', counts(8, 0, 0, 5))).toBe(9);
    // The result is exactly: at least as many YES as needed.
    for (const [yes, no, abstain] of [[4, 3, 0], [4, 4, 0], [4, 2, 2], [0, 0, 0], [7, 6, 0]]) {
      const c = counts(yes, no, abstain);
      expect(resultOf('final-passage', councilRules, 'org:council', c)).toBe(c.yes >= votesNeeded('majority-of-present', c) ? 'PASSED' : 'FAILED');
    }
  });
});
