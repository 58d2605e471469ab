import type Database from 'better-sqlite3';
import type { MembershipRow, OrganizationKindValue, OrganizationRow, PersonRow, VotingRulesRow } from './directory.rows';
import { statement } from '../runtime/statement-cache';

interface OrganizationRecord {
  id: string;
  name: string;
  kind: OrganizationKindValue;
  parent_id: string | null;
  rules: string | null;
  stream_id: string;
}

const MEMBERSHIP_COLUMNS = 'org_id AS orgId, person_id AS personId, role, start_date AS startDate, end_date AS endDate';

/**
 * Reads of the directory read model, shaped for DataLoader batch functions: each method takes
 * every key of one batch and answers with one query. Results come back unordered and without
 * entries for unknown keys; the caller aligns them to its keys (pickByKeys / groupByKeys).
 * Keys travel as one JSON array parameter, so a batch of any size stays one statement.
 */
export class DirectoryQueries {
  constructor(private readonly db: Database.Database) {}

  /** Prepared once per connection and SQL text (runtime/statement-cache), as the handlers' are. */
  private prepare(sql: string): Database.Statement {
    return statement(this.db, sql);
  }

  peopleByIds(ids: readonly string[]): PersonRow[] {
    if (ids.length === 0) return [];
    return this
      .prepare('SELECT id, name, sort_name AS sortName, stream_id AS streamId FROM people WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as PersonRow[];
  }

  organizationsByIds(ids: readonly string[]): OrganizationRow[] {
    if (ids.length === 0) return [];
    const records = this
      .prepare('SELECT id, name, kind, parent_id, rules, stream_id FROM organizations WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as OrganizationRecord[];
    return records.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      parentId: r.parent_id,
      rules: r.rules === null ? null : (JSON.parse(r.rules) as VotingRulesRow),
      streamId: r.stream_id,
    }));
  }

  /** every membership of these people, past and present, oldest first per person */
  membershipsOfPeople(personIds: readonly string[]): MembershipRow[] {
    if (personIds.length === 0) return [];
    return this
      .prepare(
        `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships WHERE person_id IN (SELECT value FROM json_each(?))
         ORDER BY person_id, start_date, org_id, role`,
      )
      .all(JSON.stringify(personIds)) as MembershipRow[];
  }

  /** memberships of these organizations held on `date` (YYYY-MM-DD; both ends inclusive) */
  membersOfOrganizationsOn(orgIds: readonly string[], date: string): MembershipRow[] {
    if (orgIds.length === 0) return [];
    return this
      .prepare(
        `SELECT ${MEMBERSHIP_COLUMNS} FROM memberships
         WHERE org_id IN (SELECT value FROM json_each(?)) AND start_date <= ? AND (end_date IS NULL OR ? <= end_date)
         ORDER BY org_id, person_id, role, start_date`,
      )
      .all(JSON.stringify(orgIds), date, date) as MembershipRow[];
  }
}
