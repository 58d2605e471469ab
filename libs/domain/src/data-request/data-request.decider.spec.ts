import { COMMITTEE, COUNCIL, HUMAN_SERVICES, MAYORS_OFFICE } from '@ledger/scenarios';
import { deciderSpec } from '@ledger/decider-testing';
import { clauseHistoryOf } from '../measure/clause-history';
import { clauseId } from '../measure/measure.ids';
import { MEASURE, on as onMeasure, ordinance, OTHER_MEASURE } from '../measure/testing/measure.fixtures';
import { DomainError } from '../shared/domain-error';
import type { CitationInput, CorrectDecision, DataRequestCommand, DecideDataRequest, RecordDisclosure, ReviewDecision } from './data-request.commands';
import { citedVersion } from './data-request.citations';
import { dataRequestDecider } from './data-request.decider';
import type { DataRequestEvent } from './data-request.events';
import { dataRequestId, dataRequestStreamId, decisionIdOf, requestIdOfDecision, requestIdOfStream } from './data-request.ids';
import type { DataRequestState } from './data-request.state';
import {
  citedClauses,
  DECISION_ID,
  denied,
  ICE,
  NOTICE_CLAUSE,
  OFFICER,
  officerOn,
  on,
  oversightOn,
  PROHIBITION,
  receiveFacts,
  received,
  roleFacts,
  REQUEST_ID,
  requestData,
  SHERIFF,
  SUBJECT,
} from './testing/data-request.fixtures';

const spec = deciderSpec(dataRequestDecider);

const receive = (data: Partial<typeof requestData> = {}, facts: Partial<typeof receiveFacts> = {}, metadata = officerOn('2017-10-02')): DataRequestCommand => ({
  type: 'ReceiveDataRequest',
  data: { ...requestData, ...data },
  facts: { ...receiveFacts, ...facts },
  metadata,
});

const decide = (data: Partial<DecideDataRequest['data']> = {}, date = '2017-10-03', facts: Partial<DecideDataRequest['facts']> = {}): DataRequestCommand => ({
  type: 'DecideDataRequest',
  data: {
    requestId: REQUEST_ID,
    outcome: 'DENIED',
    disclosedCategories: [],
    citations: [{ clauseId: PROHIBITION, version: 1 }],
    rationale: '  A detainer is not a judicial warrant. ',
    actionsTaken: [],
    ...data,
  },
  facts: { ...roleFacts(['officer']), citedClauses, ...facts },
  metadata: officerOn(date),
});

const disclose = (data: Partial<RecordDisclosure['data']> = {}, date = '2017-10-04', actorRoles = ['officer']): DataRequestCommand => ({
  type: 'RecordDisclosure',
  data: { requestId: REQUEST_ID, disclosedCategories: ['address'], channel: 'email', ...data },
  facts: roleFacts(actorRoles),
  metadata: officerOn(date),
});

const reviewIt = (data: Partial<ReviewDecision['data']> = {}, metadata = oversightOn('2017-11-01'), actorRoles = ['oversight']): DataRequestCommand => ({
  type: 'ReviewDecision',
  data: { requestId: REQUEST_ID, finding: 'upheld', reasons: ' The prohibition was respected. ', ...data },
  facts: roleFacts(actorRoles),
  metadata,
});

const correctIt = (data: Partial<CorrectDecision['data']> = {}, date = '2017-10-20', facts: Partial<CorrectDecision['facts']> = {}): DataRequestCommand => ({
  type: 'CorrectDecision',
  data: { requestId: REQUEST_ID, reason: ' entered the wrong outcome ', ...data },
  facts: { ...roleFacts(['officer']), citedClauses, ...facts },
  metadata: officerOn(date),
});

const decidedData = denied.data;
const grantedAddress = on('2017-10-03', {
  ...denied,
  data: { ...decidedData, outcome: 'PARTIALLY_GRANTED' as const, disclosedCategories: ['address'], rationale: 'Address only.' },
});

