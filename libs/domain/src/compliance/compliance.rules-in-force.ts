import { isInForceOn } from '../measure/clause-validity';
import type { MeasureClauseHistory } from '../measure/clause-history';
import { clauseId } from '../measure/measure.ids';
import type { RuleInForce } from './compliance.types';

/**
 * The rules an assessment holds a decision against: every clause version with a rule in force on
 * the decision's date, across the given measures (ordered as given, then by clause as recorded).
 */
export function rulesInForceOn(histories: readonly MeasureClauseHistory[], date: string): RuleInForce[] {
  return histories.flatMap(({ measureId, kind, clauses }) =>
    [...clauses].flatMap(([eId, versions]) =>
      versions
        .filter((version) => version.rule !== null && isInForceOn(version, date))
        .map((version) => ({ clauseId: clauseId(measureId, eId), version: version.version, measureId, measureKind: kind, rule: version.rule! })),
    ),
  );
}
