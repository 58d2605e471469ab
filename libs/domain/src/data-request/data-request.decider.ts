import { namedOrganization } from '../organization/organization.facts';
import { assertNever, type CommandMetadata, type Decider } from '../shared/decider';
import { actDate } from '../shared/date-rules';
import { badInput, conflict, notFound } from '../shared/domain-error';
import { officeholderActing, recordedFor, type OnBehalfOf } from '../shared/officeholder';
import { requiredSlug, requiredText, slugList } from '../shared/text-rules';
import { checkedCitations } from './data-request.citations';
import type {
  CorrectDecision,
  DataRequestCommand,
  DecideDataRequest,
  DepartmentRoleFacts,
  ReceiveDataRequest,
  ReceiveFacts,
  RecordDisclosure,
  ReviewDecision,
} from './data-request.commands';
import type {
  Citation,
  DataRequestAction,
  DataRequestEvent,
  DecisionCorrections,
  DecisionOutcome,
  EncryptedDetails,
  LegalBasis,
  ReviewFinding,
} from './data-request.events';
import { assertRequestId, decisionIdOf } from './data-request.ids';
import {
  evolveDataRequest,
  initialDataRequestState,
  type DataRequestState,
  type RecordedDataRequest,
  type RecordedDecision,
} from './data-request.state';

// The limits of the event schemas, so a refusal names the field before the schema check would.
const RATIONALE_MAX = 5000;
const REASONS_MAX = 5000;
const REASON_MAX = 1000;
const ACTIONS: readonly DataRequestAction[] = ['share', 'notify', 'allow-access'];
const LEGAL_BASES: readonly LegalBasis[] = ['none', 'detainer', 'administrative-warrant', 'judicial-warrant', 'court-order'];
const OUTCOMES: readonly DecisionOutcome[] = ['GRANTED', 'PARTIALLY_GRANTED', 'DENIED'];
const FINDINGS: readonly ReviewFinding[] = ['upheld', 'violation'];
const SUBJECT_REF = /^subj_[0-9a-f]{32}$/;

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value as T)) throw badInput(`${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`, field);
  return value as T;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item) => b.includes(item));
const citationKeys = (citations: readonly Citation[]) => citations.map((c) => `${c.clauseId} v${c.version}`);

/**
 * Officers act for their own department only, and oversight reviews the departments it oversees:
 * the acting person must hold that role in the receiving department, on the act's date and, acting
 * in person, on the day it is recorded (the account outlives the post); or a clerk records the act
 * on behalf of whoever held it that day (shared/officeholder.ts). Returns whose act it is.
 */
function actingInDepartment(command: { metadata: CommandMetadata; data: OnBehalfOf; facts: DepartmentRoleFacts }, role: 'officer' | 'oversight', orgId: string): string {
  const { metadata, data, facts } = command;
  const act =
    role === 'officer'
      ? {
          refusal: 'only officers record data requests and decisions',
          notHeld: (person: string, date: string) => `officers record requests only for their own department: ${person} is not an officer of ${orgId} on ${date}`,
        }
      : {
          refusal: 'only oversight reviews decisions',
          notHeld: (person: string, date: string) => `oversight reviews only the departments it oversees: ${person} does not hold the role oversight in ${orgId} on ${date}`,
        };
  return officeholderActing(metadata, data.onBehalfOf, {
    role,
    ...act,
    heldOnActDate: facts.actorRoles.includes(role),
    heldWhenRecorded: facts.actorRolesNow.includes(role),
  });
}

function recordedRequest(state: DataRequestState, requestId: unknown): RecordedDataRequest {
  assertRequestId(requestId);
  if (!state.exists) throw notFound(`${requestId} is not recorded`, 'requestId');
  return state;
}

/** The decision that disclosures, reviews and corrections follow. */
function decisionOf(request: RecordedDataRequest, action: string): RecordedDecision {
  if (request.decision === null) throw conflict(`cannot ${action} ${request.requestId}: it is not decided yet`);
  return request.decision;
}

/** Nothing can follow the act it depends on in time: a decision its request, a disclosure its decision. */
function assertNotBefore(date: string, earlier: string | null, what: string, field = 'occurredAt'): void {
  if (earlier !== null && date < earlier) throw badInput(`${date} is before ${what} on ${earlier}`, field);
}

// What the ledger records is the city's handling of requests from outside it: a department, the
// council or any other city body asking a department is internal business, not a data request.
function requestingAgency(facts: ReceiveFacts, orgId: unknown): string {
  const org = namedOrganization(facts.requestingOrg, orgId, 'requestingOrgId');
  if (org.kind !== 'EXTERNAL_AGENCY') {
    throw badInput(`a data request comes from an outside agency (EXTERNAL_AGENCY); ${org.orgId} is a ${org.kind} of the city`, 'requestingOrgId');
  }
  return org.orgId;
}

function receivingDepartment(facts: ReceiveFacts, orgId: unknown): string {
  const org = namedOrganization(facts.receivingOrg, orgId, 'receivingOrgId');
  if (org.kind !== 'DEPARTMENT') throw badInput(`a data request is received by a DEPARTMENT; ${org.orgId} is a ${org.kind}`, 'receivingOrgId');
  return org.orgId;
}

