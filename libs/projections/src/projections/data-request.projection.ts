import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import type { Projection } from '../projection';
import { applyDataRequestEvent } from './data-request/data-request.handlers';
import { createDataRequestTables, dropDataRequestTables } from './data-request/data-request-tables';

/**
 * Data requests, their decisions as corrected (the later event wins), the clause versions each
 * decision cited, what was actually disclosed, the latest oversight review, and each decision's
 * compliance assessment, computed here and stored (see data-request-compliance.ts for which law
 * it reflects).
 *
 * It reads the legislation read model's tables for the rules in force, so it must run after the
 * legislation projection in the same database: the runner applies each event to projections in
 * list order.
 */
export const dataRequestProjection: Projection = {
  name: 'data-requests',
  version: 1,
  setup(db: Database.Database) {
    const legislation = db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('clause_versions', 'measures')").pluck().get();
    if (legislation !== 2) throw new Error('the data-request projection reads the legislation read model: list legislationProjection before it');
    createDataRequestTables(db);
  },
  drop: (db: Database.Database) => dropDataRequestTables(db),
  apply: (db: Database.Database, event: RecordedEvent) => applyDataRequestEvent(db, event),
};
