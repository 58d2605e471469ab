import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApplicationModule } from '@ledger/application';
import { RolesGuard } from './auth/roles.guard';
import { DATA_REQUEST_RESOLVERS } from './resolvers/data-request.resolvers';
import { DataRequestMutationsResolver } from './resolvers/data-request-mutations.resolver';
import { DirectoryMutationsResolver } from './resolvers/directory-mutations.resolver';
import { LegislationMutationsResolver } from './resolvers/legislation-mutations.resolver';
import { DIRECTORY_RESOLVERS } from './resolvers/directory.resolver';
import { LedgerEventsResolver } from './resolvers/ledger-events.resolver';
import { LEGISLATION_RESOLVERS } from './resolvers/legislation.resolvers';
import { TraceResolver } from './resolvers/trace.resolver';
import { LedgerEventFeed } from './subscriptions/ledger-event-feed';
import { LedgerEventsSubscriptionResolver } from './subscriptions/ledger-events-subscription.resolver';

/** Resolvers, guards and the filter that keeps refusals out of the error log. Read models (EventLogQueries) come from the composition root. */
@Module({
  imports: [ApplicationModule],
  providers: [LedgerEventsResolver, DirectoryMutationsResolver, LegislationMutationsResolver, DataRequestMutationsResolver, ...DIRECTORY_RESOLVERS, ...LEGISLATION_RESOLVERS, ...DATA_REQUEST_RESOLVERS, TraceResolver, LedgerEventFeed, LedgerEventsSubscriptionResolver, { provide: APP_GUARD, useClass: RolesGuard }],
})
export class LedgerGraphqlModule {}
