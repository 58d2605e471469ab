import { Args, ID, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { PublicView } from '@ledger/investigation';
import { DataRequestQueries, DirectoryQueries, EventLogQueries, LegislationQueries } from '@ledger/projections';
import { viewerOf, type RequestContext } from '../auth/request-context';
import type { NoArgs } from '../field-resolvers';
import { LedgerEventConnectionModel } from './ledger-event.model';
import { EventFilterInput } from './event-filter.input';
import { LedgerEventModel } from './ledger-event.model';
import { NodeInterface } from '../relay/node.interface';
import { toConnection } from '../relay/connection';
import { keysetFlags, sequenceCursor, sequencePageArgs } from '../relay/pagination';
import { JSONScalar } from '../scalars';
import { toOrganizationModel, toPersonModel } from '../directory/directory.mapper';
import { toLedgerEventModel } from './ledger-event.mapper';
import { legislationNode } from '../legislation/legislation-node';
import { dataRequestNode } from '../data-requests/data-requests-node';
import { PageArgs } from '../relay/page-args';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver(() => LedgerEventModel)
export class LedgerEventsResolver {
  constructor(
    private readonly eventLog: EventLogQueries,
    private readonly directory: DirectoryQueries,
    private readonly legislation: LegislationQueries,
    private readonly view: PublicView,
    private readonly dataRequests: DataRequestQueries,
  ) {}

  // The one way to read a payload: events(), node(), histories and receipts all come through here.
  @ResolveField('data', () => JSONScalar, {
    description: "the event's payload; for callers without the oversight role each restricted value is replaced by a salted commitment, so the leaf stays recomputable",
  })
  data(event: LedgerEventModel, _args: NoArgs, context: RequestContext): unknown {
    return this.view.payload(viewerOf(context), event);
  }

  @ResolveField('commitmentSalts', () => JSONScalar, {
    nullable: true,
    description:
      'oversight only: the salt of each restricted value, by field (hex), to check a value against its commitment (SHA-256 of the salt and the canonical JSON of the value); null for everyone else and for events without restricted values',
  })
  commitmentSalts(event: LedgerEventModel, _args: NoArgs, context: RequestContext): unknown {
    return this.view.commitmentSalts(viewerOf(context), event);
  }

  @Query(() => LedgerEventConnectionModel, { description: 'every event of the ledger, in sequence order' })
  events(
    @Args('filter', { type: () => EventFilterInput, nullable: true }) filter: EventFilterInput | null,
    @Args() pageArgs: PageArgs,
  ): LedgerEventConnectionModel {
    const f = filter ?? {};
    for (const key of ['fromSequence', 'toSequence'] as const) {
      const value = f[key];
      if (value != null && value < 0) throw new GraphQLError(`${key} must not be negative`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    const page = sequencePageArgs(pageArgs);
    const rows = this.eventLog.page(f, page.size, page.cursor, page.direction);
    return toConnection(rows.events, { ...keysetFlags(page, rows.hasNextPage), totalCount: rows.totalCount }, (event) => sequenceCursor(event.sequence), toLedgerEventModel);
  }

  @Query(() => NodeInterface, { nullable: true, description: 'any node by its id' })
  node(@Args('id', { type: () => ID }) id: string): NodeInterface | null {
    if (UUID.test(id)) {
      const event = this.eventLog.byEventId(id.toLowerCase());
      if (event) return toLedgerEventModel(event);
      // Not an event: it may be a measure recorded with a uuid-shaped id before the domain refused
      // those (trace() tries the same two, in the same order), found by legislationNode below.
    }
    if (id.startsWith('person:')) {
      const [person] = this.directory.peopleByIds([id]);
      return person ? toPersonModel(person) : null;
    }
    if (id.startsWith('org:')) {
      const [org] = this.directory.organizationsByIds([id]);
      return org ? toOrganizationModel(org) : null;
    }
    return legislationNode(id, this.legislation) ?? dataRequestNode(id, this.dataRequests);
  }
}
