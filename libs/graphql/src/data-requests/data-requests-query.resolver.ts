import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { DataRequestQueries } from '@ledger/projections';
import type { RequestContext } from '../auth/request-context';
import { decisionsLoader, requestsLoader } from './data-requests.loaders';
import { DataRequestModel } from './data-request.model';
import { DecisionConnectionModel, DecisionModel } from './decision.model';
import { DecisionFilterInput } from './decision-filter.input';
import { sequencePageArgs } from '../relay/pagination';
import { dataRequestIdArg, decisionFilterArg, decisionIdArg } from './data-requests-input';
import { toDataRequestModel, toDecisionConnection, toDecisionModel } from './data-requests.mapper';
import { PageArgs } from '../relay/page-args';

/** The data-request read side's entry points. */
@Resolver()
export class DataRequestQueryResolver {
  constructor(private readonly dataRequests: DataRequestQueries) {}

  @Query(() => DataRequestModel, { nullable: true, description: 'a data request, e.g. data-request:<uuid>' })
  async dataRequest(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<DataRequestModel | null> {
    const row = await requestsLoader(context.loaders, this.dataRequests).load(dataRequestIdArg(id));
    return row && toDataRequestModel(row);
  }

  @Query(() => DecisionModel, { nullable: true, description: "a request's decision, e.g. decision:<uuid of the request>" })
  async decision(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<DecisionModel | null> {
    const row = await decisionsLoader(context.loaders, this.dataRequests).load(decisionIdArg(id));
    return row && toDecisionModel(row);
  }

  @Query(() => DecisionConnectionModel, { description: 'decisions by when they were taken, oldest first' })
  decisions(
    @Args('filter', { type: () => DecisionFilterInput, nullable: true }) filter: DecisionFilterInput | null,
    @Args() pageArgs: PageArgs,
  ): DecisionConnectionModel {
    const page = sequencePageArgs(pageArgs);
    return toDecisionConnection(this.dataRequests.decisionsPage(decisionFilterArg(filter), page.size, page.cursor, page.direction), page);
  }
}
