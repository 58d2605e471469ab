import { deciderSpec } from '@ledger/decider-testing';
import type { AmendByMeasure, IntroduceMeasure, MeasureCommand, MeasureFacts, RepealMeasure } from './measure.commands';
import { measureDecider } from './measure.decider';
import type { MeasureEvent } from './measure.events';
import { clauseId, measureStreamId, parseClauseId, parseVoteId, voteId } from './measure.ids';
import { initialMeasureState, measureFactsOf, measureStatus, type MeasureStage, type RecordedMeasure } from './measure.state';
import {
  clauseInputs,
  clerkOn,
  COMMITTEE,
  committeeFacts,
  COUNCIL,
  COUNCIL_MEMBERS,
  councilFacts,
  EXECUTIVE_ORDER,
  executiveOrder,
  introducedClauses,
  MAYOR,
  mayorFacts,
  mayorOffices,
  mayorOn,
  MEASURE,
  on,
  ordinance,
  OTHER_MEASURE,
  record,
  releaseRule,
  RESOLUTION,
  stateOf,
} from './testing/measure.fixtures';

const spec = deciderSpec(measureDecider);
const otherEnacted: MeasureFacts = { measureId: OTHER_MEASURE, kind: 'ORDINANCE', stage: 'enacted', effectiveFrom: '2018-06-01' };

function introduce(data: Partial<IntroduceMeasure['data']> = {}, facts: Partial<IntroduceMeasure['facts']> = {}): MeasureCommand {
  return {
    type: 'IntroduceMeasure',
    data: {
      measureId: MEASURE,
      kind: 'ORDINANCE',
      title: ' Public Safety Enforcement Priority Act ',
      bodyId: COUNCIL,
      sponsorIds: ['person:paul-lopez', 'person:robin-kniech'],
      clauses: clauseInputs,
      ...data,
    },
    facts: { body: councilFacts, unknownPersonIds: [], ...facts },
    metadata: clerkOn('2017-08-01'),
  };
}
const refer = (date = '2017-08-01', facts = { committee: committeeFacts }): MeasureCommand => ({
  type: 'ReferMeasure',
  data: { measureId: MEASURE, committeeId: facts.committee?.orgId ?? COMMITTEE },
  facts,
  metadata: clerkOn(date),
});
const sign = (date = '2017-08-31', metadata = mayorOn(date), actorOffices = mayorOffices, measureId = MEASURE): MeasureCommand => ({
  type: 'SignMeasure',
  data: { measureId },
  facts: mayorFacts(actorOffices),
  metadata,
});
const veto = (date = '2017-08-31', reason = ' conflicts with federal law ', metadata = mayorOn(date)): MeasureCommand => ({
  type: 'VetoMeasure',
  data: { measureId: MEASURE, reason },
  facts: mayorFacts(),
  metadata,
});
const enact = (effectiveFrom: string, date = '2017-08-31', measureId = MEASURE): MeasureCommand => ({
  type: 'EnactMeasure',
  data: { measureId, effectiveFrom },
  metadata: clerkOn(date),
});
const withdraw = (date = '2017-09-01', reason = ' sponsor request '): MeasureCommand => ({
  type: 'WithdrawMeasure',
  data: { measureId: MEASURE, reason },
  metadata: clerkOn(date),
});
const repeal = (data: Partial<RepealMeasure['data']> = {}, byMeasure: MeasureFacts | null = otherEnacted, date = '2018-06-01'): MeasureCommand => ({
  type: 'RepealMeasure',
  data: { measureId: MEASURE, byMeasureId: OTHER_MEASURE, effectiveUntil: '2018-07-01', ...data },
  facts: { byMeasure },
  metadata: clerkOn(date),
});
const amendBy = (data: Partial<AmendByMeasure['data']> = {}, byMeasure: MeasureFacts | null = otherEnacted, date = '2018-06-01'): MeasureCommand => ({
  type: 'AmendByMeasure',
  data: {
    measureId: MEASURE,
    byMeasureId: OTHER_MEASURE,
    change: 'amend',
    eId: 'sec_2__subsec_b',
    text: ' Amended text. ',
    rule: releaseRule,
    effectiveFrom: '2018-07-01',
    ...data,
  },
  facts: { byMeasure },
  metadata: clerkOn(date),
});

