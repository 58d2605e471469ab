import { deciderSpec } from '@ledger/decider-testing';
import type { CommandMetadata } from '../shared/decider';
import { actedByOf } from '../shared/officeholder';
import type { DataRequestCommand, DepartmentRoleFacts } from './data-request.commands';
import { dataRequestDecider } from './data-request.decider';
import type { DataRequestEvent } from './data-request.events';
import {
  citedClauses,
  DECISION_ID,
  denied,
  ICE,
  OFFICER,
  officerOn,
  oversightOn,
  PROHIBITION,
  received,
  REQUEST_ID,
  requestData,
  roleFacts,
  SHERIFF,
} from './testing/data-request.fixtures';

/*
 * Who may record an officer's or oversight's act on a data request (libs/domain/README.md,
 * "Office holders' acts"): the officer (or the department's oversight) in post on the act's date
 * and on the day it is recorded; or a clerk, on behalf of whoever held the post on the act's date.
 */

const spec = deciderSpec(dataRequestDecider);
const clerkOn = (date: string): CommandMetadata => ({ ...officerOn(date), actor: { id: 'person:test-clerk', name: 'Test Clerk', role: 'clerk' } });
const AUDITOR = 'person:test-auditor';
const SOMEONE_ELSE = 'person:someone-else';

interface DepartmentAct {
  role: 'officer' | 'oversight';
  /** the person who held the post, and how their own account acts */
  holder: string;
  inPerson(date: string): CommandMetadata;
  given: DataRequestEvent[];
  date: string;
  command(metadata: CommandMetadata, facts: DepartmentRoleFacts, onBehalfOf?: string | null): DataRequestCommand;
  /** what the act records when a clerk records it on the holder's behalf */
  recordedFor(holder: string): DataRequestEvent;
}

const officerAct = { role: 'officer' as const, holder: OFFICER, inPerson: (date: string) => officerOn(date) };
const ACTS: Record<string, DepartmentAct> = {
  "an officer's receipt of a request": {
    ...officerAct,
    given: [],
    date: '2017-10-02',
    command: (metadata, facts, onBehalfOf) => ({
      type: 'ReceiveDataRequest',
      data: { ...requestData, onBehalfOf },
      facts: { ...facts, requestingOrg: { orgId: ICE, kind: 'EXTERNAL_AGENCY' }, receivingOrg: { orgId: SHERIFF, kind: 'DEPARTMENT' } },
      metadata,
    }),
    recordedFor: (holder) => ({ type: 'DataRequestReceived', data: { ...requestData, onBehalfOf: holder } }),
  },
  "an officer's decision": {
    ...officerAct,
    given: [received],
    date: '2017-10-03',
    command: (metadata, facts, onBehalfOf) => ({
      type: 'DecideDataRequest',
      data: {
        requestId: REQUEST_ID, outcome: 'DENIED', disclosedCategories: [], citations: [{ clauseId: PROHIBITION, version: 1 }],
        rationale: 'A detainer is not a judicial warrant.', actionsTaken: [], onBehalfOf,
      },
      facts: { ...facts, citedClauses },
      metadata,
    }),
    recordedFor: (holder) => ({ type: 'DataRequestDecided', data: { ...denied.data, decidedBy: holder } }),
  },
  "an officer's disclosure": {
    ...officerAct,
    given: [received, denied],
    date: '2017-10-04',
    command: (metadata, facts, onBehalfOf) => ({
      type: 'RecordDisclosure',
      data: { requestId: REQUEST_ID, disclosedCategories: ['address'], channel: 'email', onBehalfOf },
      facts,
      metadata,
    }),
    recordedFor: (holder) => ({
      type: 'DisclosureRecorded',
      data: { requestId: REQUEST_ID, decisionId: DECISION_ID, disclosedCategories: ['address'], channel: 'email', onBehalfOf: holder },
    }),
  },
  "an officer's correction": {
    ...officerAct,
    given: [received, denied],
    date: '2017-10-20',
    command: (metadata, facts, onBehalfOf) => ({
      type: 'CorrectDecision',
      data: { requestId: REQUEST_ID, rationale: 'No warrant.', reason: 'clearer', onBehalfOf },
      facts: { ...facts, citedClauses },
      metadata,
    }),
    recordedFor: (holder) => ({
      type: 'DecisionCorrected',
      data: { requestId: REQUEST_ID, decisionId: DECISION_ID, corrections: { rationale: 'No warrant.' }, reason: 'clearer', onBehalfOf: holder },
    }),
  },
  "oversight's review": {
    role: 'oversight',
    holder: AUDITOR,
    inPerson: (date) => oversightOn(date),
    given: [received, denied],
    date: '2017-11-01',
    command: (metadata, facts, onBehalfOf) => ({
      type: 'ReviewDecision',
      data: { requestId: REQUEST_ID, finding: 'upheld', reasons: 'Respected.', onBehalfOf },
      facts,
      metadata,
    }),
    recordedFor: (holder) => ({
      type: 'DecisionReviewed',
      data: { requestId: REQUEST_ID, decisionId: DECISION_ID, finding: 'upheld', reasons: 'Respected.', reviewedBy: holder },
    }),
  },
};

