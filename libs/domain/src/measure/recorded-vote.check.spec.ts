import type { OrganizationEvent } from '../organization/organization.events';
import type { CastVote, RecordVote } from './measure.commands';
import { measureDecider } from './measure.decider';
import type { VoteRecorded } from './measure.events';
import { RecordedVotesCheck, type LoggedEvent } from './recorded-vote.check';
import { clerkOn, COUNCIL, COUNCIL_MEMBERS, councilFacts, councilRegistered, councilSeated, MEASURE, ordinance } from './testing/measure.fixtures';

// The council's thirteen illustrative seat holders, A to M.
const [seatA, seatB, seatC, seatD, seatE, seatF, seatG, seatH, seatI, seatJ] = COUNCIL_MEMBERS;
const DATE = '2017-08-28';
const AT = `${DATE}T23:40:00Z`;

function cast(choices: Partial<Record<CastVote['choice'], readonly string[]>>): CastVote[] {
  return Object.entries(choices).flatMap(([choice, people]) => (people ?? []).map((personId) => ({ personId, choice: choice as CastVote['choice'] })));
}

/** The final-passage vote as recordVote computes it (the check must accept the decider's own output). */
function decidedVote(votes: CastVote[], history = ordinance.firstReadingPassed, motion: RecordVote['data']['motion'] = 'final-passage', date = DATE): VoteRecorded['data'] {
  const command: RecordVote = { type: 'RecordVote', data: { measureId: MEASURE, bodyId: COUNCIL, motion, votes }, facts: { body: councilFacts }, metadata: clerkOn(date) };
  const [vote] = measureDecider.decide(command, history.reduce(measureDecider.evolve, measureDecider.initialState));
  if (vote.type !== 'VoteRecorded') throw new Error(`expected a vote, got ${vote.type}`);
  return vote.data;
}

const asLogged = (event: OrganizationEvent, occurredAt = '2015-07-20T12:00:00Z'): LoggedEvent => ({ ...event, occurredAt });
const council = [councilRegistered, ...councilSeated()].map((event) => asLogged(event));

/** Feeds the council's record, then the vote, to a fresh check; returns what it says of the vote. */
function checked(vote: VoteRecorded['data'], before: LoggedEvent[] = council, occurredAt = AT) {
  const check = new RecordedVotesCheck();
  for (const event of before) expect(check.accept(event)).toBeNull();
  return check.accept({ type: 'VoteRecorded', occurredAt, data: vote });
}

const tenToTwo = () => decidedVote(cast({ YES: [seatA, seatB, seatC, seatD, seatE, seatF, seatG, seatH, seatI, seatJ], NO: [COUNCIL_MEMBERS[10], COUNCIL_MEMBERS[11]] }));

