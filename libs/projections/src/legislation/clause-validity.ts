import { clauseValidity, type MeasureTiming, type VersionTiming } from '@ledger/domain';
import type Database from 'better-sqlite3';
import { statement } from '../runtime/statement-cache';

// The rule itself is pure and lives in the domain; this file only applies it to the read model.

/**
 * Rewrites valid_from / valid_until of every version of one clause, or of every clause of the
 * measure when eId is omitted. Clauses have a handful of versions, so recomputing them whole on
 * each relevant event is cheaper to reason about than patching intervals.
 */
export function recomputeClauseValidity(db: Database.Database, measureId: string, eId?: string): void {
  const measure = statement(db, 'SELECT effective_from AS effectiveFrom, effective_until AS effectiveUntil FROM measures WHERE id = ?').get(measureId) as
    MeasureTiming | undefined;
  if (!measure) return;
  const rows = statement(
    db,
    `SELECT e_id AS eId, version, struck, by_measure_id AS byMeasureId, effective_from AS effectiveFrom, sequence
       FROM clause_versions WHERE measure_id = ? AND (? IS NULL OR e_id = ?)`,
  ).all(measureId, eId ?? null, eId ?? null) as Array<Omit<VersionTiming, 'struck'> & { eId: string; struck: number }>;
  const byClause = new Map<string, VersionTiming[]>();
  for (const row of rows) {
    const list = byClause.get(row.eId) ?? [];
    list.push({ ...row, struck: row.struck === 1 });
    byClause.set(row.eId, list);
  }
  const update = statement(db, 'UPDATE clause_versions SET valid_from = ?, valid_until = ? WHERE measure_id = ? AND e_id = ? AND version = ?');
  for (const [clause, versions] of byClause) {
    for (const [version, validity] of clauseValidity(measure, versions)) {
      update.run(validity.validFrom, validity.validUntil, measureId, clause, version);
    }
  }
}
