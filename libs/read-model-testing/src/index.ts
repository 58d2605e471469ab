export * from './legislation-history.fixture';
export * from './data-requests-history.fixture';
export * from './read-model-harness';
