import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import type { RecordedEvent } from '@ledger/event-store';
import type { RequestContext } from '../auth/request-context';
import { RequestLoaders } from '../dataloader/request-loaders';
import { QUERY_LIMITS } from '../limits/query-limits';
import { EventFilterInput } from '../event-log/event-filter.input';
import { LedgerEventModel } from '../event-log/ledger-event.model';
import { toLedgerEventModel } from '../event-log/ledger-event.mapper';
import { LedgerEventFeed } from './ledger-event-feed';

@Resolver()
export class LedgerEventsSubscriptionResolver {
  constructor(private readonly feed: LedgerEventFeed) {}

  @Subscription(() => LedgerEventModel, {
    name: 'ledgerEvents',
    description:
      'events as they are appended, once the read models hold them; with fromSequence, stored events from there first. ' +
      "Restricted payload fields are removed as in queries; the bearer token goes in connectionParams.authorization",
    // A LedgerEventModel, so its fields (the redacting `data` above all) resolve as in any query.
    resolve(this: LedgerEventsSubscriptionResolver, event: RecordedEvent, _args: unknown, context: RequestContext): LedgerEventModel {
      // One subscription lives for hours: each event gets fresh DataLoaders, never an old event's cache.
      context.loaders = new RequestLoaders();
      return toLedgerEventModel(event);
    },
  })
  ledgerEvents(
    @Args('filter', { type: () => EventFilterInput, nullable: true }) filter: EventFilterInput | null,
    @Context() context: RequestContext,
  ): AsyncIterableIterator<RecordedEvent> {
    const f = filter ?? {};
    for (const key of ['fromSequence', 'toSequence'] as const) {
      const value = f[key];
      if (value != null && value < 0) throw new GraphQLError(`${key} must not be negative`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    // The operation's cost is that of one event's selection: stored events are read at a pace that
    // spends at most replayCostPerSecond (an operation measured nowhere counts as the costliest).
    const eventCost = Math.max(1, context.operationCost ?? QUERY_LIMITS.maxCost);
    return this.feed.subscribe(f, { logEventsPerSecond: QUERY_LIMITS.replayCostPerSecond / eventCost });
  }
}
