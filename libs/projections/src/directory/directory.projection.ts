import type { SqliteProjection } from '../runtime/sqlite-projection';
import { applyDirectoryEvent } from './directory.handlers';
import { createDirectoryTables, dropDirectoryTables } from './directory.tables';

/**
 * People, organizations and memberships as they stand after every correction. The events
 * themselves stay in the event log, which is where a node's history is read from.
 */
export const directoryProjection: SqliteProjection = {
  name: 'directory',
  version: 1,
  setup: createDirectoryTables,
  drop: dropDirectoryTables,
  apply: applyDirectoryEvent,
};