describe('measure decider', () => {
  describe('IntroduceMeasure', () => {
    it('introduces an ordinance with its sponsors and version 1 of each clause, trimming the texts', () => {
      spec
        .given([])
        .when(introduce())
        .then([
          {
            type: 'MeasureIntroduced',
            data: {
              measureId: MEASURE,
              kind: 'ORDINANCE',
              title: 'Public Safety Enforcement Priority Act',
              summary: null,
              bodyId: COUNCIL,
              sponsorIds: ['person:paul-lopez', 'person:robin-kniech'],
              clauses: introducedClauses,
            },
          },
        ]);
    });

    it('introduces a resolution with a summary', () => {
      spec
        .given([])
        .when(
          introduce({
            measureId: RESOLUTION,
            kind: 'RESOLUTION',
            title: 'Welcoming City',
            summary: ' Affirms. ',
            clauses: [{ eId: 'sec_1', text: 'Denver welcomes.' }],
          }),
        )
        .then([
          {
            type: 'MeasureIntroduced',
            data: {
              measureId: RESOLUTION,
              kind: 'RESOLUTION',
              title: 'Welcoming City',
              summary: 'Affirms.',
              bodyId: COUNCIL,
              sponsorIds: ['person:paul-lopez', 'person:robin-kniech'],
              clauses: [{ eId: 'sec_1', heading: null, text: 'Denver welcomes.', rule: null }],
            },
          },
        ]);
    });

    it('refuses a measure id already recorded', () => {
      spec
        .given(ordinance.introduced)
        .when(introduce())
        .thenRefuses('CONFLICT', /CB17-0766 is already recorded/);
    });

    it('refuses a body the directory does not have', () => {
      spec
        .given([])
        .when(introduce({}, { body: null }))
        .thenRefuses('NOT_FOUND', /org:denver-city-council is not registered/);
    });

    it('refuses sponsors the directory does not have, naming them', () => {
      spec
        .given([])
        .when(introduce({ sponsorIds: ['person:paul-lopez', 'person:nobody', 'person:ghost'] }, { unknownPersonIds: ['person:nobody', 'person:ghost'] }))
        .thenRefuses('NOT_FOUND', /sponsors not registered: person:nobody, person:ghost/);
    });

    it('accepts the largest lists the schemas allow: 500 clauses, 1000 sponsors', () => {
      const sponsorIds = Array.from({ length: 1000 }, (_, i) => `person:sponsor-${i}`);
      const clauses = Array.from({ length: 500 }, (_, i) => ({ eId: `sec_${i + 1}`, text: `Section ${i + 1}.` }));
      const [event] = measureDecider.decide(introduce({ sponsorIds, clauses }), initialMeasureState);
      expect(event).toMatchObject({ type: 'MeasureIntroduced', data: { sponsorIds, clauses: expect.any(Array) } });
      expect((event.data as { clauses: unknown[] }).clauses).toHaveLength(500);
    });

    it.each<[string, Partial<IntroduceMeasure['data']>, Partial<IntroduceMeasure['facts']>, RegExp]>([
      [
        'a body that is not a legislature',
        { bodyId: COMMITTEE },
        { body: committeeFacts },
        /introduced in a LEGISLATURE; org:denver-council-safety-housing-education-homelessness is a COMMITTEE/,
      ],
      ['no clauses', { clauses: [] }, {}, /clauses must list at least one entry/],
      ['a duplicate eId', { clauses: [clauseInputs[0], { ...clauseInputs[1], eId: 'sec_1' }] }, {}, /the eId sec_1 twice/],
      ['an eId that is not Akoma Ntoso', { clauses: [{ eId: 'Section 2(b)', text: 't' }] }, {}, /clauses\[0\]\.eId must be an Akoma Ntoso eId/],
      ['an empty clause text', { clauses: [{ eId: 'sec_1', text: '  ' }] }, {}, /clauses\[0\]\.text must not be empty/],
      ['a heading over 300 characters', { clauses: [{ eId: 'sec_1', heading: 'h'.repeat(301), text: 't' }] }, {}, /heading must be at most 300/],
      [
        'a rule with an unknown effect',
        { clauses: [{ eId: 'sec_1', text: 't', rule: { ...releaseRule, effect: 'forbid' as never } }] },
        {},
        /rule\.effect must be one of/,
      ],
      [
        'a rule naming a recipient twice',
        { clauses: [{ eId: 'sec_1', text: 't', rule: { ...releaseRule, recipients: ['ice', 'ice'] } }] },
        {},
        /recipients lists ice twice/,
      ],
      [
        'a rule token that is not a slug',
        { clauses: [{ eId: 'sec_1', text: 't', rule: { ...releaseRule, action: 'Share!' } }] },
        {},
        /rule\.action must be lowercase words/,
      ],
      ['an empty title', { title: '' }, {}, /title must not be empty/],
      ['a title over 500 characters', { title: 't'.repeat(501) }, {}, /title must be at most 500/],
      ['an executive order', { kind: 'EXECUTIVE_ORDER' as never }, {}, /executive orders are drafted/],
      ['no sponsors', { sponsorIds: [] }, {}, /sponsorIds must list at least one entry/],
      ['a sponsor listed twice', { sponsorIds: ['person:paul-lopez', 'person:paul-lopez'] }, {}, /sponsorIds list person:paul-lopez twice/],
      ['a malformed sponsor id', { sponsorIds: ['Paul Lopez'] }, {}, /person id must look like/],
      ['a malformed measure id', { measureId: 'CB 17/0766' }, {}, /measureId must be 2 to 40 letters/],
      ['a measure id shaped like a uuid', { measureId: '0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B' }, {}, /measureId must be the clerk's own number such as CB17-0766, not shaped like a uuid/],
      ['501 clauses', { clauses: Array.from({ length: 501 }, (_, i) => ({ eId: `sec_${i}`, text: 't' })) }, {}, /clauses lists 501 entries; at most 500 are allowed/],
      ['1001 sponsors', { sponsorIds: Array.from({ length: 1001 }, (_, i) => `person:sponsor-${i}`) }, {}, /sponsorIds lists 1001 entries; at most 1000 are allowed/],
      [
        'a rule naming 101 data categories',
        { clauses: [{ eId: 'sec_1', text: 't', rule: { ...releaseRule, dataCategories: Array.from({ length: 101 }, (_, i) => `category-${i}`) } }] },
        {},
        /clauses\[0\]\.rule\.dataCategories lists 101 entries; at most 100 are allowed/,
      ],
    ])('refuses %s', (_, data, facts, message) => {
      spec.given([]).when(introduce(data, facts)).thenRefuses('BAD_USER_INPUT', message);
    });
  });

  describe('ReferMeasure', () => {
    it('refers an introduced measure to a committee of its legislature', () => {
      spec
        .given(ordinance.introduced)
        .when(refer())
        .then([{ type: 'MeasureReferred', data: { measureId: MEASURE, committeeId: COMMITTEE } }]);
    });

    it('refuses a measure already in committee', () => {
      spec
        .given(ordinance.inCommittee)
        .when(refer('2017-08-02'))
        .thenRefuses('CONFLICT', /cannot refer CB17-0766: it is in-committee \(needs introduced\)/);
    });

    it('refuses a committee of another legislature', () => {
      spec
        .given(ordinance.introduced)
        .when(refer('2017-08-01', { committee: { ...committeeFacts, parentId: 'org:aurora-city-council' } }))
        .thenRefuses('BAD_USER_INPUT', /is a committee of org:aurora-city-council, not of org:denver-city-council/);
    });

    it('refuses an organization that is not a committee', () => {
      spec
        .given(ordinance.introduced)
        .when(refer('2017-08-01', { committee: councilFacts }))
        .thenRefuses('BAD_USER_INPUT', /is a LEGISLATURE, not a COMMITTEE/);
    });

    it('refuses a committee the directory does not have', () => {
      spec
        .given(ordinance.introduced)
        .when({ ...refer(), facts: { committee: null } } as MeasureCommand)
        .thenRefuses('NOT_FOUND', /org:denver-council-safety-housing-education-homelessness is not registered/);
    });

    it('refuses a measure never recorded', () => {
      spec
        .given([])
        .when(refer())
        .thenRefuses('NOT_FOUND', /CB17-0766 is not recorded/);
    });
  });

  describe('SignMeasure', () => {
    it('lets the mayor sign a passed ordinance', () => {
      spec
        .given(ordinance.passed)
        .when(sign())
        .then([{ type: 'MeasureSigned', data: { measureId: MEASURE, signedBy: MAYOR } }]);
    });

    it('refuses a clerk', () => {
      spec
        .given(ordinance.passed)
        .when(sign('2017-08-31', clerkOn('2017-08-31')))
        .thenRefuses('FORBIDDEN', /only the mayor may sign an ordinance; person:test-clerk acts as clerk/);
    });

    it('refuses a mayor account that does not hold the office on that date', () => {
      spec
        .given(ordinance.passed)
        .when(sign('2017-08-31', mayorOn('2017-08-31'), []))
        .thenRefuses('FORBIDDEN', /person:michael-hancock does not hold the office of mayor on 2017-08-31/);
    });

    it('refuses a "mayor" role held anywhere but an executive office', () => {
      spec
        .given(ordinance.passed)
        .when(sign('2017-08-31', mayorOn('2017-08-31'), [{ orgId: COUNCIL, orgKind: 'LEGISLATURE', role: 'mayor' }]))
        .thenRefuses('FORBIDDEN', /does not hold the office of mayor/);
    });

    it('refuses an ordinance that has not passed', () => {
      spec
        .given(ordinance.firstReadingPassed)
        .when(sign())
        .thenRefuses('CONFLICT', /cannot sign CB17-0766: it is first-reading-passed \(needs passed\)/);
    });

    it('refuses an ordinance already signed', () => {
      spec
        .given(ordinance.signed)
        .when(sign())
        .thenRefuses('CONFLICT', /it is signed/);
    });

    it('refuses a resolution, which is adopted rather than signed', () => {
      const resolution = [
        on<MeasureEvent>('2017-08-01', { ...ordinance.introduced[0], data: { ...ordinance.introduced[0].data, kind: 'RESOLUTION' } } as MeasureEvent),
      ];
      spec
        .given(resolution)
        .when(sign())
        .thenRefuses('CONFLICT', /cannot sign CB17-0766: it is a resolution/);
    });
  });

  describe('VetoMeasure', () => {
    it('lets the mayor veto a passed ordinance, with the reason', () => {
      spec
        .given(ordinance.passed)
        .when(veto())
        .then([{ type: 'MeasureVetoed', data: { measureId: MEASURE, vetoedBy: MAYOR, reason: 'conflicts with federal law' } }]);
    });

    it('refuses a clerk', () => {
      spec
        .given(ordinance.passed)
        .when(veto('2017-08-31', 'r', clerkOn('2017-08-31')))
        .thenRefuses('FORBIDDEN', /only the mayor may veto/);
    });

    it('refuses a veto after the signature', () => {
      spec
        .given(ordinance.signed)
        .when(veto())
        .thenRefuses('CONFLICT', /cannot veto CB17-0766: it is signed/);
    });

    it('refuses a veto without a reason', () => {
      spec
        .given(ordinance.passed)
        .when(veto('2017-08-31', ' '))
        .thenRefuses('BAD_USER_INPUT', /reason must not be empty/);
    });
  });

  describe('EnactMeasure', () => {
    it('enacts a signed ordinance from a date on or after the signature', () => {
      spec
        .given(ordinance.signed)
        .when(enact('2017-09-01'))
        .then([{ type: 'MeasureEnacted', data: { measureId: MEASURE, effectiveFrom: '2017-09-01' } }]);
    });

    it('enacts an ordinance passed over the veto, from the override date', () => {
      spec
        .given(ordinance.overridden)
        .when(enact('2017-09-11', '2017-09-12'))
        .then([{ type: 'MeasureEnacted', data: { measureId: MEASURE, effectiveFrom: '2017-09-11' } }]);
    });

    it('refuses an effective date before the signature', () => {
      spec
        .given(ordinance.signed)
        .when(enact('2017-08-30'))
        .thenRefuses('BAD_USER_INPUT', /effectiveFrom 2017-08-30 is before the signature on 2017-08-31/);
    });

    it('refuses an effective date before the override', () => {
      spec
        .given(ordinance.overridden)
        .when(enact('2017-09-10', '2017-09-12'))
        .thenRefuses('BAD_USER_INPUT', /before the override on 2017-09-11/);
    });

    it.each(['2017-09-31', '2017-9-1', 'next week'])('refuses the effective date %s', (effectiveFrom) => {
      spec
        .given(ordinance.signed)
        .when(enact(effectiveFrom))
        .thenRefuses('BAD_USER_INPUT', /effectiveFrom must be a calendar date/);
    });

    it.each([
      ['passed but unsigned', ordinance.passed, /it is passed \(needs signed or overridden\)/],
      ['vetoed', ordinance.vetoed, /it is vetoed/],
      ['already enacted', ordinance.enacted, /it is enacted/],
    ])('refuses an ordinance %s', (_, history, message) => {
      spec.given(history).when(enact('2017-10-01', '2017-10-01')).thenRefuses('CONFLICT', message);
    });
  });

  describe('WithdrawMeasure', () => {
    it('still acts on a measure recorded with a uuid-shaped id before such ids were refused', () => {
      const legacy = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
      const introduced = ordinance.introduced.map((event) => ({ ...event, data: { ...event.data, measureId: legacy } })) as MeasureEvent[];
      spec
        .given(introduced)
        .when({ ...withdraw(), data: { measureId: legacy, reason: 'sponsor request' } } as MeasureCommand)
        .then([{ type: 'MeasureWithdrawn', data: { measureId: legacy, reason: 'sponsor request' } }]);
    });

    it.each([
      ['introduced', ordinance.introduced],
      ['in committee', ordinance.inCommittee],
      ['reported', ordinance.reported],
      ['past first reading', ordinance.firstReadingPassed],
    ])('withdraws a measure %s', (_, history) => {
      spec
        .given(history)
        .when(withdraw())
        .then([{ type: 'MeasureWithdrawn', data: { measureId: MEASURE, reason: 'sponsor request' } }]);
    });

    it.each([
      ['passed', ordinance.passed],
      ['signed', ordinance.signed],
      ['enacted', ordinance.enacted],
      ['withdrawn', ordinance.withdrawn],
    ])('refuses a measure that is %s', (stage, history) => {
      spec
        .given(history)
        .when(withdraw())
        .thenRefuses('CONFLICT', new RegExp(`cannot withdraw CB17-0766: it is ${stage}`));
    });

    it('refuses a withdrawal without a reason', () => {
      spec
        .given(ordinance.introduced)
        .when(withdraw('2017-08-02', ''))
        .thenRefuses('BAD_USER_INPUT', /reason must not be empty/);
    });
  });

  describe('RepealMeasure', () => {
    it('repeals an enacted ordinance by another enacted measure', () => {
      spec
        .given(ordinance.enacted)
        .when(repeal())
        .then([{ type: 'MeasureRepealed', data: { measureId: MEASURE, byMeasureId: OTHER_MEASURE, effectiveUntil: '2018-07-01' } }]);
    });

    it('accepts an enacted resolution as the repealing measure', () => {
      spec
        .given(ordinance.enacted)
        .when(repeal({}, { ...otherEnacted, kind: 'RESOLUTION' }))
        .then([{ type: 'MeasureRepealed', data: { measureId: MEASURE, byMeasureId: OTHER_MEASURE, effectiveUntil: '2018-07-01' } }]);
    });

    it.each<[string, MeasureFacts['stage']]>([
      ['passed', 'passed'],
      ['introduced', 'introduced'],
      ['repealed', 'repealed'],
    ])('refuses a repealing measure that is %s', (_, stage) => {
      spec
        .given(ordinance.enacted)
        .when(repeal({}, { ...otherEnacted, stage, effectiveFrom: null }))
        .thenRefuses('BAD_USER_INPUT', new RegExp(`CB18-0100 is not enacted \\(it is ${stage}\\)`));
    });

    it('refuses an executive order as the repealing measure', () => {
      spec
        .given(ordinance.enacted)
        .when(repeal({}, { ...otherEnacted, kind: 'EXECUTIVE_ORDER' }))
        .thenRefuses('BAD_USER_INPUT', /CB18-0100 is an executive order/);
    });

    it('refuses a measure repealing itself', () => {
      spec
        .given(ordinance.enacted)
        .when(repeal({ byMeasureId: MEASURE }))
        .thenRefuses('BAD_USER_INPUT', /cannot repeal or amend itself/);
    });

    it('refuses a repealing measure never recorded', () => {
      spec
        .given(ordinance.enacted)
        .when(repeal({}, null))
        .thenRefuses('NOT_FOUND', /CB18-0100 is not recorded/);
    });

    it('refuses an end on or before the first day in force', () => {
      spec
        .given(ordinance.enacted)
        .when(repeal({ effectiveUntil: '2017-09-01' }, { ...otherEnacted, effectiveFrom: '2017-08-01' }))
        .thenRefuses('BAD_USER_INPUT', /effectiveUntil 2017-09-01 must be after CB17-0766's effectiveFrom 2017-09-01/);
    });

    it('refuses an end before the repealing measure is in force', () => {
      spec
        .given(ordinance.enacted)
        .when(repeal({ effectiveUntil: '2018-05-01' }))
        .thenRefuses('BAD_USER_INPUT', /effectiveUntil 2018-05-01 is before CB18-0100 is in force from 2018-06-01/);
    });

    it('refuses an end that is not a calendar date', () => {
      spec
        .given(ordinance.enacted)
        .when(repeal({ effectiveUntil: '2018-02-29' }))
        .thenRefuses('BAD_USER_INPUT', /effectiveUntil must be a calendar date/);
    });

    it('refuses a measure that is not enacted', () => {
      spec
        .given(ordinance.signed)
        .when(repeal())
        .thenRefuses('CONFLICT', /cannot repeal CB17-0766: it is signed \(needs enacted\)/);
    });

    it('refuses a measure already repealed', () => {
      spec
        .given(ordinance.repealed)
        .when(repeal({}, otherEnacted, '2018-08-01'))
        .thenRefuses('CONFLICT', /it is repealed/);
    });
  });

  describe('AmendByMeasure', () => {
    it('amends a clause of an enacted measure: the next version, by the other measure, from its date', () => {
      spec
        .given(ordinance.enacted)
        .when(amendBy())
        .then([
          {
            type: 'ClauseAmended',
            data: {
              measureId: MEASURE,
              eId: 'sec_2__subsec_b',
              version: 2,
              heading: null,
              text: 'Amended text.',
              rule: releaseRule,
              adoptedByVoteId: null,
              byMeasureId: OTHER_MEASURE,
              effectiveFrom: '2018-07-01',
            },
          },
        ]);
    });

    it('adds a new clause as its version 1', () => {
      spec
        .given(ordinance.enacted)
        .when(amendBy({ change: 'add', eId: 'sec_3', heading: 'Reporting', text: 'Quarterly reports.', rule: undefined }))
        .then([
          {
            type: 'ClauseAdded',
            data: {
              measureId: MEASURE,
              eId: 'sec_3',
              version: 1,
              heading: 'Reporting',
              text: 'Quarterly reports.',
              rule: null,
              adoptedByVoteId: null,
              byMeasureId: OTHER_MEASURE,
              effectiveFrom: '2018-07-01',
            },
          },
        ]);
    });

    it('strikes a clause, numbering after every earlier version', () => {
      const amendedOnce = on<MeasureEvent>('2018-06-01', {
        type: 'ClauseAmended',
        data: {
          measureId: MEASURE,
          eId: 'sec_1',
          version: 2,
          heading: null,
          text: 't',
          rule: null,
          adoptedByVoteId: null,
          byMeasureId: OTHER_MEASURE,
          effectiveFrom: '2018-07-01',
        },
      });
      spec
        .given([...ordinance.enacted, amendedOnce])
        .when(amendBy({ change: 'strike', eId: 'sec_1', text: undefined, rule: undefined }))
        .then([
          {
            type: 'ClauseStruck',
            data: { measureId: MEASURE, eId: 'sec_1', version: 3, adoptedByVoteId: null, byMeasureId: OTHER_MEASURE, effectiveFrom: '2018-07-01' },
          },
        ]);
    });

    it('refuses a measure not yet enacted: before enactment it is amended by a vote', () => {
      spec
        .given(ordinance.firstReadingPassed)
        .when(amendBy({}, otherEnacted, '2017-08-22'))
        .thenRefuses('CONFLICT', /before enactment it is amended by an amendment vote/);
    });

    it.each([
      ['signed', ordinance.signed, /cannot amend CB17-0766: it is signed/],
      ['repealed', ordinance.repealed, /cannot amend CB17-0766: it is repealed/],
      ['withdrawn', ordinance.withdrawn, /cannot amend CB17-0766: it is withdrawn/],
    ])('refuses a measure that is %s', (_, history, message) => {
      spec
        .given(history)
        .when(amendBy({}, otherEnacted, '2018-06-01'))
        .thenRefuses('CONFLICT', message);
    });

    it('refuses a struck clause', () => {
      const struck = on<MeasureEvent>('2018-06-01', {
        type: 'ClauseStruck',
        data: { measureId: MEASURE, eId: 'sec_2__subsec_b', version: 2, adoptedByVoteId: null, byMeasureId: OTHER_MEASURE, effectiveFrom: '2018-07-01' },
      });
      spec
        .given([...ordinance.enacted, struck])
        .when(amendBy())
        .thenRefuses('CONFLICT', /clause sec_2__subsec_b of CB17-0766 was struck/);
    });

    it('refuses to add an eId the measure already has', () => {
      spec
        .given(ordinance.enacted)
        .when(amendBy({ change: 'add', eId: 'sec_1' }))
        .thenRefuses('CONFLICT', /already has a clause sec_1/);
    });

    it.each<[string, Partial<AmendByMeasure['data']>, RegExp]>([
      ['an unknown clause', { eId: 'sec_9' }, /CB17-0766 has no clause sec_9/],
      ['an amendment without text', { text: undefined }, /text must not be empty/],
      ['a strike with new text', { change: 'strike' }, /striking a clause takes no heading, text or rule/],
      ['an unknown kind of change', { change: 'rewrite' as never }, /change must be one of amend, add, strike/],
      [
        'an effective date before the measure is in force',
        { effectiveFrom: '2017-08-31' },
        /effectiveFrom 2017-08-31 is before CB17-0766 is in force from 2017-09-01/,
      ],
      ['an effective date before the amending measure is in force', { effectiveFrom: '2018-05-31' }, /is before CB18-0100 is in force from 2018-06-01/],
      ['an effective date that does not exist', { effectiveFrom: '2018-13-01' }, /effectiveFrom must be a calendar date/],
    ])('refuses %s', (_, data, message) => {
      spec.given(ordinance.enacted).when(amendBy(data)).thenRefuses('BAD_USER_INPUT', message);
    });

    it('refuses an amending measure that is not enacted', () => {
      spec
        .given(ordinance.enacted)
        .when(amendBy({}, { ...otherEnacted, stage: 'passed', effectiveFrom: null }))
        .thenRefuses('BAD_USER_INPUT', /CB18-0100 is not enacted/);
    });
  });

  describe('chronology', () => {
    it.each<[string, MeasureEvent[], MeasureCommand]>([
      ['a referral', ordinance.introduced, refer('2017-07-31')],
      ['a signature', ordinance.passed, sign('2017-08-27')],
      ['an enactment', ordinance.signed, enact('2017-09-01', '2017-08-30')],
      ['a withdrawal', ordinance.firstReadingPassed, withdraw('2017-08-20')],
      ['a repeal', ordinance.enacted, repeal({}, otherEnacted, '2017-08-30')],
      ['an amendment by measure', ordinance.enacted, amendBy({}, otherEnacted, '2017-08-30')],
    ])('refuses %s dated before the last recorded action', (_, history, command) => {
      const last = stateOf(history) as RecordedMeasure;
      spec
        .given(history)
        .when(command)
        .thenRefuses('BAD_USER_INPUT', new RegExp(`before the measure's last action on ${last.lastActionDate}`));
    });

    it('accepts an act on the same day as the last one', () => {
      spec
        .given(ordinance.passed)
        .when(sign('2017-08-28'))
        .then([{ type: 'MeasureSigned', data: { measureId: MEASURE, signedBy: MAYOR } }]);
    });

    it('refuses an act whose occurredAt is not an instant', () => {
      spec
        .given(ordinance.introduced)
        .when({ ...withdraw(), metadata: { ...clerkOn('2017-08-02'), occurredAt: 'yesterday' } })
        .thenRefuses('BAD_USER_INPUT', /occurredAt must be an ISO-8601 instant/);
    });
  });

  describe('measures that have ended', () => {
    it.each([
      ['withdrawn', ordinance.withdrawn],
      ['failed', ordinance.failed],
      ['repealed', ordinance.repealed],
    ])('refuses any further act on a %s measure, naming the stage', (stage, history) => {
      for (const command of [
        refer('2019-01-01'),
        withdraw('2019-01-01'),
        sign('2019-01-01'),
        enact('2019-01-01', '2019-01-01'),
        repeal({}, otherEnacted, '2019-01-01'),
      ]) {
        spec
          .given(history)
          .when(command)
          .thenRefuses('CONFLICT', new RegExp(`it is ${stage}`));
      }
    });
  });

  describe('the whole life of an ordinance', () => {
    const council = (yes: readonly string[]) => yes.map((personId) => ({ personId, choice: 'YES' as const }));
    const steps: Array<[string, MeasureCommand, MeasureStage]> = [
      ['introduce', introduce(), 'introduced'],
      ['refer', refer(), 'in-committee'],
      [
        'committee passage',
        {
          type: 'RecordVote',
          data: { measureId: MEASURE, bodyId: COMMITTEE, motion: 'committee-passage', votes: council(committeeFacts.members.map((m) => m.personId)) },
          facts: { body: committeeFacts },
          metadata: clerkOn('2017-08-09'),
        },
        'reported',
      ],
      [
        'first reading',
        {
          type: 'RecordVote',
          data: { measureId: MEASURE, bodyId: COUNCIL, motion: 'first-reading', votes: council(COUNCIL_MEMBERS.slice(0, 11)) },
          facts: { body: councilFacts },
          metadata: clerkOn('2017-08-21'),
        },
        'first-reading-passed',
      ],
      [
        'final passage, 10-0',
        {
          type: 'RecordVote',
          data: { measureId: MEASURE, bodyId: COUNCIL, motion: 'final-passage', votes: council(COUNCIL_MEMBERS.slice(0, 10)) },
          facts: { body: councilFacts },
          metadata: clerkOn('2017-08-28'),
        },
        'passed',
      ],
      ['signature', sign(), 'signed'],
      ['enactment', enact('2017-08-31'), 'enacted'],
    ];

    it('walks introduce -> refer -> committee -> readings -> signature -> enactment', () => {
      let history: MeasureEvent[] = [];
      const statuses: string[] = [];
      for (const [, command, stage] of steps) {
        const { events, state } = record(history, [command]);
        history = events;
        expect(state.exists && state.stage).toBe(stage);
        if (state.exists) statuses.push(measureStatus(state.stage, state.kind));
      }
      expect(statuses).toEqual(['INTRODUCED', 'IN_COMMITTEE', 'INTRODUCED', 'INTRODUCED', 'PASSED', 'PASSED', 'ENACTED']);
      const final = stateOf(history) as RecordedMeasure;
      expect(measureFactsOf(final)).toEqual({ measureId: MEASURE, kind: 'ORDINANCE', stage: 'enacted', effectiveFrom: '2017-08-31' });
      expect(final).toMatchObject({ voteCount: 3, committeeId: COMMITTEE, bodyId: COUNCIL, lastActionDate: '2017-08-31', effectiveUntil: null });
      expect([...final.clauses]).toEqual([
        ['sec_1', { latestVersion: 1, struck: false }],
        ['sec_2__subsec_b', { latestVersion: 1, struck: false }],
      ]);
    });

    it('walks veto -> override -> enactment', () => {
      const override: MeasureCommand = {
        type: 'RecordVote',
        data: { measureId: MEASURE, bodyId: COUNCIL, motion: 'veto-override', votes: council(COUNCIL_MEMBERS.slice(0, 9)) },
        facts: { body: councilFacts },
        metadata: clerkOn('2017-09-11'),
      };
      const { state } = record(ordinance.passed, [veto(), override, enact('2017-09-12', '2017-09-12')]);
      expect(state).toMatchObject({ stage: 'enacted', effectiveFrom: '2017-09-12', voteCount: 4 });
    });

    it('keeps the repeal on the record: stage, end of force and status', () => {
      const state = stateOf(ordinance.repealed) as RecordedMeasure;
      expect(state).toMatchObject({ stage: 'repealed', effectiveFrom: '2017-09-01', effectiveUntil: '2018-07-01' });
      expect(state.exists && measureStatus(state.stage, state.kind)).toBe('REPEALED');
    });
  });

  it('maps every stage to the contract status', () => {
    const stages: MeasureStage[] = [
      'draft',
      'introduced',
      'in-committee',
      'reported',
      'first-reading-passed',
      'passed',
      'signed',
      'vetoed',
      'overridden',
      'enacted',
      'failed',
      'withdrawn',
      'repealed',
      'revoked',
    ];
    expect(stages.map((stage) => measureStatus(stage, 'ORDINANCE'))).toEqual([
      'DRAFT',
      'INTRODUCED',
      'IN_COMMITTEE',
      'INTRODUCED',
      'INTRODUCED',
      'PASSED',
      'PASSED',
      'VETOED',
      'PASSED',
      'ENACTED',
      'FAILED',
      'WITHDRAWN',
      'REPEALED',
      'REVOKED',
    ]);
    // An executive order is the same but in force: issued by the mayor, not enacted.
    expect(stages.filter((stage) => measureStatus(stage, 'EXECUTIVE_ORDER') !== measureStatus(stage, 'ORDINANCE'))).toEqual(['enacted']);
    expect(measureStatus('enacted', 'EXECUTIVE_ORDER')).toBe('ISSUED');
  });

  it('describes an executive order as facts too', () => {
    expect(measureFactsOf(stateOf(executiveOrder.issued) as RecordedMeasure)).toEqual({
      measureId: EXECUTIVE_ORDER,
      kind: 'EXECUTIVE_ORDER',
      stage: 'enacted',
      effectiveFrom: '2017-08-31',
    });
  });

  it('names streams, clauses and votes after the measure id', () => {
    expect(measureStreamId(MEASURE)).toBe('measure-CB17-0766');
    expect(() => measureStreamId('CB 17')).toThrow(/measureId must be/);
    expect(clauseId(MEASURE, 'sec_2__subsec_b')).toBe('CB17-0766#sec_2__subsec_b');
    expect(parseClauseId('CB17-0766#sec_2__subsec_b')).toEqual({ measureId: MEASURE, eId: 'sec_2__subsec_b' });
    expect(['CB17-0766', 'CB17-0766#', '#sec_2', 'CB 17#sec_2', 'CB17-0766#Sec_2'].map(parseClauseId)).toEqual([null, null, null, null, null]);
    expect(voteId(MEASURE, 3)).toBe('vote:CB17-0766:3');
    expect(parseVoteId('vote:CB17-0766:3')).toEqual({ measureId: MEASURE, ordinal: 3 });
    expect(parseVoteId('vote:CB17-0766:0')).toBeNull();
  });
});
