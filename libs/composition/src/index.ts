export * from './event-store.factory';
export * from './graphql-server/ledger-graphql-server.module';
export * from './graphql-server/served-replay';
export * from './import-target.factory';
export * from './ledger-core.module';
export * from './replay';
export * from './token-service.factory';
