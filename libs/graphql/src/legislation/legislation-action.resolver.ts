import { ResolveField, Resolver } from '@nestjs/graphql';
import { DirectoryQueries, EventLogQueries, LegislationQueries } from '@ledger/projections';
import type { RequestContext } from '../auth/request-context';
import type { NoArgs } from '../field-resolvers';
import { organizationsLoader } from '../directory/directory.loaders';
import { eventsByIdLoader, votesLoader } from './legislation.loaders';
import { LedgerEventModel } from '../event-log/ledger-event.model';
import { MeasureActionModel } from './measure-action.model';
import { OrganizationModel } from '../directory/organization.model';
import { VoteModel } from './vote.model';
import { toOrganizationModel } from '../directory/directory.mapper';
import { dangling } from '../dangling';
import { toVoteModel } from './legislation.mapper';
import { toLedgerEventModel } from '../event-log/ledger-event.mapper';

@Resolver(() => MeasureActionModel)
export class LegislationActionResolver {
  constructor(
    private readonly legislation: LegislationQueries,
    private readonly directory: DirectoryQueries,
    private readonly eventLog: EventLogQueries,
  ) {}

  @ResolveField(() => OrganizationModel, { nullable: true, description: 'the body or office that acted, where one did' })
  async organization(action: MeasureActionModel, _args: NoArgs, context: RequestContext): Promise<OrganizationModel | null> {
    if (action.organizationId === null) return null;
    const row = await organizationsLoader(context.loaders, this.directory).load(action.organizationId);
    return toOrganizationModel(row ?? dangling(`action ${action.eventId}`, action.organizationId));
  }

  @ResolveField(() => VoteModel, { nullable: true })
  async vote(action: MeasureActionModel, _args: NoArgs, context: RequestContext): Promise<VoteModel | null> {
    if (action.voteId === null) return null;
    const row = await votesLoader(context.loaders, this.legislation).load(action.voteId);
    return toVoteModel(row ?? dangling(`action ${action.eventId}`, action.voteId));
  }

  @ResolveField(() => LedgerEventModel)
  async event(action: MeasureActionModel, _args: NoArgs, context: RequestContext): Promise<LedgerEventModel> {
    const event = await eventsByIdLoader(context.loaders, this.eventLog).load(action.eventId);
    return toLedgerEventModel(event ?? dangling(`an action of ${action.occurredAt}`, `event ${action.eventId}`));
  }
}
