export * from './bounded-event-store.decorator';
export * from './event-envelope';
export * from './event-store.errors';
export * from './event-store.port';
export * from './new-event-checks';
export * from './recorded-history.checks';
export * from './recorded-until';
