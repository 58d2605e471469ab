export * from './sqlite-event-store.adapter';
export { EVENT_STORE_SCHEMA } from './sqlite-event-store.schema';
export * from './sqlite-recorded-log.reader';
