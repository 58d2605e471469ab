import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LegislationQueries } from '@ledger/projections';
import type { RequestContext } from '../auth/request-context';
import { castsOfPeopleLoader } from './legislation.loaders';
import { toConnection } from '../relay/connection';
import { PersonModel } from '../directory/person.model';
import { VoteCastConnectionModel } from './vote-cast.model';
import { keysetFlags, sequenceCursor, sequencePageArgs } from '../relay/pagination';
import { toVoteCastModel } from './legislation.mapper';
import { PageArgs } from '../relay/page-args';

/** Person.votes lives with the legislation read side, which owns the roll calls. */
@Resolver(() => PersonModel)
export class LegislationPersonVotesResolver {
  constructor(private readonly legislation: LegislationQueries) {}

  @ResolveField(() => VoteCastConnectionModel, { description: "this person's votes, oldest first" })
  async votes(
    @Parent() person: PersonModel,
    @Context() context: RequestContext,
    @Args() pageArgs: PageArgs,
  ): Promise<VoteCastConnectionModel> {
    // A cast's cursor is its vote's sequence: a person appears once in a vote.
    const page = sequencePageArgs(pageArgs);
    const rows = await castsOfPeopleLoader(context.loaders, this.legislation, page).load(person.id);
    return toConnection(rows.casts, { ...keysetFlags(page, rows.hasNextPage), totalCount: rows.totalCount }, (cast) => sequenceCursor(cast.sequence), toVoteCastModel);
  }
}
