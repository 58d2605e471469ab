import { deciderSpec } from '@ledger/decider-testing';
import type { CastVote, MeasureCommand } from './measure.commands';
import { measureDecider } from './measure.decider';
import { measureStatus, type RecordedMeasure } from './measure.state';
import { clerkOn, COMMITTEE, COUNCIL, COUNCIL_MEMBERS, committeeFacts, councilFacts, MEASURE, ordinance, record, roll } from './testing/measure.fixtures';

const spec = deciderSpec(measureDecider);
const [seatA, seatB, seatC, seatD, seatE, seatF, seatG, seatH, seatI, seatJ] = COUNCIL_MEMBERS;

const cast = (choices: Partial<Record<CastVote['choice'], readonly string[]>>): CastVote[] =>
  Object.entries(choices).flatMap(([choice, people]) => (people ?? []).map((personId) => ({ personId, choice: choice as CastVote['choice'] })));

/** The final-passage vote (vote 3 of the fixture ordinance), recounted. */
const correctFinal = (votes: CastVote[], reason = 'four YES votes were entered as NO', date = '2017-08-30'): MeasureCommand => ({
  type: 'CorrectVote',
  data: { measureId: MEASURE, voteId: 'vote:CB17-0766:3', votes, reason },
  facts: { body: councilFacts },
  metadata: clerkOn(date),
});

const sevenToThree = cast({ YES: [seatA, seatB, seatC, seatD, seatE, seatF, seatG], NO: [seatH, seatI, seatJ] });

