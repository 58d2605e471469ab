import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import type * as Payloads from '@ledger/event-types';
import { assessNewDecision, reassessDecision, storeFindings, type StoredAssessment } from './data-requests.compliance';
import { assessmentChanged, noteViolationFound, reviewRecorded } from './data-requests.standing';
import { statement } from '../runtime/statement-cache';

/** The events the data-request read model reads, with their (newest-version) payloads. */
interface DataRequestPayloads {
  DataRequestReceived: Payloads.DataRequestReceivedData;
  DataRequestDecided: Payloads.DataRequestDecidedData;
  DecisionCorrected: Payloads.DecisionCorrectedData;
  DisclosureRecorded: Payloads.DisclosureRecordedData;
  DecisionReviewed: Payloads.DecisionReviewedData;
}

type DataRequestEventType = keyof DataRequestPayloads;
type Handler<T extends DataRequestEventType> = (db: Database.Database, event: RecordedEvent<T, DataRequestPayloads[T]>) => void;

const json = (value: unknown) => JSON.stringify(value);

// A decision whose request the read model does not hold (the deciders refuse one) is assessed against nothing.
const UNASSESSED: StoredAssessment = { status: 'NO_APPLICABLE_RULE', compliance: json({ findings: [], notes: [] }), findings: [] };

function replaceCitations(db: Database.Database, decisionId: string, citations: Payloads.DataRequestDecidedData['citations']): void {
  statement(db, 'DELETE FROM decision_citations WHERE decision_id = ?').run(decisionId);
  const cite = statement(db, 'INSERT INTO decision_citations (decision_id, position, clause_id, version) VALUES (?, ?, ?, ?)');
  citations.forEach((citation, position) => cite.run(decisionId, position, citation.clauseId, citation.version));
}

const handlers: { [T in DataRequestEventType]: Handler<T> } = {
  DataRequestReceived(db, event) {
    const data = event.data;
    statement(
      db,
      `INSERT INTO data_requests (id, requesting_org_id, receiving_org_id, received_at, data_categories, action, recipient_categories,
         purpose, legal_basis, channel, subject_ref, personal_details, stream_id, sequence)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      data.requestId,
      data.requestingOrgId,
      data.receivingOrgId,
      event.occurredAt,
      json(data.dataCategories),
      data.action,
      json(data.recipientCategories),
      data.purpose,
      data.legalBasis,
      data.channel,
      data.subjectRef,
      data.personalDetails === null ? null : json(data.personalDetails),
      event.streamId,
      event.sequence,
    );
  },
  DataRequestDecided(db, event) {
    const data = event.data;
    // The decision's date, as the decider checked its citations (libs/domain/README.md, "Conventions").
    const decidedOn = event.occurredAt.slice(0, 10);
    const assessed =
      assessNewDecision(db, data.requestId, decidedOn, {
        outcome: data.outcome,
        disclosedCategories: data.disclosedCategories,
        actionsTaken: data.actionsTaken,
      }) ?? UNASSESSED;
    statement(
      db,
      `INSERT INTO decisions (id, request_id, outcome, disclosed_categories, decided_by, deciding_org_id, decided_at, decided_at_ms, decided_on,
         rationale, actions_taken, compliance_status, compliance, corrected, stream_id, sequence)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    ).run(
      data.decisionId,
      data.requestId,
      data.outcome,
      json(data.disclosedCategories),
      data.decidedBy,
      data.decidingOrgId,
      event.occurredAt,
      Date.parse(event.occurredAt),
      decidedOn,
      data.rationale,
      json(data.actionsTaken),
      assessed.status,
      assessed.compliance,
      event.streamId,
      event.sequence,
    );
    storeFindings(db, data.decisionId, assessed.findings);
    replaceCitations(db, data.decisionId, data.citations);
    if (assessed.status === 'VIOLATION') noteViolationFound(db, data.decisionId, event.occurredAt, 'ASSESSMENT', null);
  },
  DecisionCorrected(db, event) {
    const { decisionId, corrections } = event.data;
    // Only the fields the correction names change; the decision keeps its date and its place in lists.
    const columns: Array<[string, unknown]> = [];
    if (corrections.outcome !== undefined) columns.push(['outcome', corrections.outcome]);
    if (corrections.disclosedCategories !== undefined) columns.push(['disclosed_categories', json(corrections.disclosedCategories)]);
    if (corrections.rationale !== undefined) columns.push(['rationale', corrections.rationale]);
    if (corrections.actionsTaken !== undefined) columns.push(['actions_taken', json(corrections.actionsTaken)]);
    statement(db, `UPDATE decisions SET ${[...columns.map(([column]) => `${column} = ?`), 'corrected = 1'].join(', ')} WHERE id = ?`).run(
      ...columns.map(([, value]) => value),
      decisionId,
    );
    if (corrections.citations !== undefined) replaceCitations(db, decisionId, corrections.citations);
    const assessed = reassessDecision(db, decisionId);
    if (assessed) assessmentChanged(db, decisionId, assessed, event.occurredAt, true);
  },
  DisclosureRecorded(db, event) {
    const data = event.data;
    statement(
      db,
      `INSERT INTO disclosures (sequence, decision_id, request_id, disclosed_categories, channel, disclosed_at, event_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(event.sequence, data.decisionId, data.requestId, json(data.disclosedCategories), data.channel, event.occurredAt, event.eventId);
    const assessed = reassessDecision(db, data.decisionId);
    if (assessed) assessmentChanged(db, data.decisionId, assessed, event.occurredAt, false);
  },
  DecisionReviewed(db, event) {
    const { decisionId, finding, reasons, reviewedBy } = event.data;
    // A later review supersedes an earlier one; both stay in the request's history.
    statement(db, 'UPDATE decisions SET review_finding = ?, review_reasons = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?').run(
      finding,
      reasons,
      reviewedBy,
      event.occurredAt,
      decisionId,
    );
    reviewRecorded(db, decisionId);
    if (finding === 'violation') noteViolationFound(db, decisionId, event.occurredAt, 'OVERSIGHT_REVIEW', reviewedBy);
  },
};

/** Applies one event if the data-request read model reads its type; others pass through untouched. */
export function applyDataRequestEvent(db: Database.Database, event: RecordedEvent): void {
  if (!Object.hasOwn(handlers, event.type)) return;
  (handlers[event.type as DataRequestEventType] as Handler<DataRequestEventType>)(db, event as RecordedEvent<DataRequestEventType, never>);
}
