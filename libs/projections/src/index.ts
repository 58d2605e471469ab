// The read side's public surface: the runtime that follows the log, one entry per read model
// (its projection, queries and rows), and the query-side services built on them.
export * from './runtime';

export { eventLogProjection } from './event-log/event-log.projection';
export { EventLogQueries, type EventLogFilter, type EventLogPage } from './event-log/event-log.queries';

export { directoryProjection } from './directory/directory.projection';
export { DirectoryQueries } from './directory/directory.queries';
export type * from './directory/directory.rows';

export { legislationProjection } from './legislation/legislation.projection';
export { LegislationQueries, measureSearchQuery } from './legislation/legislation.queries';
export type * from './legislation/legislation.rows';

export { dataRequestsProjection } from './data-requests/data-requests.projection';
export { DataRequestQueries } from './data-requests/data-requests.queries';
export type * from './data-requests/data-requests.rows';

export * from './trace/trace-subject';
export type * from './trace/trace.rows';
export { TraceService } from './trace/trace.service';

export * from './ocd';
