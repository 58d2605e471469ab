import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DirectoryQueries, EventLogQueries } from '@ledger/projections';
import { streamsHistoryLoader } from '../event-log/event-log.loaders';
import type { RequestContext } from '../auth/request-context';
import type { NoArgs } from '../field-resolvers';
import {
  membersOnLoader,
  membershipsOfPeopleLoader,
  organizationsLoader,
  peopleLoader,
} from './directory.loaders';
import { LedgerEventModel } from '../event-log/ledger-event.model';
import { DirectoryListsResolver } from './directory-lists.resolver';
import { MembershipModel } from './membership.model';
import { OrganizationModel } from './organization.model';
import { PersonModel } from './person.model';
import { DateScalar, todayUtc } from '../scalars';
import { toLedgerEventModel } from '../event-log/ledger-event.mapper';
import { toMembershipModel, toOrganizationModel, toPersonModel } from './directory.mapper';


@Resolver(() => PersonModel)
export class PersonResolver {
  constructor(
    private readonly directory: DirectoryQueries,
    private readonly eventLog: EventLogQueries,
  ) {}

  @Query(() => PersonModel, { nullable: true, description: 'a person of the directory, e.g. person:robin-kniech' })
  async person(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<PersonModel | null> {
    const row = await peopleLoader(context.loaders, this.directory).load(id);
    return row && toPersonModel(row);
  }

  @ResolveField(() => [MembershipModel], { description: 'every role held, past and present, oldest first' })
  async memberships(person: PersonModel, _args: NoArgs, context: RequestContext): Promise<MembershipModel[]> {
    return (await membershipsOfPeopleLoader(context.loaders, this.directory).load(person.id)).map(toMembershipModel);
  }

  @ResolveField(() => [LedgerEventModel], { description: "every event of this person's stream, oldest first" })
  async history(person: PersonModel, _args: NoArgs, context: RequestContext): Promise<LedgerEventModel[]> {
    return (await streamsHistoryLoader(context.loaders, this.eventLog).load(person.streamId)).map(toLedgerEventModel);
  }
}

@Resolver(() => OrganizationModel)
export class OrganizationResolver {
  constructor(
    private readonly directory: DirectoryQueries,
    private readonly eventLog: EventLogQueries,
  ) {}

  @Query(() => OrganizationModel, { nullable: true, description: 'an organization of the directory, e.g. org:denver-city-council' })
  async organization(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext): Promise<OrganizationModel | null> {
    const row = await organizationsLoader(context.loaders, this.directory).load(id);
    return row && toOrganizationModel(row);
  }

  @ResolveField(() => OrganizationModel, { nullable: true })
  async parent(org: OrganizationModel, _args: NoArgs, context: RequestContext): Promise<OrganizationModel | null> {
    if (org.parentId === null) return null;
    const row = await organizationsLoader(context.loaders, this.directory).load(org.parentId);
    return row && toOrganizationModel(row);
  }

  @ResolveField(() => [MembershipModel], { description: 'members on that date (default: today)' })
  async members(
    @Parent() org: OrganizationModel,
    @Context() context: RequestContext,
    @Args('on', { type: () => DateScalar, nullable: true }) on: string | null,
  ): Promise<MembershipModel[]> {
    return (await membersOnLoader(context.loaders, this.directory, on ?? todayUtc()).load(org.id)).map(toMembershipModel);
  }

  @ResolveField(() => [LedgerEventModel], { description: "every event of this organization's stream, oldest first" })
  async history(org: OrganizationModel, _args: NoArgs, context: RequestContext): Promise<LedgerEventModel[]> {
    return (await streamsHistoryLoader(context.loaders, this.eventLog).load(org.streamId)).map(toLedgerEventModel);
  }
}

@Resolver(() => MembershipModel)
export class MembershipResolver {
  constructor(private readonly directory: DirectoryQueries) {}

  @ResolveField(() => PersonModel)
  async person(membership: MembershipModel, _args: NoArgs, context: RequestContext): Promise<PersonModel> {
    const row = await peopleLoader(context.loaders, this.directory).load(membership.personId);
    return toPersonModel(row ?? danglingMembership(membership, membership.personId));
  }

  @ResolveField(() => OrganizationModel)
  async organization(membership: MembershipModel, _args: NoArgs, context: RequestContext): Promise<OrganizationModel> {
    const row = await organizationsLoader(context.loaders, this.directory).load(membership.orgId);
    return toOrganizationModel(row ?? danglingMembership(membership, membership.orgId));
  }
}

// The deciders refuse a membership of an unknown person or organization, so a missing end means
// the read model is broken: say so (logged server-side) rather than serve a half membership.
function danglingMembership(membership: MembershipModel, missing: string): never {
  throw new Error(`membership ${membership.orgId}/${membership.personId}/${membership.role} names ${missing}, which the directory read model lacks`);
}

/** Every resolver of the directory read side, for the GraphQL module's providers. */
export const DIRECTORY_RESOLVERS = [PersonResolver, OrganizationResolver, MembershipResolver, DirectoryListsResolver];
