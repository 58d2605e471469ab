export * from './replay-manifest';
export * from './replay-read-models';
export * from './replay-serving';
export * from './replay.errors';
export * from './replay-source';
