import type { ComplianceRow, DataRequestRow, DecisionPage, DecisionRow, DisclosureRow } from '@ledger/projections';
import { ComplianceFindingModel, type ComplianceAssessmentModel, type ComplianceStatus } from './compliance.model';
import { toConnection } from '../relay/connection';
import { DataRequestModel } from './data-request.model';
import { DecisionModel, DisclosureModel, ViolationFoundModel, type DecisionConnectionModel, type DecisionOutcome, type ViolationFoundVia } from './decision.model';
import { keysetFlags, sequenceCursor, type SequencePageArgs } from '../relay/pagination';

/** Data-request read-model rows -> GraphQL models (the rows never reach GraphQL themselves). */

export function toDataRequestModel(row: DataRequestRow): DataRequestModel {
  return Object.assign(new DataRequestModel(), {
    id: row.id,
    receivedAt: row.receivedAt,
    dataCategories: [...row.dataCategories],
    action: row.action,
    recipientCategories: [...row.recipientCategories],
    purpose: row.purpose,
    legalBasis: row.legalBasis,
    channel: row.channel,
    requestingOrgId: row.requestingOrgId,
    receivingOrgId: row.receivingOrgId,
    streamId: row.streamId,
    restricted: { subjectRef: row.subjectRef, personalDetails: row.personalDetails },
  });
}

export function toDecisionModel(row: DecisionRow): DecisionModel {
  return Object.assign(new DecisionModel(), {
    id: row.id,
    outcome: row.outcome as DecisionOutcome,
    disclosedCategories: [...row.disclosedCategories],
    decidedAt: row.decidedAt,
    rationale: row.rationale,
    actionsTaken: [...row.actionsTaken],
    compliance: toComplianceModel(row.compliance),
    correctionAwaitingReview: row.pendingCompliance && toComplianceModel(row.pendingCompliance),
    violationFound: row.violationFound && Object.assign(new ViolationFoundModel(), {
      foundAt: row.violationFound.foundAt,
      via: row.violationFound.via as ViolationFoundVia,
      foundById: row.violationFound.foundById,
    }),
    corrected: row.corrected,
    review: row.review && { ...row.review },
    requestId: row.requestId,
    decidedById: row.decidedById,
    decidingOrgId: row.decidingOrgId,
    streamId: row.streamId,
    sequence: row.sequence,
  });
}

function toComplianceModel(compliance: ComplianceRow): ComplianceAssessmentModel {
  return {
    status: compliance.status as ComplianceStatus,
    findings: compliance.findings.map((finding) =>
      Object.assign(new ComplianceFindingModel(), {
        status: finding.status as ComplianceStatus,
        explanation: finding.explanation,
        clauseId: finding.clauseId,
        version: finding.version,
      }),
    ),
    notes: [...compliance.notes],
  };
}

export function toDisclosureModel(row: DisclosureRow): DisclosureModel {
  return Object.assign(new DisclosureModel(), { disclosedCategories: [...row.disclosedCategories], channel: row.channel, disclosedAt: row.disclosedAt });
}

/**
 * A page of decisions, read either way, as a Relay connection; a decision's cursor is its
 * DataRequestDecided sequence. `hasNextPage`: rows lie beyond the page in the direction it was read.
 */
export function toDecisionConnection(rows: { decisions: DecisionPage['decisions']; hasNextPage: boolean; totalCount: number }, page: SequencePageArgs): DecisionConnectionModel {
  return toConnection(rows.decisions, { ...keysetFlags(page, rows.hasNextPage), totalCount: rows.totalCount }, (row) => sequenceCursor(row.sequence), toDecisionModel);
}
