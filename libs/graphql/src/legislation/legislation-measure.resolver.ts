import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { clauseId } from '@ledger/domain';
import { DirectoryQueries, EventLogQueries, LegislationQueries } from '@ledger/projections';
import { streamsHistoryLoader } from '../event-log/event-log.loaders';
import type { RequestContext } from '../auth/request-context';
import type { NoArgs } from '../field-resolvers';
import { peopleLoader } from '../directory/directory.loaders';
import {
  actionsOfMeasuresLoader,
  clauseVersionsOfMeasuresLoader,
  clausesLoader,
  sponsorsLoader,
  votesOfMeasuresLoader,
} from './legislation.loaders';
import { ClauseModel } from './clause.model';
import { ClauseVersionModel } from './clause-version.model';
import { LedgerEventModel } from '../event-log/ledger-event.model';
import { MeasureActionModel } from './measure-action.model';
import { MeasureModel } from './measure.model';
import { PersonModel } from '../directory/person.model';
import { VoteModel } from './vote.model';
import { DateScalar } from '../scalars';
import { toPersonModel } from '../directory/directory.mapper';
import { eIdArg } from './legislation-input';
import { toClauseModel, toClauseVersionModel, toMeasureActionModel, toVoteModel } from './legislation.mapper';
import { toLedgerEventModel } from '../event-log/ledger-event.mapper';
import { dangling } from '../dangling';

@Resolver(() => MeasureModel)
export class LegislationMeasureResolver {
  constructor(
    private readonly legislation: LegislationQueries,
    private readonly directory: DirectoryQueries,
    private readonly eventLog: EventLogQueries,
  ) {}

  @ResolveField(() => [PersonModel], { description: 'in the order the measure lists them (an executive order: its issuer)' })
  async sponsors(measure: MeasureModel, _args: NoArgs, context: RequestContext): Promise<PersonModel[]> {
    const sponsors = await sponsorsLoader(context.loaders, this.legislation).load(measure.id);
    const people = await peopleLoader(context.loaders, this.directory).loadMany(sponsors.map((s) => s.personId));
    return people.map((person, i) => {
      if (person instanceof Error) throw person;
      return toPersonModel(person ?? dangling(`measure ${measure.id}`, sponsors[i].personId));
    });
  }

  @ResolveField(() => [ClauseVersionModel], { description: 'the clause versions in force on that date; without it, the latest version of every clause' })
  async clauses(
    @Parent() measure: MeasureModel,
    @Context() context: RequestContext,
    @Args('on', { type: () => DateScalar, nullable: true }) on: string | null,
  ): Promise<ClauseVersionModel[]> {
    return (await clauseVersionsOfMeasuresLoader(context.loaders, this.legislation, on ?? null).load(measure.id)).map(toClauseVersionModel);
  }

  @ResolveField(() => ClauseModel, { nullable: true })
  async clause(@Parent() measure: MeasureModel, @Context() context: RequestContext, @Args('eId') eId: string): Promise<ClauseModel | null> {
    const row = await clausesLoader(context.loaders, this.legislation).load(clauseId(measure.id, eIdArg(eId)));
    return row && toClauseModel(row);
  }

  @ResolveField(() => [VoteModel], { description: 'oldest first' })
  async votes(measure: MeasureModel, _args: NoArgs, context: RequestContext): Promise<VoteModel[]> {
    return (await votesOfMeasuresLoader(context.loaders, this.legislation).load(measure.id)).map(toVoteModel);
  }

  @ResolveField(() => [MeasureActionModel], { description: 'the legislative history, oldest first' })
  async actions(measure: MeasureModel, _args: NoArgs, context: RequestContext): Promise<MeasureActionModel[]> {
    return (await actionsOfMeasuresLoader(context.loaders, this.legislation).load(measure.id)).map(toMeasureActionModel);
  }

  @ResolveField(() => [LedgerEventModel], { description: "every event of the measure's stream, oldest first" })
  async history(measure: MeasureModel, _args: NoArgs, context: RequestContext): Promise<LedgerEventModel[]> {
    return (await streamsHistoryLoader(context.loaders, this.eventLog).load(measure.streamId)).map(toLedgerEventModel);
  }
}
