import type { DecisionOutcome } from '../data-request/data-request.events';
import type { ClauseRule } from '../measure/measure.events';
import type { MeasureKind } from '../measure/measure.state';

/** The contract's ComplianceStatus (ledger.graphql). */
export type ComplianceStatus = 'COMPLIANT' | 'VIOLATION' | 'NO_APPLICABLE_RULE';
/** A single finding is either kept or broken; "no applicable rule" describes only the whole. */
export type FindingStatus = Exclude<ComplianceStatus, 'NO_APPLICABLE_RULE'>;

/** A clause version in force on the decision's date that states a rule. */
export interface RuleInForce {
  clauseId: string;
  version: number;
  measureId: string;
  measureKind: MeasureKind;
  rule: ClauseRule;
}

/** What was asked, as received. */
export interface AssessedRequest {
  action: string;
  dataCategories: readonly string[];
  recipientCategories: readonly string[];
  legalBasis: string;
}

/** The decision as corrected. */
export interface AssessedDecision {
  outcome: DecisionOutcome;
  disclosedCategories: readonly string[];
  actionsTaken: readonly string[];
}

/** A disclosure recorded under the decision. */
export interface AssessedDisclosure {
  disclosedCategories: readonly string[];
}

export interface ComplianceInput {
  request: AssessedRequest;
  decision: AssessedDecision;
  disclosures: readonly AssessedDisclosure[];
  /** every clause version in force on the decision's date that has a rule */
  rulesInForce: readonly RuleInForce[];
}

/** How the decision stands against one rule; the explanation names the clause version. */
export interface ComplianceFinding {
  clauseId: string;
  version: number;
  status: FindingStatus;
  explanation: string;
}

/** A finding tied to no clause, such as a disclosure beyond the grant. */
export interface ComplianceNote {
  status: FindingStatus;
  explanation: string;
}

export interface ComplianceAssessment {
  status: ComplianceStatus;
  findings: ComplianceFinding[];
  notes: ComplianceNote[];
}
