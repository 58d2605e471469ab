import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { IncomingMessage } from 'node:http';
import { TOKEN_SERVICE, type TokenService } from '@ledger/auth';
import { LEDGER_CONFIG, type LedgerConfig } from '@ledger/config';
import {
  LIMITED_PARSE,
  LedgerGraphqlModule,
  buildRequestContext,
  formatLedgerError,
  graphqlRefusalsPlugin,
  graphqlWsOptions,
  queryLimitsPlugin,
} from '@ledger/graphql';
import { LedgerHealth } from '../health/ledger-health';
import { readModelDamagePlugin } from '../health/read-model-damage.plugin';
import { LedgerExceptionFilter } from '../http/http-exception.filter';
import { LedgerLoggerModule } from '../http/ledger-logger.module';
import type { ReplayManifest } from '../replay/replay-manifest';
import { HealthController } from '../health/health.controller';
import { LogController } from '../transparency/log.controller';
import { LedgerApolloDriver } from './ledger-apollo.driver';
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
    const providers: Provider[] = [{ provide: SERVED_REPLAY, useValue: replay }, { provide: APP_FILTER, useClass: LedgerExceptionFilter }];
    if (replay) providers.push({ provide: APP_GUARD, useClass: ReadOnlyGuard });
    return {
      module: LedgerGraphqlServerModule,
      imports: [
        LedgerLoggerModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: LedgerApolloDriver,
          inject: [TOKEN_SERVICE, LEDGER_CONFIG, LedgerHealth, GraphQLSchemaHost],
          useFactory: (tokens: TokenService, config: LedgerConfig, health: LedgerHealth, schemaHost: GraphQLSchemaHost) => ({
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            // On by default: civic developers build on this public API. LEDGER_INTROSPECTION=false hides it.
            introspection: config.introspection,
            playground: false,
            includeStacktraceInErrorResponses: false,
            formatError: formatLedgerError,
            // The query limits (README, "Query limits"): tokens as Apollo parses, then the plugin.
            parseOptions: LIMITED_PARSE,
            context: ({ req }: { req: IncomingMessage }) => buildRequestContext(tokens, req),
            // Live events (the ledgerEvents subscription) over graphql-ws on the same path, served
            // by LedgerApolloDriver with the same query limits; the schema exists once Nest built it.
            subscriptions: { 'graphql-ws': graphqlWsOptions(tokens, () => schemaHost.schema) },
            // Apollo's cache-control plugin (on unless disabled) wraps every field's resolution to
            // compute cache hints this API never sets nor sends: per-field work on every answer.
            plugins: [ApolloServerPluginCacheControlDisabled(), queryLimitsPlugin(), graphqlRefusalsPlugin(), readModelDamagePlugin(health), ...(replay ? [readOnlyPlugin(replay)] : [])],
          }),
        }),
        LedgerGraphqlModule,
      ],
      controllers: [HealthController, LogController],
      providers,
    };
  }
}
