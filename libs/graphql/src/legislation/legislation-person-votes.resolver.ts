import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LegislationQueries } from '@ledger/projections';
import type { RequestContext } from '../auth/request-context';
import { castsOfPeopleLoader } from './legislation.loaders';
import { toConnection } from '../relay/connection';
import { PersonModel } from '../directory/person.model';
import { VoteCastConnectionModel } from './vote-cast.model';
import { keysetFlags, sequenceCursor, sequencePageArgs } from '../relay/pagination';
import { toVoteCastModel } from './legislation.mapper';

/** Person.votes lives with the legislation read side, which owns the roll calls. */
@Resolver(() => PersonModel)
export class LegislationPersonVotesResolver {
  constructor(private readonly legislation: LegislationQueries) {}

  @ResolveField(() => VoteCastConnectionModel, { description: "this person's votes, oldest first" })
  async votes(
    @Parent() person: PersonModel,
    @Context() context: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('last', { type: () => Int, nullable: true }) last: number | null,
    @Args('before', { type: () => String, nullable: true }) before: string | null,
  ): Promise<VoteCastConnectionModel> {
    // A cast's cursor is its vote's sequence: a person appears once in a vote.
    const page = sequencePageArgs({ first, after, last, before });
    const rows = await castsOfPeopleLoader(context.loaders, this.legislation, page).load(person.id);
    return toConnection(rows.casts, { ...keysetFlags(page, rows.hasNextPage), totalCount: rows.totalCount }, (cast) => sequenceCursor(cast.sequence), toVoteCastModel);
  }
}
