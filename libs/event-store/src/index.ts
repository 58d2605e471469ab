export * from './event-envelope';
export * from './event-store.errors';
export * from './event-store.port';
export * from './new-event-checks';
