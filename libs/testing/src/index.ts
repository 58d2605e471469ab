export * from './decider-spec';
export * from './legislation-history.fixture';
export * from './read-model-harness';
