export type { LogBatch, LogConsumer } from './log-consumer';
export { DependencyError } from './dependency-order';
export {
  ProjectionRunner,
  ReadModelsUnavailable,
  type AppliedEventsListener,
  type CatchUpProgress,
  type ProjectionRunnerOptions,
  type ReadModelsFailure,
  type RunnerLog,
} from './projection-runner';
export type { SqliteProjection } from './sqlite-projection';
export { pluckedStatement, statement } from './statement-cache';
export { SqliteReadModels, readModelsPosition } from './sqlite-read-models';
export {
  READ_MODEL_DB,
  buildReadModelFile,
  partialFileOf,
  openReadModelDatabase,
  openReadModelDatabaseReadOnly,
  readConsistently,
  type OpenReadModelsOptions,
} from './read-model-database';
export { ownerLockFile } from './read-model-owner';
export { ReadModelsDamaged, ReadModelsInUse, ReadModelsNotReady, isDamageError } from './read-model-errors';
