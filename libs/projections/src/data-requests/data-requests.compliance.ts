import type Database from 'better-sqlite3';
import {
  assessCompliance,
  decisionMatchKeys,
  type DataRequestAction,
  type DecisionOutcome,
  type LegalBasis,
} from '@ledger/domain';
import type { ComplianceFindingRow, ComplianceRow } from './data-requests.rows';
import { RulesInForce } from '../legislation/rules-in-force';
import { pluckedStatement, statement } from '../runtime/statement-cache';

/**
 * Assesses a decision against every rule in force on its date and stores the result with it
 * (docs/ARCHITECTURE.md, "Compliance": stored in the read model), so listing decisions by compliance
 * status is a column filter rather than an evaluation per row. The rules come from the rules index
 * (legislation/rules-in-force.ts), only those that can bear on the decision.
 *
 * The assessment reflects the law as recorded when the decision, its latest correction or its
 * latest disclosure was projected. The rules come from the legislation read model in the same
 * database, which has applied this very event already (the projection declares dependsOn
 * legislation, and SqliteReadModels applies each event in that order). A change of law recorded afterwards but reaching back to the decision's date does
 * not touch a stored assessment until the decision's next event; a full rebuild replays both read
 * models in step and so reproduces the same assessments, while rebuilding this projection alone
 * assesses every decision against the law as recorded now. Which assessment counts is decided in
 * data-requests.standing.ts: this only computes it.
 */
export function reassessDecision(db: Database.Database, decisionId: string): StoredAssessment | null {
  const decision = statement(
    db,
    `SELECT d.outcome, d.disclosed_categories AS disclosedCategories, d.actions_taken AS actionsTaken, d.decided_on AS decidedOn,
              r.data_categories AS dataCategories, r.action, r.recipient_categories AS recipientCategories, r.legal_basis AS legalBasis
       FROM decisions d JOIN data_requests r ON r.id = d.request_id WHERE d.id = ?`,
  ).get(decisionId) as (DecisionFacts & RequestFacts) | undefined;
  // The deciders refuse a correction or disclosure of a decision that was never taken.
  if (!decision) return null;
  const disclosures = (
    pluckedStatement(db, 'SELECT disclosed_categories FROM disclosures WHERE decision_id = ? ORDER BY sequence').all(decisionId) as string[]
  ).map((categories) => ({ disclosedCategories: JSON.parse(categories) as string[] }));
  const decided = {
    outcome: decision.outcome,
    disclosedCategories: JSON.parse(decision.disclosedCategories) as string[],
    actionsTaken: JSON.parse(decision.actionsTaken) as string[],
  };
  return assess(db, decision.decidedOn, decided, decision, disclosures);
}

/**
 * The clause versions a decision was judged against, one row each in decision_findings, so that
 * decisions can be found by them; the JSON in decisions.compliance stays what is served. Called
 * wherever the counted assessment is stored (data-requests.standing.ts), so the two never disagree.
 */
export function storeFindings(db: Database.Database, decisionId: string, findings: StoredAssessment['findings']): void {
  statement(db, 'DELETE FROM decision_findings WHERE decision_id = ?').run(decisionId);
  // One finding per rule, and a clause version has one rule: IGNORE only guards the key.
  const insert = statement(db, 'INSERT OR IGNORE INTO decision_findings (decision_id, clause_id, version, status) VALUES (?, ?, ?, ?)');
  for (const finding of findings) insert.run(decisionId, finding.clauseId, finding.version, finding.status);
}

/**
 * The assessment of a decision being recorded, before its row is written (so the row is written
 * once): it has no disclosure yet, and its request is in the read model already (null if not, which
 * the deciders refuse).
 */
export function assessNewDecision(db: Database.Database, requestId: string, decidedOn: string, decided: AssessedDecision): StoredAssessment | null {
  const request = statement(
    db,
    `SELECT data_categories AS dataCategories, action, recipient_categories AS recipientCategories, legal_basis AS legalBasis
       FROM data_requests WHERE id = ?`,
  ).get(requestId) as RequestFacts | undefined;
  return request ? assess(db, decidedOn, decided, request, []) : null;
}

/**
 * A decision's compliance as the decisions table stores it: the status, and the findings and notes
 * as JSON; and, for decision_findings, the clause version and status of each finding.
 */
export interface StoredAssessment {
  status: ComplianceRow['status'];
  compliance: string;
  findings: Array<Pick<ComplianceFindingRow, 'clauseId' | 'version' | 'status'>>;
}

function assess(
  db: Database.Database,
  decidedOn: string,
  decision: AssessedDecision,
  request: RequestFacts,
  disclosures: Array<{ disclosedCategories: string[] }>,
): StoredAssessment {
  const subject = {
    decision,
    request: {
      action: request.action,
      dataCategories: JSON.parse(request.dataCategories) as string[],
      recipientCategories: JSON.parse(request.recipientCategories) as string[],
      legalBasis: request.legalBasis,
    },
    disclosures,
  };
  // Only the rules that can bear on the decision: the others would yield no finding (decisionMatchKeys).
  const rulesInForce = RulesInForce.of(db).matching(decidedOn, decisionMatchKeys(subject));
  const result = assessCompliance({ ...subject, rulesInForce });
  const findings = result.findings.map(({ clauseId, version, status, explanation }) => ({ clauseId, version, status, explanation }));
  // Every note is a violation tied to no clause; its sentence says which.
  const notes = result.notes.map((note) => note.explanation);
  return { status: result.status, compliance: JSON.stringify({ findings, notes }), findings };
}

interface AssessedDecision {
  outcome: DecisionOutcome;
  disclosedCategories: string[];
  actionsTaken: string[];
}

interface RequestFacts {
  dataCategories: string;
  action: DataRequestAction;
  recipientCategories: string;
  legalBasis: LegalBasis;
}

interface DecisionFacts {
  outcome: DecisionOutcome;
  disclosedCategories: string;
  actionsTaken: string;
  decidedOn: string;
}
