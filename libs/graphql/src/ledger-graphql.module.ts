import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApplicationModule } from '@ledger/application';
import { RolesGuard } from './auth/roles.guard';
import { DATA_REQUEST_RESOLVERS } from './data-requests/data-requests.resolvers';
import { DataRequestMutationsResolver } from './data-requests/data-requests-mutations.resolver';
import { DirectoryMutationsResolver } from './directory/directory-mutations.resolver';
import { LegislationMutationsResolver } from './legislation/legislation-mutations.resolver';
import { DIRECTORY_RESOLVERS } from './directory/directory.resolvers';
import { LedgerEventsResolver } from './event-log/ledger-events.resolver';
import { LEGISLATION_RESOLVERS } from './legislation/legislation.resolvers';
import { TraceResolver } from './trace/trace.resolver';
import { TransparencyResolver } from './transparency/transparency.resolver';
import { TokensResolver } from './tokens/tokens.resolver';
import { LedgerEventFeed } from './subscriptions/ledger-event-feed';
import { LedgerEventsSubscriptionResolver } from './subscriptions/ledger-events-subscription.resolver';

/** Resolvers, guards and the filter that keeps refusals out of the error log. Read models (EventLogQueries) come from the composition root. */
@Module({
  imports: [ApplicationModule],
  providers: [LedgerEventsResolver, DirectoryMutationsResolver, LegislationMutationsResolver, DataRequestMutationsResolver, TokensResolver, ...DIRECTORY_RESOLVERS, ...LEGISLATION_RESOLVERS, ...DATA_REQUEST_RESOLVERS, TraceResolver, TransparencyResolver, LedgerEventFeed, LedgerEventsSubscriptionResolver, { provide: APP_GUARD, useClass: RolesGuard }],
})
export class LedgerGraphqlModule {}
