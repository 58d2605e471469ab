import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { LegislationQueries } from '@ledger/projections';
import type { RequestContext } from '../auth/request-context';
import { clausesLoader, measuresLoader, votesLoader } from './legislation.loaders';
import { ClauseModel } from './clause.model';
import { toConnection } from '../relay/connection';
import { ClauseVersionModel } from './clause-version.model';
import { MeasureConnectionModel, MeasureModel } from './measure.model';
import { MeasureFilterInput } from './measure-filter.input';
import { VoteModel } from './vote.model';
import { GraphQLError } from 'graphql';
import { POLICY_PAGE, keysetFlags, pageSize, sequenceCursor, sequencePageArgs } from '../relay/pagination';
import { DateScalar } from '../scalars';
import { clauseIdArg, measureFilterArg, measureIdArg, policyFilterArg, voteIdArg } from './legislation-input';
import { PolicyFilterInput } from './policy-filter.input';
import { toClauseModel, toClauseVersionModel, toMeasureModel, toVoteModel } from './legislation.mapper';
import { PageArgs } from '../relay/page-args';

/** The legislation read side's entry points. */
@Resolver()
export class LegislationQueryResolver {
  constructor(private readonly legislation: LegislationQueries) {}

  @Query(() => MeasureModel, { nullable: true, description: 'an ordinance, resolution or executive order, e.g. CB17-0766' })
  async measure(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<MeasureModel | null> {
    const row = await measuresLoader(context.loaders, this.legislation).load(measureIdArg(id));
    return row && toMeasureModel(row);
  }

  @Query(() => MeasureConnectionModel, { description: 'measures in the order they were introduced' })
  measures(
    @Args('filter', { type: () => MeasureFilterInput, nullable: true }) filter: MeasureFilterInput | null,
    @Args() pageArgs: PageArgs,
  ): MeasureConnectionModel {
    // Measures are listed by the sequence of their introduction, which is also their cursor.
    const page = sequencePageArgs(pageArgs);
    const rows = this.legislation.measuresPage(measureFilterArg(filter), page.size, page.cursor, page.direction);
    return toConnection(rows.measures, { ...keysetFlags(page, rows.hasNextPage), totalCount: rows.totalCount }, (row) => sequenceCursor(row.sequence), toMeasureModel);
  }

  @Query(() => ClauseModel, { nullable: true, description: 'a clause, e.g. CB17-0766#sec_2__subsec_b' })
  async clause(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<ClauseModel | null> {
    const row = await clausesLoader(context.loaders, this.legislation).load(clauseIdArg(id));
    return row && toClauseModel(row);
  }

  @Query(() => VoteModel, { nullable: true, description: 'a vote, e.g. vote:CB17-0766:3' })
  async vote(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<VoteModel | null> {
    const row = await votesLoader(context.loaders, this.legislation).load(voteIdArg(id));
    return row && toVoteModel(row);
  }

  @Query(() => [ClauseVersionModel], {
    description:
      `the clause versions in force on that date, across all measures, in measure order (as introduced) then clause order; ` +
      `one page of at most \`first\` (default ${POLICY_PAGE.default}, at most ${POLICY_PAGE.max}): fewer than \`first\` means the last page. ` +
      'The next page: `after` = the clause id (`clause { id }`) of the last version received.',
  })
  policyInForce(
    @Args('on', { type: () => DateScalar }) on: string,
    @Args('filter', { type: () => PolicyFilterInput, nullable: true }) filter: PolicyFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, description: `default ${POLICY_PAGE.default}, at most ${POLICY_PAGE.max}` }) first: number | null,
    @Args('after', { type: () => ID, nullable: true, description: 'a clause id: the page goes on after that clause' }) after: string | null,
  ): ClauseVersionModel[] {
    const size = pageSize(first, POLICY_PAGE);
    const place = after == null ? null : this.legislation.policyPlace(clauseIdArg(after, 'after'));
    if (after != null && place === null) {
      throw new GraphQLError(`after: the ledger has no clause ${JSON.stringify(after)}`, { extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    }
    return this.legislation.policyInForce(on, policyFilterArg(filter), size, place).map(toClauseVersionModel);
  }
}