describe('CorrectVote', () => {
  it('recounts a mis-recorded roll call under the vote\'s threshold, and the measure\'s stage follows the new result', () => {
    // The fixture's final passage was recorded FAILED (every member NO): the roll call was wrong.
    const { events, state } = record(ordinance.failed, [correctFinal(sevenToThree)]);
    expect(events.at(-1)).toMatchObject({
      type: 'VoteCorrected',
      data: {
        voteId: 'vote:CB17-0766:3',
        motion: 'final-passage',
        rollCall: roll(COUNCIL_MEMBERS, { YES: [seatA, seatB, seatC, seatD, seatE, seatF, seatG], NO: [seatH, seatI, seatJ] }),
        tally: { yes: 7, no: 3, abstain: 0, absent: 3, recused: 0 },
        result: 'PASSED',
        previousResult: 'FAILED',
        reason: 'four YES votes were entered as NO',
      },
    });
    const measure = state as RecordedMeasure;
    expect(measure.stage).toBe('passed');
    expect(measureStatus(measure.stage, measure.kind)).toBe('PASSED');
    // The original stays in the stream as recorded.
    expect(events.filter((e) => e.type === 'VoteRecorded').at(-1)).toMatchObject({ data: { result: 'FAILED' } });
  });

  it('keeps the stage when the corrected roll call gives the same result', () => {
    const { state } = record(ordinance.passed, [correctFinal(sevenToThree)]);
    expect((state as RecordedMeasure).stage).toBe('passed');
  });

  it('refuses a change of result once later acts rest on the vote, and lets the tally alone change', () => {
    const nineNo = cast({ YES: [seatA], NO: [seatB, seatC, seatD, seatE, seatF, seatG, seatH, seatI, seatJ] });
    spec.given(ordinance.signed).when(correctFinal(nineNo)).thenRefuses('CONFLICT', /later acts on CB17-0766 rest on its result/);
    // The committee's vote, long followed by readings: its result stands, its tally may be mended.
    const committee = (votes: CastVote[]): MeasureCommand => ({
      type: 'CorrectVote',
      data: { measureId: MEASURE, voteId: 'vote:CB17-0766:1', votes, reason: 'one member was recorded twice' },
      facts: { body: committeeFacts },
      metadata: clerkOn('2017-09-01'),
    });
    spec.given(ordinance.passed).when(committee(cast({ NO: COUNCIL_MEMBERS.slice(0, 5) }))).thenRefuses('CONFLICT');
    const { events } = record(ordinance.passed, [committee(cast({ YES: COUNCIL_MEMBERS.slice(0, 4), ABSTAIN: [COUNCIL_MEMBERS[4]] }))]);
    expect(events.at(-1)).toMatchObject({ type: 'VoteCorrected', data: { result: 'PASSED', previousResult: 'PASSED', tally: { yes: 4, abstain: 1 } } });
  });

  it('enacts a resolution whose adoption passes once counted right, and only then', () => {
    const adoption = (yes: readonly string[], no: readonly string[], date: string): MeasureCommand => ({
      type: 'RecordVote',
      data: { measureId: 'CR17-0800', bodyId: COUNCIL, motion: 'adoption', votes: cast({ YES: yes, NO: no }) },
      facts: { body: councilFacts },
      metadata: clerkOn(date),
    });
    const correctAdoption = (yes: readonly string[], no: readonly string[]): MeasureCommand => ({
      type: 'CorrectVote',
      data: { measureId: 'CR17-0800', voteId: 'vote:CR17-0800:1', votes: cast({ YES: yes, NO: no }), reason: 'recounted from the video' },
      facts: { body: councilFacts },
      metadata: clerkOn('2017-08-22'),
    });
    const introduced = [
      {
        type: 'MeasureIntroduced' as const,
        data: { measureId: 'CR17-0800', kind: 'RESOLUTION' as const, title: 'Welcoming City', summary: null, bodyId: COUNCIL, sponsorIds: [seatD], clauses: [{ eId: 'sec_1', heading: null, text: 'Denver welcomes.', rule: null }] },
        occurredAt: '2017-08-01T18:00:00Z',
      },
    ];
    const failed = record(introduced, [adoption([seatA, seatB], [seatC, seatD, seatE, seatF, seatG], '2017-08-21')]).events;
    const nowPassed = record(failed, [correctAdoption([seatA, seatB, seatC, seatD, seatE], [seatF, seatG])]);
    expect(nowPassed.events.slice(-2).map((e) => e.type)).toEqual(['VoteCorrected', 'MeasureEnacted']);
    expect((nowPassed.state as RecordedMeasure).stage).toBe('enacted');
    // A passed adoption whose tally alone is mended is not enacted a second time.
    const passed = record(introduced, [adoption([seatA, seatB, seatC, seatD, seatE], [seatF, seatG], '2017-08-21')]).events;
    expect(record(passed, [correctAdoption([seatA, seatB, seatC, seatD, seatE, seatF], [seatG])]).events.slice(passed.length).map((e) => e.type)).toEqual(['VoteCorrected']);
  });

  it('restores the veto when an override, counted right, falls short', () => {
    const short = cast({ YES: [seatA, seatB, seatC, seatD, seatE, seatF, seatG, seatH], NO: [seatI, seatJ] });
    const { state, events } = record(ordinance.overridden, [
      { type: 'CorrectVote', data: { measureId: MEASURE, voteId: 'vote:CB17-0766:4', votes: short, reason: 'one YES was a NO' }, facts: { body: councilFacts }, metadata: clerkOn('2017-09-12') },
    ]);
    expect(events.at(-1)).toMatchObject({ data: { result: 'FAILED', previousResult: 'PASSED' } });
    expect((state as RecordedMeasure).stage).toBe('vetoed');
  });

  it('refuses what is not a correction: the same roll call, no reason, an unknown vote, no quorum', () => {
    spec.given(ordinance.failed).when(correctFinal(cast({ NO: COUNCIL_MEMBERS }))).thenRefuses('BAD_USER_INPUT', /nothing to correct/);
    spec.given(ordinance.failed).when(correctFinal(sevenToThree, '  ')).thenRefuses('BAD_USER_INPUT', /reason/);
    spec
      .given(ordinance.failed)
      .when({ ...correctFinal(sevenToThree), data: { measureId: MEASURE, voteId: 'vote:CB17-0766:9', votes: sevenToThree, reason: 'r' } } as MeasureCommand)
      .thenRefuses('NOT_FOUND');
    spec
      .given(ordinance.failed)
      .when({ ...correctFinal(sevenToThree), data: { measureId: MEASURE, voteId: 'vote:CB18-0001:3', votes: sevenToThree, reason: 'r' } } as MeasureCommand)
      .thenRefuses('BAD_USER_INPUT', /voteId/);
    spec.given(ordinance.failed).when(correctFinal(cast({ YES: [seatA, seatB, seatC] }))).thenRefuses('BAD_USER_INPUT', /no quorum/);
    spec.given(ordinance.failed).when(correctFinal(cast({ YES: ['person:not-on-the-council'] }))).thenRefuses('BAD_USER_INPUT', /not a member/);
  });
});

