export * from './decider-spec';
export * from './legislation-history.fixture';
export * from './read-model-harness';
export * from './data-request-history.fixture';
