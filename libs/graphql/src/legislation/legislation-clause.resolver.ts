import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { isInForceOn, motionGivesForce } from '@ledger/domain';
import { EventLogQueries, LegislationQueries } from '@ledger/projections';
import type { RequestContext } from '../auth/request-context';
import type { NoArgs } from '../field-resolvers';
import { clauseVersionsOfClausesLoader, clausesLoader, eventsByIdLoader, measuresLoader, votesLoader, votesOfMeasuresLoader } from './legislation.loaders';
import { ClauseModel } from './clause.model';
import { ClauseVersionModel } from './clause-version.model';
import { LedgerEventModel } from '../event-log/ledger-event.model';
import { MeasureModel } from './measure.model';
import { VoteModel } from './vote.model';
import { DateScalar } from '../scalars';
import { dangling } from '../dangling';
import { toClauseModel, toClauseVersionModel, toMeasureModel, toVoteModel } from './legislation.mapper';
import { toLedgerEventModel } from '../event-log/ledger-event.mapper';

@Resolver(() => ClauseModel)
export class LegislationClauseResolver {
  constructor(private readonly legislation: LegislationQueries) {}

  @ResolveField(() => MeasureModel)
  async measure(clause: ClauseModel, _args: NoArgs, context: RequestContext): Promise<MeasureModel> {
    const row = await measuresLoader(context.loaders, this.legislation).load(clause.measureId);
    return toMeasureModel(row ?? dangling(`clause ${clause.id}`, clause.measureId));
  }

  @ResolveField(() => [ClauseVersionModel], { description: 'every version, oldest first' })
  async versions(clause: ClauseModel, _args: NoArgs, context: RequestContext): Promise<ClauseVersionModel[]> {
    return (await clauseVersionsOfClausesLoader(context.loaders, this.legislation).load(clause.id)).map(toClauseVersionModel);
  }

  @ResolveField(() => ClauseVersionModel, { nullable: true, description: 'the version in force on that date, if any' })
  async inForce(
    @Parent() clause: ClauseModel,
    @Context() context: RequestContext,
    @Args('on', { type: () => DateScalar }) on: string,
  ): Promise<ClauseVersionModel | null> {
    // A clause has a handful of versions: picking from all of them shares one batch with `versions`.
    const versions = await clauseVersionsOfClausesLoader(context.loaders, this.legislation).load(clause.id);
    const current = versions.find((version) => isInForceOn(version, on));
    return current ? toClauseVersionModel(current) : null;
  }
}

@Resolver(() => ClauseVersionModel)
export class LegislationClauseVersionResolver {
  constructor(
    private readonly legislation: LegislationQueries,
    private readonly eventLog: EventLogQueries,
  ) {}

  @ResolveField(() => ClauseModel)
  async clause(version: ClauseVersionModel, _args: NoArgs, context: RequestContext): Promise<ClauseModel> {
    const row = await clausesLoader(context.loaders, this.legislation).load(version.clauseId);
    return toClauseModel(row ?? dangling(`a version of ${version.clauseId}`, version.clauseId));
  }

  @ResolveField(() => VoteModel, {
    nullable: true,
    description: 'the vote that adopted this version, if any: its own (a floor amendment), or, for a version made by another measure, the vote that gave that measure force',
  })
  async adoptedBy(version: ClauseVersionModel, _args: NoArgs, context: RequestContext): Promise<VoteModel | null> {
    if (version.adoptedByVoteId !== null) {
      const row = await votesLoader(context.loaders, this.legislation).load(version.adoptedByVoteId);
      return toVoteModel(row ?? dangling(`${version.clauseId} v${version.version}`, version.adoptedByVoteId));
    }
    if (version.byMeasureId === null) return null;
    // Made by another measure (amendByMeasure): adopted by the latest passing vote that gave it
    // force; none for an executive order, which no vote makes law.
    const votes = await votesOfMeasuresLoader(context.loaders, this.legislation).load(version.byMeasureId);
    const adopting = votes.filter((vote) => vote.result === 'PASSED' && motionGivesForce(vote.motion)).at(-1);
    return adopting ? toVoteModel(adopting) : null;
  }

  @ResolveField(() => LedgerEventModel, { description: 'the event that recorded this version' })
  async event(version: ClauseVersionModel, _args: NoArgs, context: RequestContext): Promise<LedgerEventModel> {
    const event = await eventsByIdLoader(context.loaders, this.eventLog).load(version.eventId);
    return toLedgerEventModel(event ?? dangling(`${version.clauseId} v${version.version}`, `event ${version.eventId}`));
  }
}
