import { clauseValidity, ruleMatchKeys, type ClauseRule, type MeasureTiming, type VersionTiming } from '@ledger/domain';
import type Database from 'better-sqlite3';
import { statement } from '../runtime/statement-cache';
import { RulesInForce, type IndexedRule as IndexedRuleInMemory } from './rules-in-force';

// The rule itself is pure and lives in the domain; this file only applies it to the read model.

/**
 * Rewrites valid_from / valid_until of every version of one clause, or of every clause of the
 * measure when eId is omitted. Clauses have a handful of versions, so recomputing them whole on
 * each relevant event is cheaper to reason about than patching intervals. The rules-in-force index
 * (clause_rule_matches) follows the validity it is built from, in the same step.
 */
export function recomputeClauseValidity(db: Database.Database, measureId: string, eId?: string): void {
  const measure = statement(db, 'SELECT effective_from AS effectiveFrom, effective_until AS effectiveUntil, kind, sequence FROM measures WHERE id = ?').get(
    measureId,
  ) as (MeasureTiming & { kind: string; sequence: number }) | undefined;
  if (!measure) return;
  const rows = statement(
    db,
    `SELECT v.e_id AS eId, v.version, v.struck, v.by_measure_id AS byMeasureId, v.effective_from AS effectiveFrom, v.sequence, v.rule, c.position
       FROM clause_versions v JOIN clauses c ON c.measure_id = v.measure_id AND c.e_id = v.e_id
       WHERE v.measure_id = ? AND (? IS NULL OR v.e_id = ?)`,
  ).all(measureId, eId ?? null, eId ?? null) as Array<Omit<VersionTiming, 'struck'> & { eId: string; struck: number; rule: string | null; position: number }>;
  const byClause = new Map<string, VersionTiming[]>();
  const rules = new Map<string, IndexedRule>();
  for (const row of rows) {
    const list = byClause.get(row.eId) ?? [];
    list.push({ ...row, struck: row.struck === 1 });
    byClause.set(row.eId, list);
    if (row.rule !== null) {
      rules.set(`${row.eId}#${row.version}`, {
        measureId,
        eId: row.eId,
        version: row.version,
        measureKind: measure.kind,
        measureSequence: measure.sequence,
        position: row.position,
        rule: row.rule,
      });
    }
  }
  const update = statement(db, 'UPDATE clause_versions SET valid_from = ?, valid_until = ? WHERE measure_id = ? AND e_id = ? AND version = ?');
  const forget = statement(db, 'DELETE FROM clause_rule_matches WHERE measure_id = ? AND e_id = ?');
  // The in-memory copy of the rules index, when loaded, follows the table in the same step.
  const inMemory = RulesInForce.loaded(db);
  for (const [clause, versions] of byClause) {
    forget.run(measureId, clause);
    inMemory?.forgetClause(measureId, clause);
    for (const [version, validity] of clauseValidity(measure, versions)) {
      update.run(validity.validFrom, validity.validUntil, measureId, clause, version);
      const rule = rules.get(`${clause}#${version}`);
      if (rule !== undefined && validity.validFrom !== null) indexRule(db, inMemory, rule, validity.validFrom, validity.validUntil);
    }
  }
}

/** Sorts after every YYYY-MM-DD date: the valid_until of a version in force with no end yet. */
export const OPEN_ENDED = '~';

/** A clause version with a rule, with what an assessment reads of it and orders it by. */
interface IndexedRule {
  measureId: string;
  eId: string;
  version: number;
  measureKind: string;
  measureSequence: number;
  position: number;
  /** as stored in clause_versions (JSON) */
  rule: string;
}

/**
 * One row per key the version's rule is found by (ruleMatchKeys: action, recipient, data category,
 * '' for any), with the window it is in force: what the data-request read model looks a decision's
 * rules up by, so that it reads only the rules that can bear on the decision. Each row carries what
 * the assessment reads (the rule, the measure's kind) and the order rules are assessed in (the
 * measure's sequence, the clause's position), none of which changes once recorded, so the lookup
 * reads this table alone.
 */
function indexRule(db: Database.Database, inMemory: RulesInForce | undefined, indexed: IndexedRule, validFrom: string, validUntil: string | null): void {
  const insert = statement(
    db,
    `INSERT OR IGNORE INTO clause_rule_matches (action, recipient, category, valid_until, valid_from, measure_id, e_id, version,
       measure_kind, measure_sequence, position, rule)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rule = JSON.parse(indexed.rule) as ClauseRule;
  const keys = ruleMatchKeys(rule);
  const { measureId, eId, version, measureKind, measureSequence, position } = indexed;
  inMemory?.add({ measureId, eId, version, measureKind: measureKind as IndexedRuleInMemory['measureKind'], measureSequence, position, validFrom, validUntil: validUntil ?? OPEN_ENDED, rule });
  for (const action of keys.actions) {
    for (const recipient of keys.recipients) {
      for (const category of keys.categories) {
        insert.run(
          action,
          recipient,
          category,
          validUntil ?? OPEN_ENDED,
          validFrom,
          indexed.measureId,
          indexed.eId,
          indexed.version,
          indexed.measureKind,
          indexed.measureSequence,
          indexed.position,
          indexed.rule,
        );
      }
    }
  }
}