function subjectRef(value: unknown): string {
  if (typeof value !== 'string' || !SUBJECT_REF.test(value)) throw badInput('subjectRef must be a pseudonymous reference (subj_ and 32 hex digits)', 'subjectRef');
  return value;
}

// Erasing the subject's key must erase these details: they must be sealed under that very key.
function personalDetails(value: EncryptedDetails | null | undefined, ref: string): EncryptedDetails | null {
  if (value === undefined || value === null) return null;
  if (value.algorithm !== 'AES-256-GCM') throw badInput('personalDetails must be encrypted with AES-256-GCM', 'personalDetails.algorithm');
  if (value.keyId !== ref) throw badInput("personalDetails must be encrypted under the subject's own key (keyId = subjectRef)", 'personalDetails.keyId');
  return value;
}

function receive(command: ReceiveDataRequest, state: DataRequestState): DataRequestEvent[] {
  const { data, facts, metadata } = command;
  assertRequestId(data.requestId);
  if (state.exists) throw conflict(`${data.requestId} is already recorded`, 'requestId');
  const requestingOrgId = requestingAgency(facts, data.requestingOrgId);
  const receivingOrgId = receivingDepartment(facts, data.receivingOrgId);
  const officer = actingInDepartment(command, 'officer', receivingOrgId);
  const ref = subjectRef(data.subjectRef);
  return [
    {
      type: 'DataRequestReceived',
      data: {
        requestId: data.requestId,
        requestingOrgId,
        receivingOrgId,
        dataCategories: slugList(data.dataCategories, 'dataCategories', 1),
        action: oneOf(data.action, ACTIONS, 'action'),
        recipientCategories: slugList(data.recipientCategories, 'recipientCategories', 1),
        purpose: requiredSlug(data.purpose, 'purpose'),
        legalBasis: oneOf(data.legalBasis, LEGAL_BASES, 'legalBasis'),
        channel: requiredSlug(data.channel, 'channel'),
        subjectRef: ref,
        personalDetails: personalDetails(data.personalDetails, ref),
        ...recordedFor(officer, metadata),
      },
    },
  ];
}

/** What an outcome allows to be granted: nothing, all that was asked, or part of it. */
function assertGrantFitsOutcome(outcome: DecisionOutcome, granted: readonly string[], requested: readonly string[]): void {
  const unasked = granted.filter((category) => !requested.includes(category));
  if (unasked.length > 0) throw badInput(`disclosedCategories lists ${unasked.join(', ')}, which the request did not ask for`, 'disclosedCategories');
  switch (outcome) {
    case 'DENIED':
      if (granted.length > 0) throw badInput(`a DENIED decision discloses nothing, but disclosedCategories lists ${granted.join(', ')}`, 'disclosedCategories');
      return;
    case 'GRANTED': {
      const withheld = requested.filter((category) => !granted.includes(category));
      if (withheld.length > 0) {
        throw badInput(`a GRANTED decision discloses every requested category; it withholds ${withheld.join(', ')} (use PARTIALLY_GRANTED)`, 'disclosedCategories');
      }
      return;
    }
    case 'PARTIALLY_GRANTED':
      if (granted.length === 0) throw badInput('a PARTIALLY_GRANTED decision discloses at least one category (use DENIED)', 'disclosedCategories');
      if (granted.length === requested.length) throw badInput('a PARTIALLY_GRANTED decision withholds at least one requested category (use GRANTED)', 'disclosedCategories');
      return;
    default:
      return assertNever(outcome);
  }
}

interface DecisionTerms {
  outcome: DecisionOutcome;
  disclosedCategories: string[];
  rationale: string;
  actionsTaken: string[];
}

/** The terms of a decision, judged whole: the outcome and the grant must agree with each other and the request. */
function checkedTerms(input: { [K in keyof DecisionTerms]: unknown }, requested: readonly string[]): DecisionTerms {
  const outcome = oneOf(input.outcome, OUTCOMES, 'outcome');
  const disclosedCategories = slugList(input.disclosedCategories, 'disclosedCategories');
  assertGrantFitsOutcome(outcome, disclosedCategories, requested);
  return {
    outcome,
    disclosedCategories,
    rationale: requiredText(input.rationale, 'rationale', RATIONALE_MAX),
    actionsTaken: slugList(input.actionsTaken, 'actionsTaken'),
  };
}

function decide(command: DecideDataRequest, state: DataRequestState): DataRequestEvent[] {
  const { data, facts, metadata } = command;
  const request = recordedRequest(state, data.requestId);
  const date = actDate(metadata);
  const officer = actingInDepartment(command, 'officer', request.receivingOrgId);
  if (request.decided) throw conflict(`${request.requestId} was already decided${request.decisionDate ? ` on ${request.decisionDate}` : ''}; correct the decision instead`);
  assertNotBefore(date, request.receivedDate, 'the request was received');
  const terms = checkedTerms(data, request.requestedCategories);
  const citations = checkedCitations(data.citations, facts, date);
  return [
    {
      type: 'DataRequestDecided',
      data: {
        requestId: request.requestId,
        decisionId: decisionIdOf(request.requestId),
        outcome: terms.outcome,
        disclosedCategories: terms.disclosedCategories,
        decidedBy: officer,
        decidingOrgId: request.receivingOrgId,
        citations,
        rationale: terms.rationale,
        actionsTaken: terms.actionsTaken,
      },
    },
  ];
}

