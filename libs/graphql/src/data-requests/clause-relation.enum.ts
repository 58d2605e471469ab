import { registerEnumType } from '@nestjs/graphql';
import type { ClauseRelationValue } from '@ledger/projections';

/** How a decision relates to a clause: DecisionFilter.clauseRelation (Clause.citations and Clause.judgedDecisions are one each). */
export enum ClauseRelation {
  CITED = 'CITED',
  JUDGED_AGAINST = 'JUDGED_AGAINST',
  EITHER = 'EITHER',
}
registerEnumType(ClauseRelation, {
  name: 'ClauseRelation',
  description: 'How a decision relates to a clause: what the officer relied on, or the law that applied',
  valuesMap: {
    CITED: { description: 'the decision cited a version of the clause' },
    JUDGED_AGAINST: {
      description: "the decision was judged against a version of the clause: its rule was in force on the decision's date and bore on it (a finding of its compliance), whether it was cited or not",
    },
    EITHER: { description: 'cited or judged against' },
  },
});

// Fails to compile if the read model and the GraphQL enum ever disagree on a value.
const _sameRelations: [ClauseRelationValue, `${ClauseRelation}`] extends [`${ClauseRelation}`, ClauseRelationValue] ? true : never = true;
