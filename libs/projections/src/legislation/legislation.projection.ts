import type { SqliteProjection } from '../runtime/sqlite-projection';
import { applyLegislationEvent } from './legislation.handlers';
import { createLegislationTables, dropLegislationTables } from './legislation.tables';

/**
 * Measures (ordinances, resolutions, executive orders) with their sponsors, clause versions and
 * when each was in force, votes with their roll calls, the legislative history as Open Civic
 * Data style actions, and a full-text index over titles and clause texts.
 */
export const legislationProjection: SqliteProjection = {
  name: 'legislation',
  // v2: measures.stage, the stage the domain's stageAfter computes (status = measureStatus(stage))
  // v3: clause_rule_matches, the rules in force by what they match on (for compliance assessments)
  // v4: clause_rule_matches carries the rule, the measure's kind and the order of assessment
  // v5: the index clauses_in_order (policyInForce's pages)
  // v6: clause_rule_matches by category and by recipient (policyInForce's filters)
  // v7: without those two indexes again: SQLite chose the recipient one for the compliance
  //     lookup, which then read every rule version that ever started (465 s for 1M events, not 180)
  // v8: vote_casts and measure_sponsors WITHOUT ROWID (one B-tree for a small row keyed by its primary key, not two)
  // v9: an executive order in force has status ISSUED, not ENACTED (measureStatus of stage and kind)
  // v10: corrected roll calls, members' explanations of their votes, sittings without a quorum
  version: 10,
  setup: createLegislationTables,
  drop: dropLegislationTables,
  apply: applyLegislationEvent,
};
