export { EventStoreDbTestDouble, type EventStoreDbTestDoubleOptions } from './eventstoredb.test-double';
