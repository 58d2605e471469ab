import { assertNever } from '../shared/decider';
import type { Citation, DataRequestAction, DataRequestEvent, DecisionOutcome, LegalBasis } from './data-request.events';

/** The decision as corrected so far. */
export interface RecordedDecision {
  decisionId: string;
  outcome: DecisionOutcome;
  disclosedCategories: string[];
  citations: Citation[];
  rationale: string;
  actionsTaken: string[];
  decidedBy: string;
  decidingOrgId: string;
}

export interface RecordedDisclosure {
  disclosedCategories: string[];
  channel: string;
  /** null when the folded events carried no occurredAt */
  date: string | null;
}

export interface RecordedDataRequest {
  exists: true;
  requestId: string;
  requestingOrgId: string;
  receivingOrgId: string;
  requestedCategories: string[];
  action: DataRequestAction;
  recipientCategories: string[];
  legalBasis: LegalBasis;
  /** null when the folded events carried no occurredAt */
  receivedDate: string | null;
  decided: boolean;
  /** the original decision's date: corrections are judged on it, not on the day they are made */
  decisionDate: string | null;
  decision: RecordedDecision | null;
  disclosures: RecordedDisclosure[];
}

export type DataRequestState = { exists: false } | RecordedDataRequest;

export const initialDataRequestState: DataRequestState = { exists: false };

// Payloads carry no dates of their own; the stored envelope's occurredAt is the act's date.
const dateOf = (event: DataRequestEvent): string | null => (event.occurredAt === undefined ? null : event.occurredAt.slice(0, 10));

function received(event: Extract<DataRequestEvent, { type: 'DataRequestReceived' }>): RecordedDataRequest {
  const { requestId, requestingOrgId, receivingOrgId, dataCategories, action, recipientCategories, legalBasis } = event.data;
  return {
    exists: true,
    requestId,
    requestingOrgId,
    receivingOrgId,
    requestedCategories: dataCategories,
    action,
    recipientCategories,
    legalBasis,
    receivedDate: dateOf(event),
    decided: false,
    decisionDate: null,
    decision: null,
    disclosures: [],
  };
}

function changed(state: RecordedDataRequest, event: DataRequestEvent): RecordedDataRequest {
  switch (event.type) {
    case 'DataRequestReceived':
      return state;
    case 'DataRequestDecided': {
      const { decisionId, outcome, disclosedCategories, citations, rationale, actionsTaken, decidedBy, decidingOrgId } = event.data;
      const decision = { decisionId, outcome, disclosedCategories, citations, rationale, actionsTaken, decidedBy, decidingOrgId };
      return { ...state, decided: true, decisionDate: dateOf(event), decision };
    }
    case 'DecisionCorrected':
      return state.decision === null ? state : { ...state, decision: { ...state.decision, ...event.data.corrections } };
    case 'DisclosureRecorded': {
      const { disclosedCategories, channel } = event.data;
      return { ...state, disclosures: [...state.disclosures, { disclosedCategories, channel, date: dateOf(event) }] };
    }
    case 'DecisionReviewed':
      // A review judges the decision; it changes nothing a later command is checked against.
      return state;
    default:
      return assertNever(event);
  }
}

export function evolveDataRequest(state: DataRequestState, event: DataRequestEvent): DataRequestState {
  if (state.exists) return changed(state, event);
  return event.type === 'DataRequestReceived' ? received(event) : state;
}
