import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataRequestQueries } from '@ledger/projections';
import type { RequestContext } from '../auth/request-context';
import { decisionsOfClausesLoader } from './data-requests.loaders';
import { ClauseModel } from '../legislation/clause.model';
import { DecisionConnectionModel } from './decision.model';
import { sequencePageArgs } from '../relay/pagination';
import { toDecisionConnection } from './data-requests.mapper';
import { PageArgs } from '../relay/page-args';

/** Clause.citations lives with the data-request read side, which owns the citations. */
@Resolver(() => ClauseModel)
export class DataRequestClauseDecisionsResolver {
  constructor(private readonly dataRequests: DataRequestQueries) {}

  @ResolveField(() => DecisionConnectionModel, { description: 'decisions that cited any version of this clause, by when they were taken' })
  async citations(
    @Parent() clause: ClauseModel,
    @Context() context: RequestContext,
    @Args() pageArgs: PageArgs,
  ): Promise<DecisionConnectionModel> {
    const page = sequencePageArgs(pageArgs);
    return toDecisionConnection(await decisionsOfClausesLoader(context.loaders, this.dataRequests, 'CITED', page).load(clause.id), page);
  }
}
