import { ResolveField, Resolver } from '@nestjs/graphql';
import { DirectoryQueries, EventLogQueries, LegislationQueries } from '@ledger/projections';
import type { RequestContext } from '../auth/request-context';
import type { NoArgs } from '../field-resolvers';
import { organizationsLoader, peopleLoader } from '../directory/directory.loaders';
import { castsOfVotesLoader, eventsByIdLoader, eventsOfVotesLoader, measuresLoader, votesLoader } from './legislation.loaders';
import { LedgerEventModel } from '../event-log/ledger-event.model';
import { MeasureModel } from './measure.model';
import { OrganizationModel } from '../directory/organization.model';
import { PersonModel } from '../directory/person.model';
import { VoteCastModel } from './vote-cast.model';
import { VoteModel } from './vote.model';
import { toOrganizationModel, toPersonModel } from '../directory/directory.mapper';
import { dangling } from '../dangling';
import { toMeasureModel, toVoteCastModel, toVoteModel } from './legislation.mapper';
import { toLedgerEventModel } from '../event-log/ledger-event.mapper';

@Resolver(() => VoteModel)
export class LegislationVoteResolver {
  constructor(
    private readonly legislation: LegislationQueries,
    private readonly directory: DirectoryQueries,
    private readonly eventLog: EventLogQueries,
  ) {}

  @ResolveField(() => MeasureModel)
  async measure(vote: VoteModel, _args: NoArgs, context: RequestContext): Promise<MeasureModel> {
    const row = await measuresLoader(context.loaders, this.legislation).load(vote.measureId);
    return toMeasureModel(row ?? dangling(vote.id, vote.measureId));
  }

  @ResolveField(() => OrganizationModel, { description: 'the body that voted' })
  async body(vote: VoteModel, _args: NoArgs, context: RequestContext): Promise<OrganizationModel> {
    const row = await organizationsLoader(context.loaders, this.directory).load(vote.bodyId);
    return toOrganizationModel(row ?? dangling(vote.id, vote.bodyId));
  }

  @ResolveField(() => VoteModel, { nullable: true, description: 'for a motion to reconsider: the vote it is about' })
  async reconsiders(vote: VoteModel, _args: NoArgs, context: RequestContext): Promise<VoteModel | null> {
    return this.voteOrNull(vote, vote.reconsidersVoteId, context);
  }

  @ResolveField(() => VoteModel, { nullable: true, description: 'the passed motion to reconsider after which this vote no longer stands' })
  async reconsideredBy(vote: VoteModel, _args: NoArgs, context: RequestContext): Promise<VoteModel | null> {
    return this.voteOrNull(vote, vote.reconsideredByVoteId, context);
  }

  private async voteOrNull(vote: VoteModel, voteId: string | null, context: RequestContext): Promise<VoteModel | null> {
    if (voteId === null) return null;
    const row = await votesLoader(context.loaders, this.legislation).load(voteId);
    return toVoteModel(row ?? dangling(vote.id, voteId));
  }

  @ResolveField(() => [VoteCastModel], { description: 'every member of the body on that date, by person id; members who did not vote are ABSENT' })
  async rollCall(vote: VoteModel, _args: NoArgs, context: RequestContext): Promise<VoteCastModel[]> {
    return (await castsOfVotesLoader(context.loaders, this.legislation).load(vote.id)).map(toVoteCastModel);
  }

  @ResolveField(() => [LedgerEventModel], { description: 'the vote as first recorded, corrections of its roll call, members\' explanations and the clause version it adopted, if any, oldest first' })
  async history(vote: VoteModel, _args: NoArgs, context: RequestContext): Promise<LedgerEventModel[]> {
    const refs = await eventsOfVotesLoader(context.loaders, this.legislation).load(vote.id);
    const events = await eventsByIdLoader(context.loaders, this.eventLog).loadMany(refs.map((ref) => ref.eventId));
    return events.map((event, i) => {
      if (event instanceof Error) throw event;
      return toLedgerEventModel(event ?? dangling(vote.id, `event ${refs[i].eventId}`));
    });
  }
}

@Resolver(() => VoteCastModel)
export class LegislationVoteCastResolver {
  constructor(
    private readonly legislation: LegislationQueries,
    private readonly directory: DirectoryQueries,
  ) {}

  @ResolveField(() => PersonModel)
  async person(cast: VoteCastModel, _args: NoArgs, context: RequestContext): Promise<PersonModel> {
    const row = await peopleLoader(context.loaders, this.directory).load(cast.personId);
    return toPersonModel(row ?? dangling(`the roll call of ${cast.voteId}`, cast.personId));
  }

  @ResolveField(() => VoteModel)
  async vote(cast: VoteCastModel, _args: NoArgs, context: RequestContext): Promise<VoteModel> {
    const row = await votesLoader(context.loaders, this.legislation).load(cast.voteId);
    return toVoteModel(row ?? dangling(`a vote cast by ${cast.personId}`, cast.voteId));
  }
}