describe('RecordedVotesCheck: a recorded vote against what the domain computes from the log before it', () => {
  it("accepts the decider's own votes, passed and failed, and ignores events it does not check", () => {
    expect(checked(tenToTwo())).toBeNull();
    expect(checked(decidedVote(cast({ YES: [seatA, seatB, seatC], NO: [seatD, seatE, seatF, seatG] })))).toBeNull();
    expect(new RecordedVotesCheck().accept({ type: 'MeasureSigned', occurredAt: AT, data: {} })).toBeNull();
  });

  it('names a tally that is not the count of its roll call', () => {
    const vote = { ...tenToTwo(), tally: { yes: 11, no: 1, abstain: 0, absent: 1, recused: 0 } };
    expect(checked(vote)).toEqual({
      field: 'tally',
      reason: 'yes 11, no 1, abstain 0, absent 1, recused 0 is not the count of its roll call (yes 10, no 2, abstain 0, absent 1, recused 0)',
    });
  });

  it('names a result that does not follow from the tally under the threshold', () => {
    const failed = decidedVote(cast({ YES: [seatA, seatB, seatC], NO: [seatD, seatE, seatF, seatG] }));
    expect(failed.result).toBe('FAILED');
    expect(checked({ ...failed, result: 'PASSED' })).toEqual({
      field: 'result',
      reason: 'PASSED does not follow from the tally (yes 3, no 4, abstain 0, absent 6, recused 0) under majority-of-present: the vote FAILED',
    });
  });

  it("names a threshold the body's rules do not give the motion, and checks the result under the body's rule", () => {
    // A veto override counted as a majority of those present: 8 of 12 would pass a majority, not 9 of 13 seats.
    const override = decidedVote(cast({ YES: COUNCIL_MEMBERS.slice(0, 8), NO: COUNCIL_MEMBERS.slice(8, 12) }), ordinance.vetoed, 'veto-override', '2017-09-11');
    const at = '2017-09-11T23:40:00Z';
    expect(override).toMatchObject({ threshold: 'at-least-9-of-13-members', result: 'FAILED' });
    expect(checked(override, council, at)).toBeNull();
    expect(checked({ ...override, threshold: 'majority-of-present', result: 'PASSED' }, council, at)).toEqual({
      field: 'threshold',
      reason: `"majority-of-present" is not what ${COUNCIL}'s rules give a veto-override vote ("at-least-9-of-13-members")`,
    });
    expect(checked({ ...override, result: 'PASSED' }, council, at)).toMatchObject({ field: 'result', reason: expect.stringMatching(/under at-least-9-of-13-members: the vote FAILED$/) });
  });

  it("names a roll call that is not the body's members on the vote's date: someone dropped, added, listed twice, or out of order", () => {
    const vote = tenToTwo();
    const dropped = { ...vote, rollCall: vote.rollCall.filter((entry) => entry.choice !== 'NO') };
    expect(checked(dropped)).toMatchObject({ field: 'rollCall', reason: expect.stringMatching(/^not the roll call of org:denver-city-council's members on 2017-08-28 .*: entry \d+ is /) });
    expect(checked({ ...vote, rollCall: [...vote.rollCall, { personId: 'person:zz-outsider', choice: 'ABSENT' }] })).toMatchObject({
      field: 'rollCall',
      reason: expect.stringMatching(/entry 14 is person:zz-outsider ABSENT where the members give nothing$/),
    });
    expect(checked({ ...vote, rollCall: [{ personId: 'person:zz-outsider', choice: 'YES' }, ...vote.rollCall] })).toEqual({
      field: 'rollCall',
      reason: `person:zz-outsider is not a member of ${COUNCIL} on ${DATE}`,
    });
    expect(checked({ ...vote, rollCall: [...vote.rollCall, vote.rollCall[0]] })).toMatchObject({ field: 'rollCall', reason: expect.stringMatching(/listed twice/) });
    expect(checked({ ...vote, rollCall: [...vote.rollCall].reverse() })).toMatchObject({ field: 'rollCall', reason: expect.stringMatching(/entry 1 is /) });
  });

  it("reads the body's members on the vote's date, as the log recorded them before the vote", () => {
    const vote = tenToTwo();
    const [first] = COUNCIL_MEMBERS;
    // The first seat's term ended the day before: the same roll call now lists someone who was not a member.
    const ended = asLogged({ type: 'MembershipEnded', data: { orgId: COUNCIL, personId: first, role: 'member', endDate: '2017-08-27' } });
    expect(checked(vote, [...council, ended])).toMatchObject({ field: 'rollCall', reason: `${first} is not a member of ${COUNCIL} on ${DATE}` });
    // A vote the log holds no body for, or a body without voting rules, cannot have been computed.
    expect(checked(vote, [])).toMatchObject({ field: 'bodyId', reason: expect.stringMatching(/is not registered before this vote/) });
    const noRules = asLogged({ type: 'OrganizationRecordCorrected', data: { orgId: COUNCIL, corrections: { rules: null }, reason: 'r' } });
    expect(checked(vote, [...council, noRules])).toMatchObject({ field: 'bodyId', reason: expect.stringMatching(/has no voting rules/) });
  });

  it('names a vote below quorum, which the ledger never records', () => {
    const vote = tenToTwo();
    // Four YES, nine ABSENT, tallied right: the roll call and tally agree, the body's quorum is 7.
    const fewPresent = vote.rollCall.map((entry, i) => ({ ...entry, choice: i < 4 ? ('YES' as const) : ('ABSENT' as const) }));
    const tally = { yes: 4, no: 0, abstain: 0, absent: 9, recused: 0 };
    expect(checked({ ...vote, rollCall: fewPresent, tally, result: 'FAILED' })).toEqual({ field: 'rollCall', reason: 'no quorum: 4 present, 7 needed' });
  });
});

describe('RecordedVotesCheck: a corrected roll call against what correctVote computes', () => {
  const failed = () => decidedVote(cast({ YES: [seatA, seatB, seatC], NO: [seatD, seatE, seatF, seatG] }));
  /** The correction correctVote decides for the vote above, recounted as seven YES and none NO. */
  function decidedCorrection() {
    const vote = failed();
    const history = [...ordinance.firstReadingPassed, { type: 'VoteRecorded' as const, data: vote, occurredAt: AT }];
    const [correction] = measureDecider.decide(
      {
        type: 'CorrectVote',
        data: { measureId: MEASURE, voteId: vote.voteId, votes: cast({ YES: [seatA, seatB, seatC, seatD, seatE, seatF, seatG] }), reason: 'the NO votes were YES' },
        facts: { body: councilFacts },
        metadata: clerkOn('2017-08-29'),
      },
      history.reduce(measureDecider.evolve, measureDecider.initialState),
    );
    if (correction.type !== 'VoteCorrected') throw new Error(`expected a correction, got ${correction.type}`);
    return { vote, correction: correction.data };
  }
  const checkedCorrection = (data: unknown) => {
    const { vote } = decidedCorrection();
    const check = new RecordedVotesCheck();
    for (const event of council) check.accept(event);
    expect(check.accept({ type: 'VoteRecorded', occurredAt: AT, data: vote })).toBeNull();
    return check.accept({ type: 'VoteCorrected', occurredAt: '2017-08-29T23:40:00Z', data });
  };

  it("accepts correctVote's own correction, and names a tally or result it does not give", () => {
    const { correction } = decidedCorrection();
    expect(correction.result).toBe('PASSED');
    expect(checkedCorrection(correction)).toBeNull();
    expect(checkedCorrection({ ...correction, tally: { ...correction.tally, yes: 6 } })).toMatchObject({ field: 'tally' });
    expect(checkedCorrection({ ...correction, result: 'FAILED' })).toMatchObject({ field: 'result', reason: expect.stringContaining('the vote PASSED') });
  });

  it('names a correction of a vote the log never recorded', () => {
    const { correction } = decidedCorrection();
    const check = new RecordedVotesCheck();
    expect(check.accept({ type: 'VoteCorrected', occurredAt: AT, data: correction })).toMatchObject({ field: 'voteId' });
  });
});
