import { ICE, ORDINANCE, SHERIFF } from '@ledger/scenarios';
import type { Role } from '../../shared/actor';
import type { CommandMetadata } from '../../shared/decider';
import type { CitedClauseVersion, DepartmentRoleFacts, ReceiveDataRequest } from '../data-request.commands';
import type { DataRequestDecided, DataRequestEvent, DataRequestReceived } from '../data-request.events';

/*
 * A request from ICE to the Denver Sheriff Department for an inmate's release date and time, in the
 * months after the 2017 ordinance: received on 2 October 2017 and decided the next day. Dates are
 * the acts' UTC days.
 */

export const REQUEST_ID = 'data-request:3f0c8a7e-6b1d-4c2e-9a5f-1d2e3f4a5b6c';
export const DECISION_ID = 'decision:3f0c8a7e-6b1d-4c2e-9a5f-1d2e3f4a5b6c';
export { ICE, SHERIFF };
export const OFFICER = 'person:test-officer';
export const SUBJECT = 'subj_0123456789abcdef0123456789abcdef';
export const PROHIBITION = `${ORDINANCE}#sec_2__subsec_b`;
export const NOTICE_CLAUSE = `${ORDINANCE}#sec_4`;

export function officerOn(date: string, role: Role = 'officer'): CommandMetadata {
  return { actor: { id: OFFICER, name: 'Test Officer', role }, occurredAt: `${date}T16:00:00Z`, now: '2026-11-22T12:00:00Z' };
}

export function oversightOn(date: string, role: Role = 'oversight'): CommandMetadata {
  return { actor: { id: 'person:test-auditor', name: 'Test Auditor', role }, occurredAt: `${date}T16:00:00Z`, now: '2026-11-22T12:00:00Z' };
}

/** A stored event as the application folds it: the payload with its envelope's occurredAt. */
export function on<E extends DataRequestEvent>(date: string, event: E): E {
  return { ...event, occurredAt: `${date}T16:00:00Z` };
}

export const requestData: DataRequestReceived['data'] = {
  requestId: REQUEST_ID,
  requestingOrgId: ICE,
  receivingOrgId: SHERIFF,
  dataCategories: ['release-date-time', 'address'],
  action: 'share',
  recipientCategories: ['federal-immigration-enforcement'],
  purpose: 'civil-immigration-enforcement',
  legalBasis: 'detainer',
  channel: 'fax',
  subjectRef: SUBJECT,
  personalDetails: null,
};

/** The acting person's roles in the department on the act's date and, unless said otherwise, the same on the recording date. */
export function roleFacts(onActDate: string[], now: string[] = onActDate): DepartmentRoleFacts {
  return { actorRoles: onActDate, actorRolesNow: now };
}

export const receiveFacts: ReceiveDataRequest['facts'] = {
  ...roleFacts(['officer']),
  requestingOrg: { orgId: ICE, kind: 'EXTERNAL_AGENCY' },
  receivingOrg: { orgId: SHERIFF, kind: 'DEPARTMENT' },
};

export const received: DataRequestReceived = on('2017-10-02', { type: 'DataRequestReceived', data: requestData });

export const denied: DataRequestDecided = on('2017-10-03', {
  type: 'DataRequestDecided',
  data: {
    requestId: REQUEST_ID,
    decisionId: DECISION_ID,
    outcome: 'DENIED',
    disclosedCategories: [],
    decidedBy: OFFICER,
    decidingOrgId: SHERIFF,
    citations: [{ clauseId: PROHIBITION, version: 1 }],
    rationale: 'A detainer is not a judicial warrant.',
    actionsTaken: [],
  },
});

/**
 * The cited clauses' versions: the prohibition in force from the ordinance's enactment; section 4
 * amended by another ordinance from 2018-03-01; a clause of a measure not yet enacted; one repealed.
 */
export const citedClauses: Record<string, CitedClauseVersion[] | null> = {
  [PROHIBITION]: [{ version: 1, validFrom: '2017-09-01', validUntil: null }],
  [NOTICE_CLAUSE]: [
    { version: 1, validFrom: '2017-09-01', validUntil: '2018-03-01' },
    { version: 2, validFrom: '2018-03-01', validUntil: null },
  ],
  'CB18-0200#sec_1': [{ version: 1, validFrom: null, validUntil: null }],
  'CB18-0300#sec_1': [{ version: 1, validFrom: '2018-05-01', validUntil: null }],
  'EO-2017-142#sec_1': [{ version: 1, validFrom: '2017-08-31', validUntil: '2018-01-11' }],
  'CB17-0766#sec_9': null,
};
