export type * from './event-payloads';
