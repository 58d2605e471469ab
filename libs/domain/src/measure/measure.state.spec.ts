import type { MeasureEvent } from './measure.events';
import { MOTIONS, motionGivesForce } from './measure.motions';
import { evolveMeasure, initialMeasureState, stageAfter, type MeasureStage } from './measure.state';

const introduced: MeasureEvent = {
  type: 'MeasureIntroduced',
  data: { measureId: 'CB17-0766', kind: 'ORDINANCE', title: 'Act', summary: null, bodyId: 'org:council', sponsorIds: [], clauses: [] },
};
const vote = (motion: 'final-passage' | 'veto-override' | 'amendment', result: 'PASSED' | 'FAILED'): MeasureEvent => ({
  type: 'VoteRecorded',
  data: {
    measureId: 'CB17-0766', voteId: 'vote:CB17-0766:1', bodyId: 'org:council', motion, rollCall: [],
    tally: { yes: 0, no: 0, abstain: 0, absent: 0, recused: 0 }, threshold: 'majority-of-present', result, amendment: null, reconsidersVoteId: null,
  },
});

// stageAfter is the lifecycle's one table; the decider folds it and the read model stores it.
describe('stageAfter', () => {
  it('starts a measure at its first event, and leaves a recorded one where a repeated first event finds it', () => {
    expect(stageAfter(undefined, introduced)).toBe('introduced');
    expect(stageAfter('passed', introduced)).toBe('passed');
  });

  it('moves by the vote rules: a failed override leaves the veto standing, an amendment moves nothing', () => {
    expect(stageAfter('first-reading-passed', vote('final-passage', 'PASSED'))).toBe('passed');
    expect(stageAfter('vetoed', vote('veto-override', 'FAILED'))).toBe('vetoed');
    expect(stageAfter('vetoed', vote('veto-override', 'PASSED'))).toBe('overridden');
    expect(stageAfter('reported', vote('amendment', 'PASSED'))).toBe('reported');
  });

  it('refuses an act on a measure that never started, which no decider emits', () => {
    expect(() => stageAfter(undefined, vote('final-passage', 'PASSED'))).toThrow('VoteRecorded of a measure that was never introduced or drafted');
  });

  it('is what evolveMeasure folds', () => {
    const events = [introduced, { type: 'MeasureReferred', data: { measureId: 'CB17-0766', committeeId: 'org:committee' } }] as MeasureEvent[];
    let stage: MeasureStage | undefined;
    let state = initialMeasureState;
    for (const event of events) {
      stage = stageAfter(stage, event);
      state = evolveMeasure(state, event);
      expect(state.exists && state.stage).toBe(stage);
    }
  });
});

describe('MOTIONS', () => {
  it('names the motions that give a measure its force', () => {
    expect(Object.keys(MOTIONS).filter(motionGivesForce)).toEqual(['final-passage', 'adoption', 'veto-override']);
    expect(motionGivesForce('no-such-motion')).toBe(false);
  });
});
