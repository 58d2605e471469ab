import { deciderSpec } from '@ledger/decider-testing';
import type { OrganizationFacts } from '../organization/organization.facts';
import type { CastVote, ClauseChangeInput, MeasureCommand, RecordVote } from './measure.commands';
import { measureDecider } from './measure.decider';
import type { MeasureEvent, VoteRecorded } from './measure.events';
import {
  clerkOn,
  COMMITTEE,
  COMMITTEE_MEMBERS,
  committeeFacts,
  COUNCIL,
  COUNCIL_MEMBERS,
  councilFacts,
  executiveOrder,
  MEASURE,
  on,
  ordinance,
  record,
  releaseRule,
  RESOLUTION,
  roll,
} from './testing/measure.fixtures';

const spec = deciderSpec(measureDecider);

// The council's thirteen illustrative seat holders, A to M; the committee's five are A to E.
const [seatA, seatB, seatC, seatD, seatE, seatF, seatG, seatH, seatI, seatJ, seatK, seatL, seatM] = COUNCIL_MEMBERS;

function cast(choices: Partial<Record<CastVote['choice'], readonly string[]>>): CastVote[] {
  return Object.entries(choices).flatMap(([choice, people]) => (people ?? []).map((personId) => ({ personId, choice: choice as CastVote['choice'] })));
}

function vote(data: Partial<RecordVote['data']>, date = '2017-08-21', body: OrganizationFacts | null = councilFacts): MeasureCommand {
  return {
    type: 'RecordVote',
    data: { measureId: MEASURE, bodyId: COUNCIL, motion: 'first-reading', votes: cast({ YES: COUNCIL_MEMBERS }), ...data },
    facts: { body },
    metadata: clerkOn(date),
  };
}
const committeeVote = (data: Partial<RecordVote['data']>, date = '2017-08-09') =>
  vote({ bodyId: COMMITTEE, motion: 'committee-passage', votes: cast({ YES: COMMITTEE_MEMBERS }), ...data }, date, committeeFacts);

/** Decides and returns the recorded vote, for assertions on its counts. */
function decided(history: MeasureEvent[], command: MeasureCommand): MeasureEvent[] {
  return measureDecider.decide(command, history.reduce(measureDecider.evolve, measureDecider.initialState));
}
function recordedVote(history: MeasureEvent[], command: MeasureCommand): VoteRecorded['data'] {
  const [first] = decided(history, command);
  if (first.type !== 'VoteRecorded') throw new Error(`expected a vote, got ${first.type}`);
  return first.data;
}

const resolutionIntroduced = on<MeasureEvent>('2017-08-01', {
  type: 'MeasureIntroduced',
  data: {
    measureId: RESOLUTION,
    kind: 'RESOLUTION',
    title: 'Welcoming City',
    summary: null,
    bodyId: COUNCIL,
    sponsorIds: [seatD],
    clauses: [{ eId: 'sec_1', heading: null, text: 'Denver welcomes.', rule: null }],
  },
});