describe('ExplainVote', () => {
  const explain = (personId: string, explanation = 'The fiscal note came too late.'): MeasureCommand => ({
    type: 'ExplainVote',
    data: { measureId: MEASURE, voteId: 'vote:CB17-0766:3', personId, explanation },
    metadata: clerkOn('2017-08-29'),
  });
  const split = record(ordinance.firstReadingPassed, [
    {
      type: 'RecordVote',
      data: { measureId: MEASURE, bodyId: COUNCIL, motion: 'final-passage', votes: cast({ YES: [seatA, seatB, seatC, seatD, seatE, seatF, seatG], NO: [seatH] }) },
      facts: { body: councilFacts },
      metadata: clerkOn('2017-08-28'),
    },
  ]).events;

  it('records a member\'s explanation of the vote they cast, once', () => {
    spec.given(split).when(explain(seatH)).then([
      { type: 'VoteExplained', data: { measureId: MEASURE, voteId: 'vote:CB17-0766:3', personId: seatH, explanation: 'The fiscal note came too late.' } },
    ]);
    spec.given(record(split, [explain(seatH)]).events).when(explain(seatH, 'Again.')).thenRefuses('CONFLICT');
  });

  it('refuses an absent member, someone not on the roll call, an empty explanation', () => {
    spec.given(split).when(explain(seatJ)).thenRefuses('BAD_USER_INPUT', /absent/);
    spec.given(split).when(explain('person:someone-else')).thenRefuses('BAD_USER_INPUT', /not on the roll call/);
    spec.given(split).when(explain(seatA, ' ')).thenRefuses('BAD_USER_INPUT', /explanation/);
  });
});

describe('RecordQuorumFailure', () => {
  const noQuorum = (present: string[], motion: 'first-reading' | 'committee-passage' = 'first-reading'): MeasureCommand => ({
    type: 'RecordQuorumFailure',
    data: { measureId: MEASURE, bodyId: motion === 'committee-passage' ? COMMITTEE : COUNCIL, motion, present },
    facts: { body: motion === 'committee-passage' ? committeeFacts : councilFacts },
    metadata: clerkOn('2017-08-14'),
  });

  it('records a sitting with fewer members present than the quorum, and leaves the measure where it was', () => {
    const { events, state } = record(ordinance.reported, [noQuorum([seatA, seatB, seatC, seatD, seatE, seatF])]);
    expect(events.at(-1)).toMatchObject({
      type: 'QuorumFailed',
      data: { measureId: MEASURE, bodyId: COUNCIL, motion: 'first-reading', present: [seatA, seatB, seatC, seatD, seatE, seatF].sort(), quorum: 7 },
    });
    expect((state as RecordedMeasure).stage).toBe('reported');
  });

  it('refuses a quorum that was there, a stranger, and a motion the measure is not ready for', () => {
    spec.given(ordinance.reported).when(noQuorum(COUNCIL_MEMBERS.slice(0, 7))).thenRefuses('BAD_USER_INPUT', /make a quorum/);
    spec.given(ordinance.reported).when(noQuorum([seatA, 'person:stranger'])).thenRefuses('BAD_USER_INPUT', /not a member/);
    spec.given(ordinance.reported).when(noQuorum([seatA], 'committee-passage')).thenRefuses('CONFLICT');
  });
});

