import { Module, type DynamicModule } from '@nestjs/common';
import { LedgerCoreModule, LedgerGraphqlServerModule } from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import { PortalModule } from '@ledger/portal';

/**
 * The API's composition root: the ledger core, GraphQL over Apollo, health, and the public portal at `/`. The server setup
 * lives in libs/composition, because `ledger serve --read-models` serves the same API (read-only).
 */
@Module({})
export class AppModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [LedgerCoreModule.forRoot(config, { transparencyLog: true }), LedgerGraphqlServerModule.forRoot(), PortalModule],
    };
  }
}
