export * from './ledger-read-models';
export * from './read-model-snapshot';
export * from './rebuild-read-models';