function stateAfter(events: DataRequestEvent[]): DataRequestState {
  return events.reduce(dataRequestDecider.evolve, dataRequestDecider.initialState);
}

describe('data-request decider', () => {
  describe('ReceiveDataRequest', () => {
    it('records the request as received, naming the resident only by reference', () => {
      spec.given([]).when(receive()).then([{ type: 'DataRequestReceived', data: requestData }]);
    });

    it('keeps personal details sealed under the subject key', () => {
      const personalDetails = { algorithm: 'AES-256-GCM' as const, keyId: SUBJECT, iv: 'aXY=', ciphertext: 'Y2lwaGVy', tag: 'dGFn' };
      spec
        .given([])
        .when(receive({ personalDetails }))
        .then([{ type: 'DataRequestReceived', data: { ...requestData, personalDetails } }]);
    });

    it('refuses to record the same request twice', () => {
      spec.given([received]).when(receive()).thenRefuses('CONFLICT', /already recorded/);
    });

    it('refuses a requesting organization that is not registered', () => {
      spec.given([]).when(receive({}, { requestingOrg: null })).thenRefuses('NOT_FOUND', /org:us-immigration-customs-enforcement is not registered/);
    });

    it.each<[string, { orgId: string; kind: 'DEPARTMENT' | 'LEGISLATURE' | 'EXECUTIVE' | 'COMMITTEE' }]>([
      ['the receiving department itself', { orgId: SHERIFF, kind: 'DEPARTMENT' }],
      ['another department', { orgId: HUMAN_SERVICES, kind: 'DEPARTMENT' }],
      ['the council', { orgId: COUNCIL, kind: 'LEGISLATURE' }],
      ["the mayor's office", { orgId: MAYORS_OFFICE, kind: 'EXECUTIVE' }],
      ['a committee', { orgId: COMMITTEE, kind: 'COMMITTEE' }],
    ])('refuses a request "from an outside agency" that is %s', (_, requestingOrg) => {
      spec
        .given([])
        .when(receive({ requestingOrgId: requestingOrg.orgId }, { requestingOrg }))
        .thenRefuses('BAD_USER_INPUT', `a data request comes from an outside agency (EXTERNAL_AGENCY); ${requestingOrg.orgId} is a ${requestingOrg.kind} of the city`);
    });

    it('refuses a receiving organization that is not registered', () => {
      spec.given([]).when(receive({}, { receivingOrg: null })).thenRefuses('NOT_FOUND', /org:denver-sheriff-department is not registered/);
    });

    it('refuses a receiving organization that is not a department', () => {
      spec
        .given([])
        .when(receive({}, { receivingOrg: { orgId: SHERIFF, kind: 'EXECUTIVE' } }))
        .thenRefuses('BAD_USER_INPUT', /received by a DEPARTMENT; org:denver-sheriff-department is a EXECUTIVE/);
    });

    it('refuses an officer of another department', () => {
      spec.given([]).when(receive({}, roleFacts([]))).thenRefuses('FORBIDDEN', /officers record requests only for their own department/);
    });

    it('refuses an account that is not an officer', () => {
      spec.given([]).when(receive({}, {}, officerOn('2017-10-02', 'clerk'))).thenRefuses('FORBIDDEN', /only officers .* acts as clerk/);
    });

    it.each<[string, Partial<typeof requestData>, RegExp]>([
      ['no data categories', { dataCategories: [] }, /dataCategories must list at least one entry/],
      ['a category twice', { dataCategories: ['address', 'address'] }, /dataCategories lists address twice/],
      ['a category that is not kebab-case', { dataCategories: ['Release Date'] }, /dataCategories\[0\] must be lowercase words joined by dashes/],
      ['10,000 data categories', { dataCategories: Array.from({ length: 10_000 }, (_, i) => `category-${i}`) }, /dataCategories lists 10000 entries; at most 100 are allowed/],
      ['an unknown action', { action: 'sell' as never }, /action must be one of share, notify, allow-access/],
      ['no recipient categories', { recipientCategories: [] }, /recipientCategories must list at least one entry/],
      ['a purpose that is not kebab-case', { purpose: 'Civil enforcement' }, /purpose must be lowercase words/],
      ['an unknown legal basis', { legalBasis: 'subpoena' as never }, /legalBasis must be one of none, detainer/],
      ['a channel that is not kebab-case', { channel: 'E-mail' }, /channel must be lowercase words/],
      ['a subject reference that is not pseudonymous', { subjectRef: 'A123456' }, /subjectRef must be a pseudonymous reference/],
      [
        'personal details sealed under another key',
        { personalDetails: { algorithm: 'AES-256-GCM', keyId: 'subj_ffffffffffffffffffffffffffffffff', iv: 'aQ==', ciphertext: 'Yw==', tag: 'dA==' } },
        /encrypted under the subject's own key/,
      ],
      ['a request id that is not data-request:<uuid>', { requestId: 'data-request:42' }, /requestId must look like data-request:<lowercase uuid>/],
    ])('refuses %s', (_, data, message) => {
      spec.given([]).when(receive(data)).thenRefuses('BAD_USER_INPUT', message);
    });
  });

  describe('DecideDataRequest', () => {
    it('records the decision: its id from the request, the officer, the department, the clause versions cited', () => {
      spec
        .given([received])
        .when(decide())
        .then([{ type: 'DataRequestDecided', data: { ...decidedData, rationale: 'A detainer is not a judicial warrant.' } }]);
    });

    it('cites the version in force on the decision date when none is named', () => {
      spec
        .given([received])
        .when(decide({ citations: [{ clauseId: NOTICE_CLAUSE }, { clauseId: PROHIBITION }] }, '2018-04-02'))
        .then([
          {
            type: 'DataRequestDecided',
            data: {
              ...decidedData,
              rationale: 'A detainer is not a judicial warrant.',
              citations: [
                { clauseId: NOTICE_CLAUSE, version: 2 },
                { clauseId: PROHIBITION, version: 1 },
              ],
            },
          },
        ]);
    });

    it('grants part of the request', () => {
      spec
        .given([received])
        .when(decide({ outcome: 'PARTIALLY_GRANTED', disclosedCategories: ['address'], rationale: 'Address only.' }))
        .then([grantedAddress].map(({ type, data }) => ({ type, data })));
    });

    it('grants the whole request, in any order, with the actions taken', () => {
      spec
        .given([received])
        .when(decide({ outcome: 'GRANTED', disclosedCategories: ['address', 'release-date-time'], actionsTaken: ['advise-of-rights'] }))
        .then([
          {
            type: 'DataRequestDecided',
            data: {
              ...decidedData,
              outcome: 'GRANTED',
              disclosedCategories: ['address', 'release-date-time'],
              rationale: 'A detainer is not a judicial warrant.',
              actionsTaken: ['advise-of-rights'],
            },
          },
        ]);
    });

    it('refuses a decision on a request never received', () => {
      spec.given([]).when(decide()).thenRefuses('NOT_FOUND', /is not recorded/);
    });

    it('refuses a second decision: the first is corrected instead', () => {
      spec.given([received, denied]).when(decide()).thenRefuses('CONFLICT', /already decided on 2017-10-03; correct the decision instead/);
    });

    it('refuses an officer of another department', () => {
      spec.given([received]).when(decide({}, '2017-10-03', roleFacts(['clerk']))).thenRefuses('FORBIDDEN', /only for their own department/);
    });

    it('refuses a decision dated before the request was received', () => {
      spec.given([received]).when(decide({}, '2017-10-01')).thenRefuses('BAD_USER_INPUT', /2017-10-01 is before the request was received on 2017-10-02/);
    });

    it.each<[string, Partial<DecideDataRequest['data']>, RegExp]>([
      ['an unknown outcome', { outcome: 'MAYBE' as never }, /outcome must be one of GRANTED, PARTIALLY_GRANTED, DENIED/],
      ['a denial that discloses something', { disclosedCategories: ['address'] }, /a DENIED decision discloses nothing, but disclosedCategories lists address/],
      ['a grant that withholds a category', { outcome: 'GRANTED', disclosedCategories: ['address'] }, /GRANTED decision .* withholds release-date-time \(use PARTIALLY_GRANTED\)/],
      ['a partial grant of everything', { outcome: 'PARTIALLY_GRANTED', disclosedCategories: ['release-date-time', 'address'] }, /withholds at least one .* \(use GRANTED\)/],
      ['a partial grant of nothing', { outcome: 'PARTIALLY_GRANTED' }, /discloses at least one category \(use DENIED\)/],
      ['a grant of a category not requested', { outcome: 'PARTIALLY_GRANTED', disclosedCategories: ['immigration-status'] }, /lists immigration-status, which the request did not ask for/],
      ['no citation', { citations: [] }, /citations must list at least one entry/],
      ['an empty rationale', { rationale: ' ' }, /rationale must not be empty/],
      ['an action taken twice', { actionsTaken: ['advise-of-rights', 'advise-of-rights'] }, /actionsTaken lists advise-of-rights twice/],
      ['101 citations', { citations: Array.from({ length: 101 }, (_, i) => ({ clauseId: `CB17-0766#sec_${i}` })) }, /citations lists 101 entries; at most 100 are allowed/],
      ['101 actions taken', { actionsTaken: Array.from({ length: 101 }, (_, i) => `action-${i}`) }, /actionsTaken lists 101 entries; at most 100 are allowed/],
    ])('refuses %s', (_, data, message) => {
      spec.given([received]).when(decide(data)).thenRefuses('BAD_USER_INPUT', message);
    });

    describe('citations: only clause versions in force on the decision date', () => {
      it.each<[string, CitationInput[], string, RegExp]>([
        ['a clause that does not exist', [{ clauseId: 'CB17-0766#sec_9' }], '2017-10-03', /cannot cite CB17-0766#sec_9: unknown \(no such clause\)/],
        ['a version that does not exist', [{ clauseId: PROHIBITION, version: 3 }], '2017-10-03', /cannot cite CB17-0766#sec_2__subsec_b v3: unknown \(no such version\)/],
        ['a version before it takes effect', [{ clauseId: NOTICE_CLAUSE, version: 2 }], '2017-10-03', /cannot cite CB17-0766#sec_4 v2: not yet in force on 2017-10-03 \(in force from 2018-03-01\)/],
        ['a clause of a measure not yet enacted', [{ clauseId: 'CB18-0200#sec_1', version: 1 }], '2018-04-02', /cannot cite CB18-0200#sec_1 v1: not yet in force on 2018-04-02/],
        ['a clause before its measure takes effect, without a version', [{ clauseId: 'CB18-0300#sec_1' }], '2018-04-02', /cannot cite CB18-0300#sec_1: not yet in force on 2018-04-02/],
        ['a version of a revoked order', [{ clauseId: 'EO-2017-142#sec_1', version: 1 }], '2018-04-02', /cannot cite EO-2017-142#sec_1 v1: repealed \(no longer in force from 2018-01-11\)/],
        ['a revoked order, without a version', [{ clauseId: 'EO-2017-142#sec_1' }], '2018-04-02', /cannot cite EO-2017-142#sec_1: repealed \(no longer in force from 2018-01-11\)/],
        ['a version a later one replaced', [{ clauseId: NOTICE_CLAUSE, version: 1 }], '2018-04-02', /cannot cite CB17-0766#sec_4 v1: superseded on 2018-04-02 \(v2 was in force that day\)/],
        ['the same clause twice', [{ clauseId: PROHIBITION }, { clauseId: PROHIBITION, version: 1 }], '2017-10-03', /citations cite CB17-0766#sec_2__subsec_b twice/],
        ['something that is not a clause id', [{ clauseId: 'section 2' }], '2017-10-03', /citations\[0\]\.clauseId must look like CB17-0766#sec_2__subsec_b/],
        ['a version that is not a whole number', [{ clauseId: PROHIBITION, version: 0 }], '2017-10-03', /citations\[0\]\.version must be a whole number from 1/],
      ])('refuses %s', (_, citations, date, message) => {
        spec.given([received]).when(decide({ citations }, date)).thenRefuses('BAD_USER_INPUT', message);
      });

      it('names the citation at fault', () => {
        let error: unknown;
        try {
          citedVersion({ clauseId: NOTICE_CLAUSE, version: 1 }, citedClauses[NOTICE_CLAUSE], '2018-04-02', 'citations[1]');
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).field).toBe('citations[1]');
      });

      it('takes the facts from the clause history: Denver sec_2__subsec_b amended by another measure from 2018-03-01', () => {
        const amended = onMeasure('2018-02-20', {
          type: 'ClauseAmended' as const,
          data: {
            measureId: MEASURE,
            eId: 'sec_2__subsec_b',
            version: 2,
            heading: null,
            text: 'Amended.',
            rule: null,
            adoptedByVoteId: null,
            byMeasureId: OTHER_MEASURE,
            effectiveFrom: '2018-03-01',
          },
        });
        const history = clauseHistoryOf([...ordinance.enacted, amended])!;
        const facts = { ...roleFacts(['officer']), citedClauses: { [PROHIBITION]: history.clauses.get('sec_2__subsec_b') ?? null } };
        expect(clauseId(history.measureId, 'sec_2__subsec_b')).toBe(PROHIBITION);
        spec.given([received]).when(decide({}, '2018-04-02', facts)).thenRefuses('BAD_USER_INPUT', /v1: superseded on 2018-04-02 \(v2 was in force that day\)/);
        spec.given([received]).when(decide({}, '2018-02-28', facts)).then([{ type: 'DataRequestDecided', data: { ...decidedData, rationale: 'A detainer is not a judicial warrant.' } }]);
      });

      it('treats a cited clause missing from the facts as a wiring bug, not a refusal', () => {
        const command = decide({}, '2017-10-03', { citedClauses: {} });
        expect(() => dataRequestDecider.decide(command, stateAfter([received]))).toThrow(/facts.citedClauses has no entry for CB17-0766#sec_2__subsec_b/);
      });
    });
  });

  describe('RecordDisclosure', () => {
    it('records what was handed over', () => {
      spec
        .given([received, grantedAddress])
        .when(disclose())
        .then([{ type: 'DisclosureRecorded', data: { requestId: REQUEST_ID, decisionId: DECISION_ID, disclosedCategories: ['address'], channel: 'email' } }]);
    });

    it('records a disclosure beyond the grant all the same: the ledger records what happened', () => {
      spec
        .given([received, denied])
        .when(disclose({ disclosedCategories: ['release-date-time'], channel: 'phone' }))
        .then([{ type: 'DisclosureRecorded', data: { requestId: REQUEST_ID, decisionId: DECISION_ID, disclosedCategories: ['release-date-time'], channel: 'phone' } }]);
    });

    it('refuses a disclosure before any decision', () => {
      spec.given([received]).when(disclose()).thenRefuses('CONFLICT', /cannot record a disclosure for .* it is not decided yet/);
    });

    it('refuses a disclosure for a request never received', () => {
      spec.given([]).when(disclose()).thenRefuses('NOT_FOUND', /is not recorded/);
    });

    it('refuses an officer of another department', () => {
      spec.given([received, denied]).when(disclose({}, '2017-10-04', [])).thenRefuses('FORBIDDEN', /only for their own department/);
    });

    it('refuses a disclosure dated before the decision', () => {
      spec.given([received, denied]).when(disclose({}, '2017-10-02')).thenRefuses('BAD_USER_INPUT', /before the decision on 2017-10-03/);
    });

    it.each<[string, Partial<RecordDisclosure['data']>, RegExp]>([
      ['no categories', { disclosedCategories: [] }, /disclosedCategories must list at least one entry/],
      ['a channel that is not kebab-case', { channel: 'by hand' }, /channel must be lowercase words/],
    ])('refuses %s', (_, data, message) => {
      spec.given([received, denied]).when(disclose(data)).thenRefuses('BAD_USER_INPUT', message);
    });
  });

  describe('ReviewDecision', () => {
    it('records oversight’s finding, by the reviewing account', () => {
      spec
        .given([received, denied])
        .when(reviewIt())
        .then([
          {
            type: 'DecisionReviewed',
            data: { requestId: REQUEST_ID, decisionId: DECISION_ID, finding: 'upheld', reasons: 'The prohibition was respected.', reviewedBy: 'person:test-auditor' },
          },
        ]);
    });

    it('refuses anyone but oversight', () => {
      spec.given([received, denied]).when(reviewIt({}, officerOn('2017-11-01'))).thenRefuses('FORBIDDEN', /only oversight reviews decisions/);
    });

    it('refuses a review before any decision', () => {
      spec.given([received]).when(reviewIt()).thenRefuses('CONFLICT', /cannot review .* not decided yet/);
    });

    it.each<[string, Partial<ReviewDecision['data']>, RegExp]>([
      ['an unknown finding', { finding: 'fine' as never }, /finding must be one of upheld, violation/],
      ['no reasons', { reasons: '' }, /reasons must not be empty/],
    ])('refuses %s', (_, data, message) => {
      spec.given([received, denied]).when(reviewIt(data)).thenRefuses('BAD_USER_INPUT', message);
    });
  });

  describe('CorrectDecision', () => {
    it('records only the fields that change, with the reason', () => {
      spec
        .given([received, denied])
        .when(correctIt({ outcome: 'PARTIALLY_GRANTED', disclosedCategories: ['address'], rationale: 'A detainer is not a judicial warrant.' }))
        .then([
          {
            type: 'DecisionCorrected',
            data: {
              requestId: REQUEST_ID,
              decisionId: DECISION_ID,
              corrections: { outcome: 'PARTIALLY_GRANTED', disclosedCategories: ['address'] },
              reason: 'entered the wrong outcome',
            },
          },
        ]);
    });

    it('judges the corrected whole: a denial cannot keep granted categories', () => {
      spec.given([received, grantedAddress]).when(correctIt({ outcome: 'DENIED' })).thenRefuses('BAD_USER_INPUT', /a DENIED decision discloses nothing/);
    });

    it('checks corrected citations on the original decision date, not on the day of the correction', () => {
      spec
        .given([received, denied])
        .when(correctIt({ citations: [{ clauseId: PROHIBITION }, { clauseId: NOTICE_CLAUSE }] }, '2018-04-02'))
        .then([
          {
            type: 'DecisionCorrected',
            data: {
              requestId: REQUEST_ID,
              decisionId: DECISION_ID,
              corrections: {
                citations: [
                  { clauseId: PROHIBITION, version: 1 },
                  { clauseId: NOTICE_CLAUSE, version: 1 },
                ],
              },
              reason: 'entered the wrong outcome',
            },
          },
        ]);
      spec
        .given([received, denied])
        .when(correctIt({ citations: [{ clauseId: NOTICE_CLAUSE, version: 2 }] }, '2018-04-02'))
        .thenRefuses('BAD_USER_INPUT', /CB17-0766#sec_4 v2: not yet in force on 2017-10-03/);
    });

    it('applies earlier corrections before judging a new one', () => {
      const corrected = on('2017-10-10', {
        type: 'DecisionCorrected' as const,
        data: { requestId: REQUEST_ID, decisionId: DECISION_ID, corrections: { rationale: 'Corrected.' }, reason: 'r' },
      });
      spec.given([received, denied, corrected]).when(correctIt({ rationale: 'Corrected.' })).thenRefuses('BAD_USER_INPUT', /changes nothing/);
    });

    it('refuses a correction that changes nothing, whatever the order of the lists', () => {
      const granted = on('2017-10-03', { ...denied, data: { ...decidedData, outcome: 'GRANTED' as const, disclosedCategories: ['release-date-time', 'address'] } });
      spec
        .given([received, granted])
        .when(correctIt({ outcome: 'GRANTED', disclosedCategories: ['address', 'release-date-time'], citations: [{ clauseId: PROHIBITION }] }))
        .thenRefuses('BAD_USER_INPUT', /the correction changes nothing in the decision/);
    });

    it('refuses a correction before any decision', () => {
      spec.given([received]).when(correctIt()).thenRefuses('CONFLICT', /not decided yet/);
    });

    it('refuses a correction without a reason', () => {
      spec.given([received, denied]).when(correctIt({ reason: ' ', rationale: 'New.' })).thenRefuses('BAD_USER_INPUT', /reason must not be empty/);
    });

    it('refuses an officer of another department', () => {
      spec.given([received, denied]).when(correctIt({ rationale: 'New.' }, '2017-10-20', roleFacts([]))).thenRefuses('FORBIDDEN', /own department/);
    });
  });

  describe('state', () => {
    it('keeps the original decision date, the decision as corrected and the disclosures', () => {
      const corrected = on('2017-10-10', {
        type: 'DecisionCorrected' as const,
        data: { requestId: REQUEST_ID, decisionId: DECISION_ID, corrections: { outcome: 'PARTIALLY_GRANTED' as const, disclosedCategories: ['address'] }, reason: 'r' },
      });
      const disclosed = on('2017-10-11', {
        type: 'DisclosureRecorded' as const,
        data: { requestId: REQUEST_ID, decisionId: DECISION_ID, disclosedCategories: ['address'], channel: 'email' },
      });
      const state = stateAfter([received, denied, corrected, disclosed]);
      expect(state).toMatchObject({
        exists: true,
        requestId: REQUEST_ID,
        requestingOrgId: ICE,
        receivingOrgId: SHERIFF,
        requestedCategories: ['release-date-time', 'address'],
        receivedDate: '2017-10-02',
        decided: true,
        decisionDate: '2017-10-03',
        decision: { outcome: 'PARTIALLY_GRANTED', disclosedCategories: ['address'], decidedBy: OFFICER, citations: [{ clauseId: PROHIBITION, version: 1 }] },
        disclosures: [{ disclosedCategories: ['address'], channel: 'email', date: '2017-10-11' }],
      });
    });
  });

  it('derives the stream and the decision from the request id, and back', () => {
    const uuid = '3f0c8a7e-6b1d-4c2e-9a5f-1d2e3f4a5b6c';
    expect(dataRequestId(uuid)).toBe(REQUEST_ID);
    expect(dataRequestStreamId(REQUEST_ID)).toBe(`data-request-${uuid}`);
    expect(requestIdOfStream(`data-request-${uuid}`)).toBe(REQUEST_ID);
    expect(decisionIdOf(REQUEST_ID)).toBe(`decision:${uuid}`);
    expect(requestIdOfDecision(`decision:${uuid}`)).toBe(REQUEST_ID);
    expect(requestIdOfStream('measure-CB17-0766')).toBeNull();
    expect(requestIdOfDecision(REQUEST_ID)).toBeNull();
    expect(() => dataRequestId('3F0C8A7E-6B1D-4C2E-9A5F-1D2E3F4A5B6C')).toThrow(/lowercase uuid/);
    expect(() => dataRequestStreamId('data-request-' + uuid)).toThrow(/requestId must look like/);
  });
});
