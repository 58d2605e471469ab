import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataRequestQueries } from '@ledger/projections';
import type { RequestContext } from '../auth/request-context';
import { decisionsCitingClausesLoader } from './data-requests.loaders';
import { ClauseModel } from '../legislation/clause.model';
import { DecisionConnectionModel } from './decision.model';
import { sequencePageArgs } from '../relay/pagination';
import { toDecisionConnection } from './data-requests.mapper';

/** Clause.citations lives with the data-request read side, which owns the citations. */
@Resolver(() => ClauseModel)
export class DataRequestClauseCitationsResolver {
  constructor(private readonly dataRequests: DataRequestQueries) {}

  @ResolveField(() => DecisionConnectionModel, { description: 'decisions that cited any version of this clause, by when they were taken' })
  async citations(
    @Parent() clause: ClauseModel,
    @Context() context: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('last', { type: () => Int, nullable: true }) last: number | null,
    @Args('before', { type: () => String, nullable: true }) before: string | null,
  ): Promise<DecisionConnectionModel> {
    const page = sequencePageArgs({ first, after, last, before });
    return toDecisionConnection(await decisionsCitingClausesLoader(context.loaders, this.dataRequests, page).load(clause.id), page);
  }
}
