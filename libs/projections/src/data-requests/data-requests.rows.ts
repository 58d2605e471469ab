import type { ComplianceFinding, ComplianceStatus, DataRequestAction, DecisionOutcome, EncryptedDetails, LegalBasis, ReviewFinding } from '@ledger/domain';

/**
 * Rows of the data-request read model as the queries hand them out: plain data, no GraphQL types;
 * vocabularies are the domain's, derived from the event schemas. Restricted values (subjectRef,
 * personalDetails) are here as stored; what a caller may see of them is decided by the public view
 * (libs/investigation), which every read path that answers a caller goes through.
 */

export type DecisionOutcomeValue = DecisionOutcome;
export type ComplianceStatusValue = ComplianceStatus;
export type ReviewFindingValue = ReviewFinding;

/** AES-256-GCM ciphertext under the subject's key, which is kept outside the log */
export type EncryptedDetailsRow = EncryptedDetails;

export interface DataRequestRow {
  id: string;
  requestingOrgId: string;
  receivingOrgId: string;
  /** occurredAt of DataRequestReceived */
  receivedAt: string;
  dataCategories: string[];
  action: DataRequestAction;
  recipientCategories: string[];
  purpose: string;
  legalBasis: LegalBasis;
  channel: string;
  /** restricted */
  subjectRef: string;
  /** restricted; null when none were recorded */
  personalDetails: EncryptedDetailsRow | null;
  streamId: string;
  sequence: number;
}

/** one rule in force judged against the decision (status COMPLIANT or VIOLATION) */
export type ComplianceFindingRow = ComplianceFinding;

export interface ComplianceRow {
  status: ComplianceStatusValue;
  findings: ComplianceFindingRow[];
  /** violations tied to no clause, e.g. a disclosure beyond what was granted */
  notes: string[];
}

export interface DecisionReviewRow {
  finding: ReviewFindingValue;
  reasons: string;
  reviewedBy: string;
  /** occurredAt of the newest DecisionReviewed */
  reviewedAt: string;
}

/** How a decision was first found in violation: by the ledger's own assessment, or by oversight. */
export type ViolationFoundVia = 'ASSESSMENT' | 'OVERSIGHT_REVIEW';

/** The first time a decision was found in violation; corrections and later reviews never clear it. */
export interface ViolationFoundRow {
  /** occurredAt of the event that found it */
  foundAt: string;
  via: ViolationFoundVia;
  /** the reviewer, when oversight found it */
  foundById: string | null;
}

export interface DecisionRow {
  id: string;
  requestId: string;
  outcome: DecisionOutcomeValue;
  disclosedCategories: string[];
  decidedById: string;
  decidingOrgId: string;
  /** occurredAt of DataRequestDecided; corrections keep it */
  decidedAt: string;
  rationale: string;
  actionsTaken: string[];
  /** the assessment that counts (data-requests.standing.ts) */
  compliance: ComplianceRow;
  /** a correction's assessment awaiting oversight's review; null when none waits */
  pendingCompliance: ComplianceRow | null;
  violationFound: ViolationFoundRow | null;
  /** the newest review, if any */
  review: DecisionReviewRow | null;
  /** true once a DecisionCorrected changed it */
  corrected: boolean;
  /** the request's stream, where the decision's events live too */
  streamId: string;
  /** sequence of DataRequestDecided: the page cursor */
  sequence: number;
}

export interface CitationRow {
  decisionId: string;
  clauseId: string;
  version: number;
}

export interface DisclosureRow {
  decisionId: string;
  requestId: string;
  disclosedCategories: string[];
  channel: string;
  disclosedAt: string;
  eventId: string;
  sequence: number;
}

/**
 * How a decision relates to a clause: it CITED a version of it (decision_citations), it was
 * JUDGED_AGAINST one, the clause's rule having applied on its date (its compliance findings,
 * decision_findings), or EITHER.
 */
export type ClauseRelationValue = 'CITED' | 'JUDGED_AGAINST' | 'EITHER';

/** Every field narrows the list; from/to are ISO instants bounding decidedAt (from inclusive, to exclusive). */
export interface DecisionFilter {
  decidingOrganizationId?: string | null;
  decidedById?: string | null;
  requestingOrganizationId?: string | null;
  outcome?: DecisionOutcomeValue | null;
  /** the assessment that counts: a correction awaiting review does not change it */
  complianceStatus?: ComplianceStatusValue | null;
  /** true: found in violation at some point, whatever followed; false: never */
  everFoundInViolation?: boolean | null;
  /** true: a correction awaits oversight's review */
  awaitingReview?: boolean | null;
  /** decisions related to any version of this clause, as clauseRelation says */
  clauseId?: string | null;
  /** how a decision relates to clauseId (default CITED); alone it narrows nothing */
  clauseRelation?: ClauseRelationValue | null;
  from?: string | null;
  to?: string | null;
}

export interface DecisionPage {
  decisions: DecisionRow[];
  hasNextPage: boolean;
  totalCount: number;
}

/** One page of a batch of lists (the decisions citing a clause or judged against it, or taken by a person). */
export interface KeyedDecisionPage extends DecisionPage {
  key: string;
}
