export * from './event-store.factory';
export * from './ledger-core.module';
export * from './token-service.factory';
