import type Database from 'better-sqlite3';
import { measureStatus, stageAfter, type MeasureEvent, type MeasureKind, type MeasureStage } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { ClauseVersionRow } from './legislation.rows';
import { pluckedStatement, statement } from '../runtime/statement-cache';

/** Row writers shared by the legislation handlers; each is one statement. */

export interface ActionFacts {
  classification: string;
  description: string;
  organizationId?: string | null;
  voteId?: string | null;
}

export function addAction(db: Database.Database, event: RecordedEvent, measureId: string, action: ActionFacts): void {
  statement(
    db,
    `INSERT INTO measure_actions (measure_id, sequence, occurred_at, classification, description, organization_id, vote_id, actor, event_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    measureId,
    event.sequence,
    event.occurredAt,
    action.classification,
    action.description,
    action.organizationId ?? null,
    action.voteId ?? null,
    JSON.stringify({ id: event.recordedBy.id, name: event.recordedBy.name, role: event.recordedBy.role }),
    event.eventId,
  );
}

/**
 * Moves a measure to the stage the domain's lifecycle gives after this event (stageAfter, which the
 * deciders fold too), and its status with it: the read model keeps no state machine of its own.
 */
export function advanceStage(db: Database.Database, event: RecordedEvent<string, { measureId: string }>): void {
  const { measureId } = event.data;
  const current = statement(db, 'SELECT stage, kind FROM measures WHERE id = ?').get(measureId) as { stage: MeasureStage; kind: MeasureKind } | undefined;
  // No row, nothing to move (the measure's first event inserts it with its stage).
  if (!current) return;
  const stage = stageAfter(current.stage, event as unknown as MeasureEvent);
  statement(db, 'UPDATE measures SET stage = ?, status = ? WHERE id = ?').run(stage, measureStatus(stage, current.kind), measureId);
}

export function measureColumn(db: Database.Database, measureId: string, column: 'body_id' | 'office_id'): string | null {
  return (pluckedStatement(db, `SELECT ${column} FROM measures WHERE id = ?`).get(measureId) as string | null | undefined) ?? null;
}

/** A version as an event states it; the clause id, validity dates and event come from elsewhere. */
export type ClauseVersionFacts = Omit<ClauseVersionRow, 'clauseId' | 'validFrom' | 'validUntil' | 'eventId' | 'sequence'>;

/** Adds a version, creating the clause (after the measure's other clauses) when it is new. */
export function addClauseVersion(db: Database.Database, event: RecordedEvent, facts: ClauseVersionFacts): void {
  statement(
    db,
    `INSERT INTO clauses (measure_id, e_id, position, heading)
     VALUES (?, ?, (SELECT COALESCE(MAX(position) + 1, 0) FROM clauses WHERE measure_id = ?), ?)
     ON CONFLICT (measure_id, e_id) DO UPDATE SET heading = excluded.heading`,
  ).run(facts.measureId, facts.eId, facts.measureId, facts.heading);
  statement(
    db,
    `INSERT INTO clause_versions (measure_id, e_id, version, heading, text, rule, struck, adopted_by_vote_id, by_measure_id,
       effective_from, valid_from, valid_until, event_id, sequence)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)`,
  ).run(
    facts.measureId,
    facts.eId,
    facts.version,
    facts.heading,
    facts.text,
    facts.rule === null ? null : JSON.stringify(facts.rule),
    facts.struck ? 1 : 0,
    facts.adoptedByVoteId,
    facts.byMeasureId,
    facts.effectiveFrom,
    event.eventId,
    event.sequence,
  );
  if (!facts.struck) indexText(db, facts.measureId, facts.text);
}

/** The newest version of a clause, which a strike carries forward (heading and struck text). */
export function latestVersion(db: Database.Database, measureId: string, eId: string): { heading: string | null; text: string } | null {
  return (
    (statement(db, 'SELECT heading, text FROM clause_versions WHERE measure_id = ? AND e_id = ? ORDER BY version DESC LIMIT 1').get(measureId, eId) as
      { heading: string | null; text: string } | undefined) ?? null
  );
}

export function indexText(db: Database.Database, measureId: string, content: string): void {
  statement(db, 'INSERT INTO measure_search (measure_id, content) VALUES (?, ?)').run(measureId, content);
}

export function setName(db: Database.Database, id: string, name: string): void {
  statement(db, 'INSERT INTO legislation_names (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name').run(id, name);
}

/** The display name known for a person or organization; the id when the directory has none. */
export function nameOf(db: Database.Database, id: string): string {
  return (pluckedStatement(db, 'SELECT name FROM legislation_names WHERE id = ?').get(id) as string | undefined) ?? id;
}
