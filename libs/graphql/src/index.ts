export * from './auth/request-context';
export * from './auth/roles.guard';
export * from './graphql-errors';
export * from './ledger-graphql.module';
export * from './pagination';
export * from './scalars';
export * from './dataloader/request-loaders';
