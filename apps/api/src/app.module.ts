import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TOKEN_SERVICE, type TokenService } from '@ledger/auth';
import { LedgerCoreModule } from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import { LedgerGraphqlModule, buildRequestContext, formatLedgerError } from '@ledger/graphql';
import { HealthController } from './health.controller';

/** The API's composition root: the ledger core, GraphQL over Apollo, and health. */
@Module({})
export class AppModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LedgerCoreModule.forRoot(config),
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
            context: ({ req }: { req: import('node:http').IncomingMessage }) => buildRequestContext(tokens, req),
          }),
        }),
        LedgerGraphqlModule,
      ],
      controllers: [HealthController],
    };
  }
}