describe('RecordVote', () => {
  describe('counting', () => {
    it('records a committee vote with every member on the roll call, sorted, the absent marked ABSENT', () => {
      spec
        .given(ordinance.inCommittee)
        .when(committeeVote({ votes: cast({ YES: [seatA, seatB], NO: [seatC] }) }))
        .then([
          {
            type: 'VoteRecorded',
            data: {
              measureId: MEASURE,
              voteId: 'vote:CB17-0766:1',
              bodyId: COMMITTEE,
              motion: 'committee-passage',
              rollCall: [
                { personId: seatA, choice: 'YES' },
                { personId: seatB, choice: 'YES' },
                { personId: seatC, choice: 'NO' },
                { personId: seatD, choice: 'ABSENT' },
                { personId: seatE, choice: 'ABSENT' },
              ],
              tally: { yes: 2, no: 1, abstain: 0, absent: 2, recused: 0 },
              threshold: 'majority-of-present',
              result: 'PASSED',
              amendment: null,
              reconsidersVoteId: null,
            },
          },
        ]);
    });

    it('records the 10-0 final passage with the three absent members on the roll call', () => {
      const present = [seatA, seatB, seatC, seatD, seatE, seatF, seatG, seatH, seatI, seatJ];
      const data = recordedVote(ordinance.firstReadingPassed, vote({ motion: 'final-passage', votes: cast({ YES: present }) }, '2017-08-28'));
      expect(data.rollCall).toEqual(roll(COUNCIL_MEMBERS, { YES: present }));
      expect(data.rollCall.map((entry) => entry.personId)).toEqual([...COUNCIL_MEMBERS].sort());
      expect(data.tally).toEqual({ yes: 10, no: 0, abstain: 0, absent: 3, recused: 0 });
      expect(data).toMatchObject({ voteId: 'vote:CB17-0766:3', result: 'PASSED', threshold: 'majority-of-present' });
    });

    it('counts a member holding two roles on the body once', () => {
      const body = { ...councilFacts, members: [...councilFacts.members, { personId: seatF, role: 'president' }] };
      const data = recordedVote(ordinance.reported, vote({}, '2017-08-21', body));
      expect(data.rollCall).toHaveLength(13);
      expect(data.tally.yes).toBe(13);
    });

    it.each([
      ['a bare majority of those present', { YES: [seatA, seatB, seatC, seatD], NO: [seatE, seatF, seatG] }, 'PASSED'],
      ['a tie', { YES: [seatA, seatB, seatC, seatD], NO: [seatE, seatF, seatG, seatH] }, 'FAILED'],
      [
        'abstentions, which count in the base',
        { YES: [seatA, seatB, seatC, seatD, seatE, seatF], NO: [seatG, seatH, seatI, seatJ], ABSTAIN: [seatK, seatL, seatM] },
        'FAILED',
      ],
      [
        'recusals, which do not',
        { YES: [seatA, seatB, seatC, seatD, seatE], NO: [seatF, seatG, seatH, seatI], RECUSED: [seatJ, seatK, seatL, seatM] },
        'PASSED',
      ],
    ])('computes majority-of-present with %s', (_, choices, result) => {
      expect(recordedVote(ordinance.reported, vote({ votes: cast(choices) })).result).toBe(result);
    });

    it('counts recused members as present for quorum', () => {
      const data = recordedVote(ordinance.reported, vote({ votes: cast({ YES: [seatA, seatB, seatC], RECUSED: [seatD, seatE, seatF, seatG] }) }));
      expect(data.tally).toEqual({ yes: 3, no: 0, abstain: 0, absent: 6, recused: 4 });
      expect(data.result).toBe('PASSED');
    });

    it('accepts members listed explicitly as ABSENT', () => {
      const data = recordedVote(ordinance.reported, vote({ votes: cast({ YES: COUNCIL_MEMBERS.slice(0, 7), ABSENT: [seatH] }) }));
      expect(data.tally.absent).toBe(6);
    });

    it('numbers votes after every earlier vote on the measure', () => {
      const amendment = vote({ motion: 'amendment', amendment: { change: 'strike', eId: 'sec_1' }, votes: cast({ NO: COUNCIL_MEMBERS }) }, '2017-08-28');
      expect(recordedVote(ordinance.firstReadingPassed, amendment).voteId).toBe('vote:CB17-0766:3');
      const { events } = record(ordinance.firstReadingPassed, [amendment]);
      expect(recordedVote(events, vote({ motion: 'final-passage' }, '2017-08-28')).voteId).toBe('vote:CB17-0766:4');
    });
  });

  describe('motions and stages', () => {
    it('moves a measure through committee: passed -> reported, failed -> failed', () => {
      expect(record(ordinance.inCommittee, [committeeVote({})]).state).toMatchObject({ stage: 'reported' });
      expect(record(ordinance.inCommittee, [committeeVote({ votes: cast({ NO: COMMITTEE_MEMBERS }) })]).state).toMatchObject({ stage: 'failed' });
    });

    it('takes a first reading straight after introduction when the measure was never referred', () => {
      expect(record(ordinance.introduced, [vote({}, '2017-08-07')]).state).toMatchObject({ stage: 'first-reading-passed' });
    });

    it('fails an ordinance whose first reading fails', () => {
      expect(record(ordinance.reported, [vote({ votes: cast({ NO: COUNCIL_MEMBERS }) })]).state).toMatchObject({ stage: 'failed' });
    });

    it('passes an ordinance on final passage', () => {
      expect(record(ordinance.firstReadingPassed, [vote({ motion: 'final-passage' }, '2017-08-28')]).state).toMatchObject({ stage: 'passed' });
    });

    it('enacts a resolution on adoption, from the day of the vote', () => {
      const events = decided([resolutionIntroduced], vote({ measureId: RESOLUTION, motion: 'adoption' }, '2017-08-14'));
      expect(events.map((event) => event.type)).toEqual(['VoteRecorded', 'MeasureEnacted']);
      expect(events[1]).toEqual({ type: 'MeasureEnacted', data: { measureId: RESOLUTION, effectiveFrom: '2017-08-14' } });
      expect(record([resolutionIntroduced], [vote({ measureId: RESOLUTION, motion: 'adoption' }, '2017-08-14')]).state).toMatchObject({
        stage: 'enacted',
        effectiveFrom: '2017-08-14',
      });
    });

    it('fails a resolution whose adoption fails, without enacting it', () => {
      const events = decided([resolutionIntroduced], vote({ measureId: RESOLUTION, motion: 'adoption', votes: cast({ NO: COUNCIL_MEMBERS }) }, '2017-08-14'));
      expect(events.map((event) => event.type)).toEqual(['VoteRecorded']);
    });

    it('overrides a veto with 9 of 13 members, naming that threshold', () => {
      const data = recordedVote(
        ordinance.vetoed,
        vote({ motion: 'veto-override', votes: cast({ YES: COUNCIL_MEMBERS.slice(0, 9), NO: COUNCIL_MEMBERS.slice(9) }) }, '2017-09-11'),
      );
      expect(data).toMatchObject({ threshold: 'at-least-9-of-13-members', result: 'PASSED' });
      expect(record(ordinance.vetoed, [vote({ motion: 'veto-override' }, '2017-09-11')]).state).toMatchObject({ stage: 'overridden' });
    });

    it('leaves the veto standing when 8 of 13 vote to override, though that is a majority', () => {
      const command = vote({ motion: 'veto-override', votes: cast({ YES: COUNCIL_MEMBERS.slice(0, 8), NO: COUNCIL_MEMBERS.slice(8) }) }, '2017-09-11');
      expect(recordedVote(ordinance.vetoed, command).result).toBe('FAILED');
      expect(record(ordinance.vetoed, [command]).state).toMatchObject({ stage: 'vetoed' });
    });

    it.each<[string, MeasureEvent[], Partial<RecordVote['data']>, RegExp]>([
      [
        'a committee vote on a measure not in committee',
        ordinance.introduced,
        { bodyId: COMMITTEE, motion: 'committee-passage' },
        /cannot take the committee-passage vote on CB17-0766: it is introduced \(needs in-committee\)/,
      ],
      ['a first reading while in committee', ordinance.inCommittee, {}, /it is in-committee \(needs introduced or reported\)/],
      ['a final passage before the first reading', ordinance.reported, { motion: 'final-passage' }, /it is reported \(needs first-reading-passed\)/],
      ['a second final passage', ordinance.passed, { motion: 'final-passage' }, /it is passed/],
      ['a veto override without a veto', ordinance.passed, { motion: 'veto-override' }, /it is passed \(needs vetoed\)/],
      [
        'an amendment after passage',
        ordinance.passed,
        { motion: 'amendment', amendment: { change: 'strike', eId: 'sec_1' } },
        /cannot take the amendment vote on CB17-0766: it is passed/,
      ],
      [
        'a first reading of a resolution',
        [resolutionIntroduced],
        { measureId: RESOLUTION },
        /cannot take the first-reading vote on CR17-0800: it is a resolution/,
      ],
      ['an adoption vote on an ordinance', ordinance.introduced, { motion: 'adoption' }, /cannot take the adoption vote on CB17-0766: it is an ordinance/],
      [
        'any vote on an executive order',
        executiveOrder.drafted,
        { measureId: executiveOrder.drafted[0].data.measureId },
        /votes do not apply to executive orders/,
      ],
    ])('refuses %s', (_, history, data, message) => {
      spec.given(history).when(vote(data, '2017-09-30')).thenRefuses('CONFLICT', message);
    });

    it('refuses an amendment vote on an enacted measure: it changes only by another enacted measure', () => {
      spec
        .given(ordinance.enacted)
        .when(vote({ motion: 'amendment', amendment: { change: 'strike', eId: 'sec_1' } }, '2017-09-30'))
        .thenRefuses('CONFLICT', /CB17-0766 is enacted: it changes only by another enacted measure \(AmendByMeasure\)/);
    });

    it('refuses an unknown motion', () => {
      spec
        .given(ordinance.reported)
        .when(vote({ motion: 'second-reading' as never }))
        .thenRefuses('BAD_USER_INPUT', /motion must be one of/);
    });
  });

  describe('the voting body', () => {
    it.each<[string, MeasureEvent[], Partial<RecordVote['data']>, OrganizationFacts, RegExp]>([
      [
        'a first reading by the committee',
        ordinance.reported,
        { bodyId: COMMITTEE },
        committeeFacts,
        /is taken by org:denver-city-council, not org:denver-council-safety-housing-education-homelessness/,
      ],
      [
        'a committee vote by the council',
        ordinance.inCommittee,
        { motion: 'committee-passage' },
        councilFacts,
        /is taken by org:denver-council-safety-housing-education-homelessness, not org:denver-city-council/,
      ],
      [
        'an amendment in committee by the council',
        ordinance.inCommittee,
        { motion: 'amendment', amendment: { change: 'strike', eId: 'sec_1' } },
        councilFacts,
        /the amendment vote on CB17-0766 while it is in-committee is taken by org:denver-council-safety/,
      ],
      [
        'a veto override by another council',
        ordinance.vetoed,
        { motion: 'veto-override', bodyId: 'org:aurora-city-council' },
        { ...councilFacts, orgId: 'org:aurora-city-council' },
        /is taken by org:denver-city-council, not org:aurora-city-council/,
      ],
    ])('refuses %s', (_, history, data, body, message) => {
      spec
        .given(history)
        .when(vote(data, '2017-09-30', body))
        .thenRefuses('BAD_USER_INPUT', message);
    });

    it('refuses a body the directory does not have', () => {
      spec
        .given(ordinance.reported)
        .when(vote({}, '2017-08-21', null))
        .thenRefuses('NOT_FOUND', /org:denver-city-council is not registered/);
    });

    it('refuses a veto override by a body without an override rule', () => {
      spec
        .given(ordinance.vetoed)
        .when(vote({ motion: 'veto-override' }, '2017-09-11', { ...councilFacts, rules: { ...councilFacts.rules!, overrideVotes: null } }))
        .thenRefuses('BAD_USER_INPUT', /has no rule for overriding a veto/);
    });
  });

  describe('the roll call', () => {
    it('refuses a voter who is not a member of the body on that date, naming them', () => {
      spec
        .given(ordinance.inCommittee)
        .when(committeeVote({ votes: cast({ YES: [seatA, seatB, seatF] }) }))
        .thenRefuses('BAD_USER_INPUT', /person:illustrative-council-member-f is not a member of org:denver-council-safety-housing-education-homelessness on 2017-08-09/);
    });

    it('refuses a voter listed twice, naming them', () => {
      spec
        .given(ordinance.reported)
        .when(vote({ votes: [...cast({ YES: COUNCIL_MEMBERS }), { personId: seatG, choice: 'NO' }] }))
        .thenRefuses('BAD_USER_INPUT', /person:illustrative-council-member-g is listed twice/);
    });

    it('refuses an unknown choice', () => {
      spec
        .given(ordinance.reported)
        .when(vote({ votes: [{ personId: seatG, choice: 'MAYBE' as never }] }))
        .thenRefuses('BAD_USER_INPUT', /choice of person:illustrative-council-member-g must be one of/);
    });

    it('refuses a council vote without quorum', () => {
      spec
        .given(ordinance.reported)
        .when(vote({ votes: cast({ YES: COUNCIL_MEMBERS.slice(0, 4), NO: COUNCIL_MEMBERS.slice(4, 6) }) }))
        .thenRefuses('BAD_USER_INPUT', /no quorum: 6 present, 7 needed/);
    });

    it('refuses a committee vote without quorum', () => {
      spec
        .given(ordinance.inCommittee)
        .when(committeeVote({ votes: cast({ YES: [seatA, seatB] }) }))
        .thenRefuses('BAD_USER_INPUT', /no quorum: 2 present, 3 needed/);
    });

    it("refuses a vote dated before the measure's last action", () => {
      spec
        .given(ordinance.reported)
        .when(vote({}, '2017-08-08'))
        .thenRefuses('BAD_USER_INPUT', /2017-08-08 is before the measure's last action on 2017-08-09/);
    });
  });

  describe('amendment votes', () => {
    const amend = (
      amendment: ClauseChangeInput | null | undefined,
      history = ordinance.firstReadingPassed,
      choices: Parameters<typeof cast>[0] = { YES: COUNCIL_MEMBERS },
    ) => spec.given(history).when(vote({ motion: 'amendment', amendment, votes: cast(choices) }, '2017-08-28'));
    const amendmentVote = (amendment: VoteRecorded['data']['amendment'], result: 'PASSED' | 'FAILED' = 'PASSED'): MeasureEvent => ({
      type: 'VoteRecorded',
      data: {
        measureId: MEASURE,
        voteId: 'vote:CB17-0766:3',
        bodyId: COUNCIL,
        motion: 'amendment',
        rollCall: roll(COUNCIL_MEMBERS, result === 'PASSED' ? { YES: COUNCIL_MEMBERS } : { NO: COUNCIL_MEMBERS }),
        tally: result === 'PASSED' ? { yes: 13, no: 0, abstain: 0, absent: 0, recused: 0 } : { yes: 0, no: 13, abstain: 0, absent: 0, recused: 0 },
        threshold: 'majority-of-present',
        result,
        amendment,
        reconsidersVoteId: null,
      },
    });
    const floor = { adoptedByVoteId: 'vote:CB17-0766:3', byMeasureId: null, effectiveFrom: null };

    it('amends a clause when it passes: a new version adopted by the vote, in force with the measure', () => {
      const change = { change: 'amend' as const, eId: 'sec_2__subsec_b', heading: 'Release', text: 'Amended on the floor.', rule: releaseRule };
      amend({ ...change, heading: ' Release ' }).then([
        amendmentVote(change),
        {
          type: 'ClauseAmended',
          data: { measureId: MEASURE, eId: 'sec_2__subsec_b', version: 2, heading: 'Release', text: 'Amended on the floor.', rule: releaseRule, ...floor },
        },
      ]);
    });

    it('adds a clause when it passes', () => {
      amend({ change: 'add', eId: 'sec_3', text: 'New section.' }).then([
        amendmentVote({ change: 'add', eId: 'sec_3', heading: null, text: 'New section.', rule: null }),
        { type: 'ClauseAdded', data: { measureId: MEASURE, eId: 'sec_3', version: 1, heading: null, text: 'New section.', rule: null, ...floor } },
      ]);
    });

    it('strikes a clause when it passes', () => {
      amend({ change: 'strike', eId: 'sec_1' }).then([
        amendmentVote({ change: 'strike', eId: 'sec_1', heading: null, text: null, rule: null }),
        { type: 'ClauseStruck', data: { measureId: MEASURE, eId: 'sec_1', version: 2, ...floor } },
      ]);
    });

    it('records a failed amendment and leaves the clauses alone', () => {
      amend({ change: 'strike', eId: 'sec_1' }, ordinance.firstReadingPassed, { NO: COUNCIL_MEMBERS }).then([
        amendmentVote({ change: 'strike', eId: 'sec_1', heading: null, text: null, rule: null }, 'FAILED'),
      ]);
    });

    it('takes amendments in committee, by the committee, leaving the stage unchanged', () => {
      const command = committeeVote({ motion: 'amendment', amendment: { change: 'amend', eId: 'sec_1', text: 'Committee text.' } });
      const { events, state } = record(ordinance.inCommittee, [command]);
      expect(events.slice(-2).map((event) => event.type)).toEqual(['VoteRecorded', 'ClauseAmended']);
      expect(state).toMatchObject({ stage: 'in-committee', voteCount: 1 });
      expect(state.exists && state.clauses.get('sec_1')).toEqual({ latestVersion: 2, struck: false });
    });

    it('numbers a later change after the amended version and refuses changes to a struck clause', () => {
      const { events } = record(ordinance.firstReadingPassed, [
        vote({ motion: 'amendment', amendment: { change: 'amend', eId: 'sec_1', text: 'v2' } }, '2017-08-28'),
        vote({ motion: 'amendment', amendment: { change: 'strike', eId: 'sec_1' } }, '2017-08-28'),
      ]);
      expect(events.at(-1)).toMatchObject({ type: 'ClauseStruck', data: { eId: 'sec_1', version: 3, adoptedByVoteId: 'vote:CB17-0766:4' } });
      spec
        .given(events)
        .when(vote({ motion: 'amendment', amendment: { change: 'amend', eId: 'sec_1', text: 'v4' } }, '2017-08-28'))
        .thenRefuses('CONFLICT', /sec_1 of CB17-0766 was struck/);
    });

    it.each<[string, ClauseChangeInput | null | undefined, RegExp]>([
      ['a motion without its amendment', undefined, /an amendment motion needs the amendment it votes on/],
      ['an unknown clause', { change: 'amend', eId: 'sec_9', text: 't' }, /CB17-0766 has no clause sec_9/],
      ['an amendment without text', { change: 'amend', eId: 'sec_1' }, /amendment\.text must not be empty/],
      ['a strike carrying text', { change: 'strike', eId: 'sec_1', text: 't' }, /striking a clause takes no heading, text or rule/],
      ['a malformed eId', { change: 'add', eId: 'Section 3', text: 't' }, /amendment\.eId must be an Akoma Ntoso eId/],
      [
        'a malformed rule',
        { change: 'amend', eId: 'sec_1', text: 't', rule: { ...releaseRule, dataCategories: ['Release Date'] } },
        /amendment\.rule\.dataCategories\[0\] must be lowercase/,
      ],
    ])('refuses %s', (_, amendment, message) => {
      amend(amendment).thenRefuses('BAD_USER_INPUT', message);
    });

    it('refuses to add an eId the measure already has', () => {
      amend({ change: 'add', eId: 'sec_1', text: 't' }).thenRefuses('CONFLICT', /CB17-0766 already has a clause sec_1/);
    });

    it('refuses an amendment attached to another motion', () => {
      spec
        .given(ordinance.firstReadingPassed)
        .when(vote({ motion: 'final-passage', amendment: { change: 'strike', eId: 'sec_1' } }, '2017-08-28'))
        .thenRefuses('BAD_USER_INPUT', /only an amendment motion carries an amendment, not final-passage/);
    });
  });
});
