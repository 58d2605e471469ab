import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataRequestQueries } from '@ledger/projections';
import type { RequestContext } from '../auth/request-context';
import { decisionsOfPeopleLoader } from './data-requests.loaders';
import { DecisionConnectionModel } from './decision.model';
import { PersonModel } from '../directory/person.model';
import { sequencePageArgs } from '../relay/pagination';
import { toDecisionConnection } from './data-requests.mapper';

/** Person.decisions lives with the data-request read side, which owns the decisions. */
@Resolver(() => PersonModel)
export class DataRequestPersonDecisionsResolver {
  constructor(private readonly dataRequests: DataRequestQueries) {}

  @ResolveField(() => DecisionConnectionModel, { description: 'the decisions this person took as an officer, by when they were taken' })
  async decisions(
    @Parent() person: PersonModel,
    @Context() context: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('last', { type: () => Int, nullable: true }) last: number | null,
    @Args('before', { type: () => String, nullable: true }) before: string | null,
  ): Promise<DecisionConnectionModel> {
    const page = sequencePageArgs({ first, after, last, before });
    return toDecisionConnection(await decisionsOfPeopleLoader(context.loaders, this.dataRequests, page).load(person.id), page);
  }
}
