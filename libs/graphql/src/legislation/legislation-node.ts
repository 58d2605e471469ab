import { isMeasureId, isVoteId, parseClauseId } from '@ledger/domain';
import type { LegislationQueries } from '@ledger/projections';
import type { NodeInterface } from '../relay/node.interface';
import { toClauseModel, toMeasureModel, toVoteModel } from './legislation.mapper';

/**
 * node(id) for the legislation read side: votes ("vote:" prefix), clauses (contain "#") and
 * measures (e.g. CB17-0766); null for any other id, which another read side may own.
 */
export function legislationNode(id: string, queries: LegislationQueries): NodeInterface | null {
  if (isVoteId(id)) {
    const vote = queries.vote(id);
    return vote && toVoteModel(vote);
  }
  if (parseClauseId(id)) {
    const clause = queries.clause(id);
    return clause && toClauseModel(clause);
  }
  if (isMeasureId(id)) {
    const measure = queries.measure(id);
    return measure && toMeasureModel(measure);
  }
  return null;
}
