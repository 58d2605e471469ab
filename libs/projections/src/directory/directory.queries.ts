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
    return records.map(organizationOf);
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

  /**
   * One page of people by sort name then id (keyset pagination, either way: `after` a key going
   * forward, `before` one going backward; rows come back in ascending order either way), with
   * the count of all that match. `text` matches any part of the name (SQLite's LIKE: letters
   * A to Z in either case);
   * `memberOf` keeps the members of that organization on `on` (YYYY-MM-DD).
   */
  peoplePage(filter: { text?: string; memberOf?: string; on: string }, page: KeysetPage): KeysetResult<PersonRow> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.text) nameContains(filter.text, where, params);
    if (filter.memberOf) {
      where.push('id IN (SELECT person_id FROM memberships WHERE org_id = ? AND start_date <= ? AND (end_date IS NULL OR ? <= end_date))');
      params.push(filter.memberOf, filter.on, filter.on);
    }
    return this.keysetPage<PersonRow>('SELECT id, name, sort_name AS sortName, stream_id AS streamId, sort_name AS sortKey FROM people', 'sort_name', where, params, page);
  }

  /** One page of organizations by name then id, like peoplePage; `kind` keeps one kind. */
  organizationsPage(filter: { text?: string; kind?: OrganizationKindValue }, page: KeysetPage): KeysetResult<OrganizationRow> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.text) nameContains(filter.text, where, params);
    if (filter.kind) {
      where.push('kind = ?');
      params.push(filter.kind);
    }
    const result = this.keysetPage<OrganizationRecord & { sortKey: string }>('SELECT id, name, kind, parent_id, rules, stream_id, name AS sortKey FROM organizations', 'name', where, params, page);
    return { ...result, rows: result.rows.map((r) => ({ ...organizationOf(r), sortKey: r.sortKey })) };
  }

  private keysetPage<R>(select: string, sortColumn: string, where: string[], params: unknown[], page: KeysetPage): KeysetResult<R> {
    const filtered = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const totalCount = this.prepare(`SELECT count(*) FROM (${select}${filtered})`).pluck().get(...params) as number;
    const forward = page.direction === 'forward';
    const keyed = [...where];
    const keyParams = [...params];
    if (page.cursor) {
      keyed.push(`(${sortColumn}, id) ${forward ? '>' : '<'} (?, ?)`);
      keyParams.push(page.cursor.sortKey, page.cursor.id);
    }
    const order = forward ? 'ASC' : 'DESC';
    const rows = this
      .prepare(`${select}${keyed.length ? ` WHERE ${keyed.join(' AND ')}` : ''} ORDER BY ${sortColumn} ${order}, id ${order} LIMIT ?`)
      .all(...keyParams, page.size + 1) as Array<R & { sortKey: string }>;
    const hasMore = rows.length > page.size;
    const kept = rows.slice(0, page.size);
    return { rows: forward ? kept : kept.reverse(), hasMore, totalCount };
  }
}

/** Where a keyset page starts and which way it goes (GraphQL's first/after or last/before). */
export interface KeysetPage {
  direction: 'forward' | 'backward';
  size: number;
  /** the row the page starts after (forward) or ends before (backward); null for the first or last page */
  cursor: { sortKey: string; id: string } | null;
}

export interface KeysetResult<R> {
  /** in ascending order, each with the key it is sorted by */
  rows: Array<R & { sortKey: string }>;
  /** whether more rows lie beyond the page in its direction */
  hasMore: boolean;
  totalCount: number;
}

/** A name containing `text` (SQLite's LIKE, its wildcards taken literally: a search for "50%" finds "50%"). */
function nameContains(text: string, where: string[], params: unknown[]): void {
  where.push("name LIKE ? ESCAPE '\\'");
  params.push(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

function organizationOf(r: OrganizationRecord): OrganizationRow {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    rules: r.rules === null ? null : (JSON.parse(r.rules) as VotingRulesRow),
    streamId: r.stream_id,
  };
}
