import type Database from 'better-sqlite3';

/**
 * The listings an export needs and the batch queries do not offer: every id of a kind, in a stable
 * order, so that two exports of the same ledger are identical. Rows then come from the batch
 * methods of DirectoryQueries and LegislationQueries, like any other reader's.
 */
export class OcdSourceQueries {
  constructor(private readonly db: Database.Database) {}

  personIds(): string[] {
    return this.db.prepare('SELECT id FROM people ORDER BY id').pluck().all() as string[];
  }

  organizationIds(): string[] {
    return this.db.prepare('SELECT id FROM organizations ORDER BY id').pluck().all() as string[];
  }

  /** in the order they were introduced */
  measureIds(): string[] {
    return this.db.prepare('SELECT id FROM measures ORDER BY sequence').pluck().all() as string[];
  }

  /** every clause of these measures, `<measure id>#<eId>`, in clause order */
  clauseIdsOfMeasures(measureIds: readonly string[]): string[] {
    if (measureIds.length === 0) return [];
    return this.db
      .prepare(
        `SELECT c.measure_id || '#' || c.e_id FROM clauses c JOIN measures m ON m.id = c.measure_id
         WHERE c.measure_id IN (SELECT value FROM json_each(?)) ORDER BY m.sequence, c.position`,
      )
      .pluck()
      .all(JSON.stringify(measureIds)) as string[];
  }
}