describe.each(Object.entries(ACTS))('who may record %s', (_, act) => {
  // The record: the holder was in post on the act's date, and no longer is today.
  const leftPost = roleFacts([act.role], []);
  const inPost = roleFacts([act.role]);
  const notInPost = new RegExp(`${act.holder} (is not an officer of|does not hold the role oversight in) ${SHERIFF} on 2026-11-22, the day this is recorded`);

  it('refuses the holder in person once out of post, however the act is dated', () => {
    spec.given(act.given).when(act.command(act.inPerson(act.date), leftPost)).thenRefuses('FORBIDDEN', notInPost);
  });

  it('records it from a clerk on behalf of the holder of that date, naming them, though they left the post', () => {
    spec.given(act.given).when(act.command(clerkOn(act.date), leftPost, act.holder)).then([act.recordedFor(act.holder)]);
  });

  it('refuses a clerk on behalf of someone not in post on that date', () => {
    spec
      .given(act.given)
      .when(act.command(clerkOn(act.date), roleFacts([], [act.role]), SOMEONE_ELSE))
      .thenRefuses('FORBIDDEN', new RegExp(`${SOMEONE_ELSE} (is not an officer of|does not hold the role oversight in) ${SHERIFF} on ${act.date}$`));
  });

  it('refuses a clerk acting without naming the holder', () => {
    spec.given(act.given).when(act.command(clerkOn(act.date), inPost)).thenRefuses('FORBIDDEN', /acts as clerk, who records it on behalf of whoever held the office that day \(onBehalfOf\)/);
  });

  it('refuses onBehalfOf from anyone but a clerk, the holder included', () => {
    spec
      .given(act.given)
      .when(act.command(act.inPerson(act.date), inPost, SOMEONE_ELSE))
      .thenRefuses('FORBIDDEN', new RegExp(`only a clerk records an act on behalf of someone else; ${act.holder} acts as ${act.role}`));
  });
});

describe('whose act an event records', () => {
  it('is the office holder its payload names, else (null) the account that recorded it', () => {
    expect(actedByOf(ACTS["an officer's disclosure"].recordedFor(OFFICER))).toBe(OFFICER);
    expect(actedByOf({ type: 'DisclosureRecorded', data: { requestId: REQUEST_ID, decisionId: DECISION_ID, disclosedCategories: ['address'], channel: 'email' } })).toBeNull();
    expect(actedByOf(denied)).toBe(OFFICER);
    expect(actedByOf(ACTS["oversight's review"].recordedFor(AUDITOR))).toBe(AUDITOR);
    expect(actedByOf({ type: 'MeasureSigned', data: { measureId: 'CB17-0766', signedBy: 'person:michael-hancock' } })).toBe('person:michael-hancock');
  });
});
