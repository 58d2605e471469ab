import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataRequestQueries, type ClauseRelationValue } from '@ledger/projections';
import type { RequestContext } from '../auth/request-context';
import { decisionsOfClausesLoader } from './data-requests.loaders';
import { ClauseModel } from '../legislation/clause.model';
import { DecisionConnectionModel } from './decision.model';
import { sequencePageArgs } from '../relay/pagination';
import { toDecisionConnection } from './data-requests.mapper';
import { PageArgs } from '../relay/page-args';

/** Clause.citations and Clause.judgedDecisions live with the data-request read side, which owns the decisions. */
@Resolver(() => ClauseModel)
export class DataRequestClauseDecisionsResolver {
  constructor(private readonly dataRequests: DataRequestQueries) {}

  @ResolveField(() => DecisionConnectionModel, { description: 'decisions that cited any version of this clause, by when they were taken' })
  citations(@Parent() clause: ClauseModel, @Context() context: RequestContext, @Args() pageArgs: PageArgs): Promise<DecisionConnectionModel> {
    return this.decisionsOf(clause, 'CITED', context, pageArgs);
  }

  @ResolveField(() => DecisionConnectionModel, {
    description:
      "decisions judged against any version of this clause (its rule was in force on the decision's date and bore on it), cited or not, by when they were taken; each decision's compliance.findings says what was found",
  })
  judgedDecisions(@Parent() clause: ClauseModel, @Context() context: RequestContext, @Args() pageArgs: PageArgs): Promise<DecisionConnectionModel> {
    return this.decisionsOf(clause, 'JUDGED_AGAINST', context, pageArgs);
  }

  private async decisionsOf(clause: ClauseModel, relation: ClauseRelationValue, context: RequestContext, pageArgs: PageArgs): Promise<DecisionConnectionModel> {
    const page = sequencePageArgs(pageArgs);
    return toDecisionConnection(await decisionsOfClausesLoader(context.loaders, this.dataRequests, relation, page).load(clause.id), page);
  }
}
