import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApplicationModule } from '@ledger/application';
import { RolesGuard } from './auth/roles.guard';
import { DirectoryMutationsResolver } from './resolvers/directory-mutations.resolver';
import { LegislationMutationsResolver } from './resolvers/legislation-mutations.resolver';
import { DIRECTORY_RESOLVERS } from './resolvers/directory.resolver';
import { LedgerEventsResolver } from './resolvers/ledger-events.resolver';
import { LEGISLATION_RESOLVERS } from './resolvers/legislation.resolvers';
import { PersonMutationsResolver } from './resolvers/person-mutations.resolver';

/** Resolvers and guards. Read models (EventLogQueries) come from the composition root. */
@Module({
  imports: [ApplicationModule],
  providers: [LedgerEventsResolver, PersonMutationsResolver, DirectoryMutationsResolver, LegislationMutationsResolver, ...DIRECTORY_RESOLVERS, ...LEGISLATION_RESOLVERS, { provide: APP_GUARD, useClass: RolesGuard }],
})
export class LedgerGraphqlModule {}
