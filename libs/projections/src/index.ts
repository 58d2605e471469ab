// The read side's public surface: the runtime that follows the log, one entry per read model
// (its projection, queries and rows), and the OCD mapping. Rows are as stored, restricted values
// included: what a caller may see of them is libs/investigation's public view.
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

export { tokensProjection } from './tokens/tokens.projection';
export { TokenQueries, type TokenPage } from './tokens/tokens.queries';
export type * from './tokens/tokens.rows';

export * from './ocd';