describe('reconsideration (RecordVote, motion reconsideration)', () => {
  const COMMITTEE_FIVE = COUNCIL_MEMBERS.slice(0, 5);
  const committeeFails = record(ordinance.inCommittee, [
    { type: 'RecordVote', data: { measureId: MEASURE, bodyId: COMMITTEE, motion: 'committee-passage', votes: cast({ YES: COMMITTEE_FIVE.slice(0, 2), NO: COMMITTEE_FIVE.slice(2) }) }, facts: { body: committeeFacts }, metadata: clerkOn('2017-08-09') },
  ]).events;
  const reconsider = (yes: readonly string[], no: readonly string[], voteId: string | null = 'vote:CB17-0766:1', bodyId = COMMITTEE): MeasureCommand => ({
    type: 'RecordVote',
    data: { measureId: MEASURE, bodyId, motion: 'reconsideration', votes: cast({ YES: yes, NO: no }), reconsidersVoteId: voteId },
    facts: { body: bodyId === COMMITTEE ? committeeFacts : councilFacts },
    metadata: clerkOn('2017-08-16'),
  });

  it('takes a failed committee vote back when the motion passes, so the committee can vote again', () => {
    expect((record(committeeFails, []).state as RecordedMeasure).stage).toBe('failed');
    const { events, state } = record(committeeFails, [reconsider(COMMITTEE_FIVE.slice(0, 3), COMMITTEE_FIVE.slice(3))]);
    expect(events.slice(-2)).toMatchObject([
      { type: 'VoteRecorded', data: { voteId: 'vote:CB17-0766:2', motion: 'reconsideration', reconsidersVoteId: 'vote:CB17-0766:1', result: 'PASSED', threshold: 'majority-of-present' } },
      { type: 'VoteReconsidered', data: { measureId: MEASURE, voteId: 'vote:CB17-0766:1', byVoteId: 'vote:CB17-0766:2', stage: 'in-committee' } },
    ]);
    expect((state as RecordedMeasure).stage).toBe('in-committee');
    // The committee votes again, and this time reports it.
    const again = record(events, [
      { type: 'RecordVote', data: { measureId: MEASURE, bodyId: COMMITTEE, motion: 'committee-passage', votes: cast({ YES: COMMITTEE_FIVE }) }, facts: { body: committeeFacts }, metadata: clerkOn('2017-08-16') },
    ]);
    expect((again.state as RecordedMeasure).stage).toBe('reported');
  });

  it('leaves the vote standing when the motion fails, and a failed motion is not reconsidered again', () => {
    const { events, state } = record(committeeFails, [reconsider(COMMITTEE_FIVE.slice(0, 2), COMMITTEE_FIVE.slice(2))]);
    expect(events.at(-1)).toMatchObject({ type: 'VoteRecorded', data: { motion: 'reconsideration', result: 'FAILED' } });
    expect((state as RecordedMeasure).stage).toBe('failed');
    spec.given(events).when(reconsider(COMMITTEE_FIVE, [], 'vote:CB17-0766:2')).thenRefuses('CONFLICT', /itself a motion to reconsider/);
    // Nor is its result corrected into passing (its tally may still be mended).
    const correctMotion = (yes: readonly string[], no: readonly string[]): MeasureCommand => ({
      type: 'CorrectVote',
      data: { measureId: MEASURE, voteId: 'vote:CB17-0766:2', votes: cast({ YES: yes, NO: no }), reason: 'recounted' },
      facts: { body: committeeFacts },
      metadata: clerkOn('2017-08-17'),
    });
    spec.given(events).when(correctMotion(COMMITTEE_FIVE.slice(0, 3), COMMITTEE_FIVE.slice(3))).thenRefuses('CONFLICT', /stands as recorded/);
    expect(record(events, [correctMotion(COMMITTEE_FIVE.slice(0, 1), COMMITTEE_FIVE.slice(1))]).events.at(-1)).toMatchObject({ type: 'VoteCorrected', data: { result: 'FAILED' } });
  });

  it('reconsiders only the latest vote, by its own body, and names it', () => {
    spec.given(ordinance.firstReadingPassed).when({ ...reconsider(COMMITTEE_FIVE, []), metadata: clerkOn('2017-08-30') }).thenRefuses('CONFLICT', /later acts on CB17-0766 rest on its result/);
    spec.given(committeeFails).when(reconsider(COUNCIL_MEMBERS, [], 'vote:CB17-0766:1', COUNCIL)).thenRefuses('BAD_USER_INPUT', /alone reconsiders it/);
    spec.given(committeeFails).when(reconsider(COMMITTEE_FIVE, [], null)).thenRefuses('BAD_USER_INPUT', /reconsidersVoteId/);
    spec
      .given(ordinance.inCommittee)
      .when({ ...reconsider(COMMITTEE_FIVE, []), data: { measureId: MEASURE, bodyId: COMMITTEE, motion: 'committee-passage', votes: cast({ YES: COMMITTEE_FIVE }), reconsidersVoteId: 'vote:CB17-0766:1' } } as MeasureCommand)
      .thenRefuses('BAD_USER_INPUT', /only a reconsideration motion/);
  });
});
