export * from './projection';
export * from './projection-runner';
export * from './read-model-database';
export * from './event-log.queries';
export { eventLogProjection } from './projections/event-log.projection';
