import type { SqliteProjection } from '../runtime/sqlite-projection';
import { applyDataRequestEvent } from './data-requests.handlers';
import { createDataRequestTables, dropDataRequestTables } from './data-requests.tables';

/**
 * Data requests, their decisions as corrected (the later event wins), the clause versions each
 * decision cited, what was actually disclosed, the latest oversight review, and each decision's
 * compliance assessment, computed here and stored with the clause versions it was judged against
 * (see data-requests.compliance.ts for which law it reflects).
 *
 * It reads the legislation read model's tables for the rules in force: it says so, and each event
 * reaches the legislation read model first.
 */
export const dataRequestsProjection: SqliteProjection = {
  name: 'data-requests',
  // v2: decisions_by_outcome, decisions_by_status (the decisions list's filters)
  // v3: decision_citations WITHOUT ROWID (one B-tree for a small row keyed by its primary key, not two)
  // v4: decision_findings, the clauses each decision was judged against (filter and Clause.judgedDecisions)
  // v5: a correction's assessment awaits oversight's review; the first finding of a violation is kept (data-requests.standing.ts)
  version: 5,
  dependsOn: ['legislation'],
  setup: createDataRequestTables,
  drop: dropDataRequestTables,
  apply: applyDataRequestEvent,
};
