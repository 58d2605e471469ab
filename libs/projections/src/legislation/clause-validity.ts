import { clauseValidity, ruleMatchKeys, type ClauseRule, type MeasureTiming, type VersionTiming } from '@ledger/domain';
import type Database from 'better-sqlite3';
import { statement } from '../runtime/statement-cache';

// The rule itself is pure and lives in the domain; this file only applies it to the read model.

/**
 * Rewrites valid_from / valid_until of every version of one clause, or of every clause of the
 * measure when eId is omitted. Clauses have a handful of versions, so recomputing them whole on
 * each relevant event is cheaper to reason about than patching intervals. The rules-in-force index
 * (clause_rule_matches) follows the validity it is built from, in the same step.
 */
export function recomputeClauseValidity(db: Database.Database, measureId: string, eId?: string): void {
  const measure = statement(db, 'SELECT effective_from AS effectiveFrom, effective_until AS effectiveUntil FROM measures WHERE id = ?').get(measureId) as
    MeasureTiming | undefined;
  if (!measure) return;
  const rows = statement(
    db,
    `SELECT e_id AS eId, version, struck, by_measure_id AS byMeasureId, effective_from AS effectiveFrom, sequence, rule
       FROM clause_versions WHERE measure_id = ? AND (? IS NULL OR e_id = ?)`,
  ).all(measureId, eId ?? null, eId ?? null) as Array<Omit<VersionTiming, 'struck'> & { eId: string; struck: number; rule: string | null }>;
  const byClause = new Map<string, VersionTiming[]>();
  const rules = new Map<string, string>();
  for (const row of rows) {
    const list = byClause.get(row.eId) ?? [];
    list.push({ ...row, struck: row.struck === 1 });
    byClause.set(row.eId, list);
    if (row.rule !== null) rules.set(`${row.eId}#${row.version}`, row.rule);
  }
  const update = statement(db, 'UPDATE clause_versions SET valid_from = ?, valid_until = ? WHERE measure_id = ? AND e_id = ? AND version = ?');
  const forget = statement(db, 'DELETE FROM clause_rule_matches WHERE measure_id = ? AND e_id = ?');
  for (const [clause, versions] of byClause) {
    forget.run(measureId, clause);
    for (const [version, validity] of clauseValidity(measure, versions)) {
      update.run(validity.validFrom, validity.validUntil, measureId, clause, version);
      const rule = rules.get(`${clause}#${version}`);
      if (rule !== undefined && validity.validFrom !== null)
        indexRule(db, measureId, clause, version, JSON.parse(rule) as ClauseRule, validity.validFrom, validity.validUntil);
    }
  }
}

/** Sorts after every YYYY-MM-DD date: the valid_until of a version in force with no end yet. */
export const OPEN_ENDED = '~';

/**
 * One row per key the version's rule is found by (ruleMatchKeys: action, recipient, data category,
 * '' for any), with the window it is in force: what the data-request read model looks a decision's
 * rules up by, so that it reads only the rules that can bear on the decision.
 */
function indexRule(
  db: Database.Database,
  measureId: string,
  eId: string,
  version: number,
  rule: ClauseRule,
  validFrom: string,
  validUntil: string | null,
): void {
  const insert = statement(
    db,
    `INSERT OR IGNORE INTO clause_rule_matches (action, recipient, category, valid_until, valid_from, measure_id, e_id, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const keys = ruleMatchKeys(rule);
  for (const action of keys.actions) {
    for (const recipient of keys.recipients) {
      for (const category of keys.categories) insert.run(action, recipient, category, validUntil ?? OPEN_ENDED, validFrom, measureId, eId, version);
    }
  }
}
