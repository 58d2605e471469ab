import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import type { Projection } from '../projection';
import { applyLegislationEvent } from './legislation/legislation.handlers';
import { createLegislationTables, dropLegislationTables } from './legislation/legislation-tables';

/**
 * Measures (ordinances, resolutions, executive orders) with their sponsors, clause versions and
 * when each was in force, votes with their roll calls, the legislative history as Open Civic
 * Data style actions, and a full-text index over titles and clause texts.
 */
export const legislationProjection: Projection = {
  name: 'legislation',
  version: 1,
  setup: (db: Database.Database) => createLegislationTables(db),
  drop: (db: Database.Database) => dropLegislationTables(db),
  apply: (db: Database.Database, event: RecordedEvent) => applyLegislationEvent(db, event),
};
