import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { IncomingMessage } from 'node:http';
import { TOKEN_SERVICE, type TokenService } from '@ledger/auth';
import { LedgerGraphqlModule, buildRequestContext, formatLedgerError, graphqlWsOptions } from '@ledger/graphql';
import type { ReplayManifest } from '../replay/replay-manifest';
import { HealthController } from './health.controller';
import { ReadOnlyGuard, readOnlyPlugin } from './read-only.guards';
import { SERVED_REPLAY } from './served-replay';

export interface LedgerGraphqlServerOptions {
  /** serve a replay: every mutation is refused (FORBIDDEN) naming it, and /healthz describes it */
  readOnly?: { replay: ReplayManifest };
}

/**
 * The GraphQL API over Apollo and /healthz, for any composition root that serves HTTP: the API
 * (live) and `ledger serve --read-models` (a replay, read-only). Needs LedgerCoreModule.
 */
@Module({})
export class LedgerGraphqlServerModule {
  static forRoot(options: LedgerGraphqlServerOptions = {}): DynamicModule {
    const replay = options.readOnly?.replay ?? null;
    const providers: Provider[] = [{ provide: SERVED_REPLAY, useValue: replay }];
    if (replay) providers.push({ provide: APP_GUARD, useClass: ReadOnlyGuard });
    return {
      module: LedgerGraphqlServerModule,
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [TOKEN_SERVICE],
          useFactory: (tokens: TokenService) => ({
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            introspection: true,
            playground: false,
            includeStacktraceInErrorResponses: false,
            formatError: formatLedgerError,
            context: ({ req }: { req: IncomingMessage }) => buildRequestContext(tokens, req),
            // Live events (the ledgerEvents subscription) over graphql-ws on the same path.
            subscriptions: { 'graphql-ws': graphqlWsOptions(tokens) },
            plugins: replay ? [readOnlyPlugin(replay)] : [],
          }),
        }),
        LedgerGraphqlModule,
      ],
      controllers: [HealthController],
      providers,
    };
  }
}
