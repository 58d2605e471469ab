import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApplicationModule } from '@ledger/application';
import { RolesGuard } from './auth/roles.guard';
import { LedgerEventsResolver } from './resolvers/ledger-events.resolver';
import { PersonMutationsResolver } from './resolvers/person-mutations.resolver';

/** Resolvers and guards. Read models (EventLogQueries) come from the composition root. */
@Module({
  imports: [ApplicationModule],
  providers: [LedgerEventsResolver, PersonMutationsResolver, { provide: APP_GUARD, useClass: RolesGuard }],
})
export class LedgerGraphqlModule {}