function recordDisclosure(command: RecordDisclosure, state: DataRequestState): DataRequestEvent[] {
  const { data, facts, metadata } = command;
  const request = recordedRequest(state, data.requestId);
  const date = actDate(metadata);
  const officer = actingInDepartment(command, 'officer', request.receivingOrgId);
  const decision = decisionOf(request, 'record a disclosure for');
  assertNotBefore(date, request.decisionDate, 'the decision');
  // Categories beyond the grant are recorded all the same: the compliance assessment flags them.
  const disclosedCategories = slugList(data.disclosedCategories, 'disclosedCategories', 1);
  return [
    {
      type: 'DisclosureRecorded',
      data: {
        requestId: request.requestId,
        decisionId: decision.decisionId,
        disclosedCategories,
        channel: requiredSlug(data.channel, 'channel'),
        ...recordedFor(officer, metadata),
      },
    },
  ];
}

function review(command: ReviewDecision, state: DataRequestState): DataRequestEvent[] {
  const { data, metadata } = command;
  const request = recordedRequest(state, data.requestId);
  const reviewer = actingInDepartment(command, 'oversight', request.receivingOrgId);
  const decision = decisionOf(request, 'review');
  assertNotBefore(actDate(metadata), request.decisionDate, 'the decision');
  return [
    {
      type: 'DecisionReviewed',
      data: {
        requestId: request.requestId,
        decisionId: decision.decisionId,
        finding: oneOf(data.finding, FINDINGS, 'finding'),
        reasons: requiredText(data.reasons, 'reasons', REASONS_MAX),
        reviewedBy: reviewer,
      },
    },
  ];
}

/** Only the fields whose corrected value differs from the recorded one. */
function changedTerms(before: DecisionTerms & { citations: Citation[] }, after: DecisionTerms, citations: Citation[] | null): DecisionCorrections {
  const corrections: DecisionCorrections = {};
  if (after.outcome !== before.outcome) corrections.outcome = after.outcome;
  if (!sameSet(after.disclosedCategories, before.disclosedCategories)) corrections.disclosedCategories = after.disclosedCategories;
  if (citations !== null && !sameSet(citationKeys(citations), citationKeys(before.citations))) corrections.citations = citations;
  if (after.rationale !== before.rationale) corrections.rationale = after.rationale;
  if (!sameSet(after.actionsTaken, before.actionsTaken)) corrections.actionsTaken = after.actionsTaken;
  return corrections;
}

function correct(command: CorrectDecision, state: DataRequestState): DataRequestEvent[] {
  const { data, facts, metadata } = command;
  const request = recordedRequest(state, data.requestId);
  const date = actDate(metadata);
  const officer = actingInDepartment(command, 'officer', request.receivingOrgId);
  const decision = decisionOf(request, 'correct the decision on');
  assertNotBefore(date, request.decisionDate, 'the decision');
  const reason = requiredText(data.reason, 'reason', REASON_MAX);
  const terms = checkedTerms(
    {
      outcome: data.outcome ?? decision.outcome,
      disclosedCategories: data.disclosedCategories ?? decision.disclosedCategories,
      rationale: data.rationale ?? decision.rationale,
      actionsTaken: data.actionsTaken ?? decision.actionsTaken,
    },
    request.requestedCategories,
  );
  let citations: Citation[] | null = null;
  if (data.citations !== undefined) {
    // The law a decision could rely on is the law of the day it was taken, however late the correction.
    if (request.decisionDate === null) throw new Error(`the decision on ${request.requestId} was folded without its date`);
    citations = checkedCitations(data.citations, facts, request.decisionDate);
  }
  const corrections = changedTerms(decision, terms, citations);
  if (Object.keys(corrections).length === 0) throw badInput('the correction changes nothing in the decision');
  return [{ type: 'DecisionCorrected', data: { requestId: request.requestId, decisionId: decision.decisionId, corrections, reason, ...recordedFor(officer, metadata) } }];
}

export const dataRequestDecider: Decider<DataRequestCommand, DataRequestEvent, DataRequestState> = {
  initialState: initialDataRequestState,
  evolve: evolveDataRequest,
  decide(command, state) {
    switch (command.type) {
      case 'ReceiveDataRequest':
        return receive(command, state);
      case 'DecideDataRequest':
        return decide(command, state);
      case 'RecordDisclosure':
        return recordDisclosure(command, state);
      case 'ReviewDecision':
        return review(command, state);
      case 'CorrectDecision':
        return correct(command, state);
      default:
        return assertNever(command);
    }
  },
};
