import type Database from 'better-sqlite3';
import {
  assessCompliance,
  decisionMatchKeys,
  type DataRequestAction,
  type DecisionOutcome,
  type LegalBasis,
  type MatchKeys,
  type RuleInForce,
} from '@ledger/domain';
import type { ComplianceRow } from './data-requests.rows';
import { pluckedStatement, statement } from '../runtime/statement-cache';

/**
 * Assesses a decision against every rule in force on its date and stores the result with it
 * (docs/ARCHITECTURE.md, "Compliance": stored in the read model), so listing decisions by compliance
 * status is a column filter rather than an evaluation per row. Only the rules that can bear on the
 * decision are read (recordedRulesInForceOn): the others would yield no finding.
 *
 * The assessment reflects the law as recorded when the decision, its latest correction or its
 * latest disclosure was projected. The rules come from the legislation read model in the same
 * database, which has applied this very event already (the projection declares dependsOn
 * legislation, and SqliteReadModels applies each event in that order). A change of law recorded afterwards but reaching back to the decision's date does
 * not touch a stored assessment until the decision's next event; a full rebuild replays both read
 * models in step and so reproduces the same assessments, while rebuilding this projection alone
 * assesses every decision against the law as recorded now.
 */
export function reassessDecision(db: Database.Database, decisionId: string): void {
  const decision = statement(
    db,
    `SELECT d.outcome, d.disclosed_categories AS disclosedCategories, d.actions_taken AS actionsTaken, d.decided_on AS decidedOn,
              r.data_categories AS dataCategories, r.action, r.recipient_categories AS recipientCategories, r.legal_basis AS legalBasis
       FROM decisions d JOIN data_requests r ON r.id = d.request_id WHERE d.id = ?`,
  ).get(decisionId) as DecisionFacts | undefined;
  // The deciders refuse a correction or disclosure of a decision that was never taken.
  if (!decision) return;
  const disclosures = (
    pluckedStatement(db, 'SELECT disclosed_categories FROM disclosures WHERE decision_id = ? ORDER BY sequence').all(decisionId) as string[]
  ).map((categories) => ({ disclosedCategories: JSON.parse(categories) as string[] }));

  const subject = {
    decision: {
      outcome: decision.outcome,
      disclosedCategories: JSON.parse(decision.disclosedCategories) as string[],
      actionsTaken: JSON.parse(decision.actionsTaken) as string[],
    },
    request: {
      action: decision.action,
      dataCategories: JSON.parse(decision.dataCategories) as string[],
      recipientCategories: JSON.parse(decision.recipientCategories) as string[],
      legalBasis: decision.legalBasis,
    },
    disclosures,
  };
  const result = assessCompliance({ ...subject, rulesInForce: recordedRulesInForceOn(db, decision.decidedOn, decisionMatchKeys(subject)) });
  const compliance: ComplianceRow = {
    status: result.status,
    findings: result.findings.map(({ clauseId, version, status, explanation }) => ({ clauseId, version, status, explanation })),
    // Every note is a violation tied to no clause; its sentence says which.
    notes: result.notes.map((note) => note.explanation),
  };
  statement(db, 'UPDATE decisions SET compliance_status = ?, compliance = ? WHERE id = ?').run(
    compliance.status,
    JSON.stringify({ findings: compliance.findings, notes: compliance.notes }),
    decisionId,
  );
}

interface DecisionFacts {
  outcome: DecisionOutcome;
  disclosedCategories: string;
  actionsTaken: string;
  decidedOn: string;
  dataCategories: string;
  action: DataRequestAction;
  recipientCategories: string;
  legalBasis: LegalBasis;
}

/**
 * Every clause version with a rule in force on `on` (YYYY-MM-DD) that can bear on the decision (one
 * sharing a key of each kind with it, see decisionMatchKeys), in measure and clause order, from the
 * legislation read model's rules-in-force index. The rules left out could yield no finding, so the
 * assessment is the one every rule in force would give, while the work stays bounded by the rules
 * about what the decision concerns. The index holds one row per key, so a rule matched on several
 * keys comes back more than once: it is kept once.
 */
function recordedRulesInForceOn(db: Database.Database, on: string, keys: MatchKeys): RuleInForce[] {
  const rows = statement(
    db,
    `SELECT measure_id AS measureId, e_id AS eId, version, measure_kind AS measureKind, measure_sequence AS measureSequence, position, rule
     FROM clause_rule_matches
     WHERE action IN (SELECT value FROM json_each(@actions))
       AND recipient IN (SELECT value FROM json_each(@recipients))
       AND category IN (SELECT value FROM json_each(@categories))
       AND valid_until > @on AND valid_from <= @on`,
  ).all({
    on,
    actions: JSON.stringify(keys.actions),
    recipients: JSON.stringify(keys.recipients),
    categories: JSON.stringify(keys.categories),
  }) as MatchedRule[];
  const unique = new Map<string, MatchedRule>();
  for (const row of rows) unique.set(`${row.measureId}#${row.eId}#${row.version}`, row);
  // The order every rule in force is assessed in: by measure as recorded, then by clause (and version, for a tie).
  const ordered = [...unique.values()].sort((a, b) => a.measureSequence - b.measureSequence || a.position - b.position || a.version - b.version);
  return ordered.map(({ measureId, eId, version, measureKind, rule }) => ({
    clauseId: `${measureId}#${eId}`,
    version,
    measureId,
    measureKind,
    rule: JSON.parse(rule) as RuleInForce['rule'],
  }));
}

interface MatchedRule {
  measureId: string;
  eId: string;
  version: number;
  measureKind: RuleInForce['measureKind'];
  measureSequence: number;
  position: number;
  rule: string;
}
