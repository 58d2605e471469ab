import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataRequestQueries } from '@ledger/projections';
import type { RequestContext } from '../auth/request-context';
import { decisionsOfPeopleLoader } from './data-requests.loaders';
import { DecisionConnectionModel } from './decision.model';
import { PersonModel } from '../directory/person.model';
import { sequencePageArgs } from '../relay/pagination';
import { toDecisionConnection } from './data-requests.mapper';
import { PageArgs } from '../relay/page-args';

/** Person.decisions lives with the data-request read side, which owns the decisions. */
@Resolver(() => PersonModel)
export class DataRequestPersonDecisionsResolver {
  constructor(private readonly dataRequests: DataRequestQueries) {}

  @ResolveField(() => DecisionConnectionModel, { description: 'the decisions this person took as an officer, by when they were taken' })
  async decisions(
    @Parent() person: PersonModel,
    @Context() context: RequestContext,
    @Args() pageArgs: PageArgs,
  ): Promise<DecisionConnectionModel> {
    const page = sequencePageArgs(pageArgs);
    return toDecisionConnection(await decisionsOfPeopleLoader(context.loaders, this.dataRequests, page).load(person.id), page);
  }
}
