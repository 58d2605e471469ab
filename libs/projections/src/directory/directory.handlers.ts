import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import type {
  MembershipCorrectedData,
  MembershipEndedData,
  MembershipStartedData,
  OrganizationRecordCorrectedData,
  OrganizationRegisteredData,
  PersonRecordCorrectedData,
  PersonRegisteredData,
} from '@ledger/event-types';
import { statement } from '../runtime/statement-cache';

/**
 * Applies one event if the directory reads its type; others pass through untouched. Corrections
 * are applied in log order, so the later event wins. Rows a correction or an end names are
 * expected to exist: the deciders refuse anything else before it is appended, so an UPDATE that
 * matches nothing means there is nothing to change.
 */
export function applyDirectoryEvent(db: Database.Database, event: RecordedEvent): void {
  switch (event.type) {
    case 'PersonRegistered':
      return registerPerson(db, event.streamId, event.data as PersonRegisteredData);
    case 'PersonRecordCorrected':
      return correctPerson(db, event.data as PersonRecordCorrectedData);
    case 'OrganizationRegistered':
      return registerOrganization(db, event.streamId, event.data as OrganizationRegisteredData);
    case 'OrganizationRecordCorrected':
      return correctOrganization(db, event.data as OrganizationRecordCorrectedData);
    case 'MembershipStarted':
      return startMembership(db, event.data as MembershipStartedData);
    case 'MembershipEnded':
      return endMembership(db, event.data as MembershipEndedData);
    case 'MembershipCorrected':
      return correctMembership(db, event.data as MembershipCorrectedData);
    default:
      // Every other context's events pass through this projection untouched.
      return;
  }
}

function registerPerson(db: Database.Database, streamId: string, data: PersonRegisteredData): void {
  statement(db, 'INSERT INTO people (id, name, sort_name, stream_id) VALUES (?, ?, ?, ?)').run(data.personId, data.name, data.sortName, streamId);
}

function correctPerson(db: Database.Database, { personId, corrections }: PersonRecordCorrectedData): void {
  statement(db, 'UPDATE people SET name = COALESCE(?, name), sort_name = COALESCE(?, sort_name) WHERE id = ?').run(
    corrections.name ?? null,
    corrections.sortName ?? null,
    personId,
  );
}

function registerOrganization(db: Database.Database, streamId: string, data: OrganizationRegisteredData): void {
  statement(db, 'INSERT INTO organizations (id, name, kind, parent_id, rules, stream_id) VALUES (?, ?, ?, ?, ?, ?)').run(
    data.orgId,
    data.name,
    data.kind,
    data.parentId,
    data.rules === null ? null : JSON.stringify(data.rules),
    streamId,
  );
}

function correctOrganization(db: Database.Database, { orgId, corrections }: OrganizationRecordCorrectedData): void {
  // parentId and rules may be corrected *to* null, so presence of the key, not its value, decides.
  const sets: string[] = [];
  const params: unknown[] = [];
  if (corrections.name !== undefined) (sets.push('name = ?'), params.push(corrections.name));
  if ('parentId' in corrections) (sets.push('parent_id = ?'), params.push(corrections.parentId ?? null));
  if ('rules' in corrections) (sets.push('rules = ?'), params.push(corrections.rules == null ? null : JSON.stringify(corrections.rules)));
  if (sets.length === 0) return;
  statement(db, `UPDATE organizations SET ${sets.join(', ')} WHERE id = ?`).run(...params, orgId);
}

function startMembership(db: Database.Database, data: MembershipStartedData): void {
  statement(db, 'INSERT INTO memberships (org_id, person_id, role, start_date, end_date) VALUES (?, ?, ?, ?, NULL)').run(
    data.orgId,
    data.personId,
    data.role,
    data.startDate,
  );
}

function endMembership(db: Database.Database, data: MembershipEndedData): void {
  // The decider allows one open membership per (org, person, role), so "the open one" is unique.
  statement(db, 'UPDATE memberships SET end_date = ? WHERE org_id = ? AND person_id = ? AND role = ? AND end_date IS NULL').run(
    data.endDate,
    data.orgId,
    data.personId,
    data.role,
  );
}

function correctMembership(db: Database.Database, { orgId, personId, role, startDate, corrections }: MembershipCorrectedData): void {
  // startDate names the membership by its start as currently recorded (after earlier corrections);
  // endDate may be corrected to null, which reopens the membership.
  const sets: string[] = [];
  const params: unknown[] = [];
  if (corrections.startDate !== undefined) (sets.push('start_date = ?'), params.push(corrections.startDate));
  if ('endDate' in corrections) (sets.push('end_date = ?'), params.push(corrections.endDate ?? null));
  if (sets.length === 0) return;
  statement(db, `UPDATE memberships SET ${sets.join(', ')} WHERE org_id = ? AND person_id = ? AND role = ? AND start_date = ?`).run(
    ...params,
    orgId,
    personId,
    role,
    startDate,
  );
}
