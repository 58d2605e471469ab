import type Database from 'better-sqlite3';
import { clauseId, parseClauseId } from '@ledger/domain';
import type {
  ActorRow,
  ClauseRow,
  ClauseVersionRow,
  MeasureActionRow,
  MeasureFilter,
  MeasurePage,
  MeasureRow,
  PolicyFilter,
  PolicyPlace,
  PolicyRuleRow,
  SponsorRow,
  VoteCastPage,
  VoteCastRow,
  VoteEventRow,
  VoteRow,
} from './legislation.rows';
import { pluckedStatement, statement } from '../runtime/statement-cache';

const MEASURE_COLUMNS = `id, kind, title, summary, stage, status, body_id AS bodyId, committee_id AS committeeId, office_id AS officeId,
  introduced_at AS introducedAt, effective_from AS effectiveFrom, effective_until AS effectiveUntil, stream_id AS streamId, sequence`;

const VERSION_COLUMNS = `v.measure_id AS measureId, v.e_id AS eId, v.version, v.heading, v.text, v.rule, v.struck,
  v.adopted_by_vote_id AS adoptedByVoteId, v.by_measure_id AS byMeasureId, v.effective_from AS effectiveFrom,
  v.valid_from AS validFrom, v.valid_until AS validUntil, v.event_id AS eventId, v.sequence`;

const VOTE_COLUMNS = `id, measure_id AS measureId, body_id AS bodyId, motion, occurred_at AS occurredAt, yes, no, abstain, absent,
  recused, threshold, result, corrected, reconsiders_vote_id AS reconsidersVoteId, reconsidered_by_vote_id AS reconsideredByVoteId, event_id AS eventId, sequence`;

const IN_FORCE = 'v.valid_from IS NOT NULL AND v.valid_from <= @on AND (v.valid_until IS NULL OR @on < v.valid_until)';
const MEASURE_IN_FORCE = 'm.effective_from IS NOT NULL AND m.effective_from <= @on AND (m.effective_until IS NULL OR @on < m.effective_until)';
const LATEST = 'v.version = (SELECT MAX(x.version) FROM clause_versions x WHERE x.measure_id = v.measure_id AND x.e_id = v.e_id)';

type VersionRecord = Omit<ClauseVersionRow, 'clauseId' | 'rule' | 'struck'> & { rule: string | null; struck: number };
type VoteRecord = Omit<VoteRow, 'tally' | 'corrected'> & VoteRow['tally'] & { corrected: number };
type ActionRecord = Omit<MeasureActionRow, 'actor'> & { actor: string };

const json = (keys: readonly string[]) => JSON.stringify(keys);

/**
 * Clause ids as [measureId, eId] pairs in one JSON parameter, joined as `CLAUSE_KEYS` on the
 * tables' (measure_id, e_id) keys. Matching the computed `measure_id || '#' || e_id` instead can
 * use no index: every lookup scanned every clause (version) of the ledger, ~80% of a measure
 * page's, decision list's and trace's time at 200k events. Ids that are no clause id match nothing.
 */
const clauseKeys = (ids: readonly string[]) =>
  JSON.stringify(
    [...new Set(ids)].flatMap((id) => {
      const key = parseClauseId(id);
      return key ? [[key.measureId, key.eId]] : [];
    }),
  );
const byClauseKeys = (table: string, alias: string) =>
  `json_each(?) k JOIN ${table} ${alias} ON ${alias}.measure_id = k.value ->> 0 AND ${alias}.e_id = k.value ->> 1`;

/**
 * Full-text query for `text`: every word must occur (stemmed, accents ignored). Each word is
 * quoted, so FTS5 syntax in user input is read as words; null when there is no word at all.
 */
export function measureSearchQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((word) => `"${word}"`).join(' ') : null;
}

/**
 * Reads of the legislation read model. Batch methods take every key of one DataLoader batch and
 * answer with one statement (keys travel as one JSON array parameter); results come back without
 * entries for unknown keys, in the order stated, and the caller aligns them to its keys.
 */
export class LegislationQueries {
  constructor(private readonly db: Database.Database) {}

  /** Prepared once per connection and SQL text (runtime/statement-cache), as the handlers' are. */
  private prepare(sql: string): Database.Statement {
    return statement(this.db, sql);
  }

  measure(id: string): MeasureRow | null {
    return this.measuresByIds([id])[0] ?? null;
  }

  measuresByIds(ids: readonly string[]): MeasureRow[] {
    if (ids.length === 0) return [];
    return this.prepare(`SELECT ${MEASURE_COLUMNS} FROM measures WHERE id IN (SELECT value FROM json_each(?))`).all(json(ids)) as MeasureRow[];
  }

  /** sponsors in the order the measure lists them */
  sponsorsOfMeasures(measureIds: readonly string[]): SponsorRow[] {
    if (measureIds.length === 0) return [];
    return this
      .prepare(
        `SELECT measure_id AS measureId, person_id AS personId FROM measure_sponsors
         WHERE measure_id IN (SELECT value FROM json_each(?)) ORDER BY measure_id, position`,
      )
      .all(json(measureIds)) as SponsorRow[];
  }

  clause(id: string): ClauseRow | null {
    return this.clausesByIds([id])[0] ?? null;
  }

  clausesByIds(clauseIds: readonly string[]): ClauseRow[] {
    if (clauseIds.length === 0) return [];
    return this
      .prepare(
        `SELECT c.measure_id || '#' || c.e_id AS id, c.measure_id AS measureId, c.e_id AS eId, c.heading FROM ${byClauseKeys('clauses', 'c')}`,
      )
      .all(clauseKeys(clauseIds)) as ClauseRow[];
  }

  /**
   * The versions in force on `on` (YYYY-MM-DD) of every clause of these measures; without `on`,
   * the newest version of every clause (struck ones included, flagged). In clause order.
   */
  clauseVersionsOfMeasures(measureIds: readonly string[], on?: string | null): ClauseVersionRow[] {
    if (measureIds.length === 0) return [];
    const condition = on != null ? IN_FORCE : LATEST;
    const records = this
      .prepare(
        `SELECT ${VERSION_COLUMNS} FROM clause_versions v JOIN clauses c ON c.measure_id = v.measure_id AND c.e_id = v.e_id
         WHERE v.measure_id IN (SELECT value FROM json_each(@ids)) AND ${condition}
         ORDER BY v.measure_id, c.position, v.version`,
      )
      .all({ ids: json(measureIds), ...(on != null && { on }) }) as VersionRecord[];
    return records.map(toVersionRow);
  }

  /** every version of these clauses, oldest first */
  clauseVersionsOfClauses(clauseIds: readonly string[]): ClauseVersionRow[] {
    if (clauseIds.length === 0) return [];
    const records = this
      .prepare(
        `SELECT ${VERSION_COLUMNS} FROM ${byClauseKeys('clause_versions', 'v')} ORDER BY v.measure_id, v.e_id, v.version`,
      )
      .all(clauseKeys(clauseIds)) as VersionRecord[];
    return records.map(toVersionRow);
  }

  /**
   * These versions of clauses (a decision's citations, its compliance findings), by primary key: a
   * finding names one version, and loading every version of its clause instead read several times
   * the rows (and text) a decisions page shows. Each version once; unknown keys match nothing.
   */
  clauseVersionsByKeys(keys: ReadonlyArray<{ clauseId: string; version: number }>): ClauseVersionRow[] {
    const triples = new Map<string, [string, string, number]>();
    for (const { clauseId: id, version } of keys) {
      const key = parseClauseId(id);
      if (key) triples.set(`${id} v${version}`, [key.measureId, key.eId, version]);
    }
    if (triples.size === 0) return [];
    const records = this.prepare(
      `SELECT ${VERSION_COLUMNS} FROM json_each(?) k
       JOIN clause_versions v ON v.measure_id = k.value ->> 0 AND v.e_id = k.value ->> 1 AND v.version = k.value ->> 2`,
    ).all(JSON.stringify([...triples.values()])) as VersionRecord[];
    return records.map(toVersionRow);
  }

  /**
   * One page of the clause versions in force on `on` (YYYY-MM-DD), across all measures, in measure
   * then clause order: the first `first` matching `filter` after the clause at `after`.
   *
   * Walked in that order (measures by their unique sequence, then clauses_in_order), so a page stops
   * reading once it is full instead of sorting everything in force (which answered 15 MB at 200k
   * events). Measures not in force that day are skipped before their clauses are read: a clause
   * version in force lies within its measure's
   * [effectiveFrom, effectiveUntil) (the domain's clauseValidity, and an amendment never takes effect
   * before the measure it amends), so that test drops nothing the version test would keep.
   */
  policyInForce(on: string, filter: PolicyFilter, first: number, after: PolicyPlace | null): ClauseVersionRow[] {
    const where = [MEASURE_IN_FORCE, IN_FORCE];
    const params: Record<string, unknown> = { on, limit: first };
    if (filter.measureId != null) (where.push('m.id = @measureId'), (params.measureId = filter.measureId));
    if (after !== null) {
      where.push('m.sequence >= @afterSequence AND (m.sequence > @afterSequence OR c.position > @afterPosition)');
      Object.assign(params, { afterSequence: after.measureSequence, afterPosition: after.position });
    }
    const byRule = filter.dataCategory != null || filter.recipient != null;
    if (!byRule) {
      const records = this
        .prepare(
          `SELECT ${VERSION_COLUMNS} FROM measures m
           CROSS JOIN clauses c ON c.measure_id = m.id
           CROSS JOIN clause_versions v ON v.measure_id = c.measure_id AND v.e_id = c.e_id
           WHERE ${where.join(' AND ')} ORDER BY m.sequence, c.position LIMIT @limit`,
        )
        .all(params) as VersionRecord[];
      return records.map(toVersionRow);
    }
    // Filtered by what the rule covers: start from the rules index (clause_rule_matches, one row per
    // category and recipient a rule version covers, '' for a rule that names none and so covers
    // every one), which holds only versions with a rule, instead of walking every measure in force
    // (thousands in a large city) to find the few whose rules match. It is read whole: it is as
    // large as the city's data law, not its ledger, and an index of its own here would be chosen
    // by SQLite for the compliance lookup too, where it reads far more than the primary key.
    const covers: string[] = [`r.valid_from <= @on AND @on < r.valid_until`];
    if (filter.dataCategory != null) (covers.push("r.category IN (@category, '')"), (params.category = filter.dataCategory));
    if (filter.recipient != null) (covers.push("r.recipient IN (@recipient, '')"), (params.recipient = filter.recipient));
    const records = this
      .prepare(
        `WITH matching AS MATERIALIZED (SELECT DISTINCT r.measure_id, r.e_id, r.version FROM clause_rule_matches r WHERE ${covers.join(' AND ')})
         SELECT ${VERSION_COLUMNS} FROM matching k
         CROSS JOIN clause_versions v ON v.measure_id = k.measure_id AND v.e_id = k.e_id AND v.version = k.version
         CROSS JOIN clauses c ON c.measure_id = v.measure_id AND c.e_id = v.e_id
         CROSS JOIN measures m ON m.id = v.measure_id
         WHERE ${where.join(' AND ')} ORDER BY m.sequence, c.position LIMIT @limit`,
      )
      .all(params) as VersionRecord[];
    return records.map(toVersionRow);
  }

  /** where this clause stands in policyInForce's order; null when the ledger has no such clause */
  policyPlace(clauseId: string): PolicyPlace | null {
    const key = parseClauseId(clauseId);
    if (!key) return null;
    return (
      (this
        .prepare('SELECT m.sequence AS measureSequence, c.position FROM clauses c JOIN measures m ON m.id = c.measure_id WHERE c.measure_id = ? AND c.e_id = ?')
        .get(key.measureId, key.eId) as PolicyPlace | undefined) ?? null
    );
  }

  vote(id: string): VoteRow | null {
    return this.votesByIds([id])[0] ?? null;
  }

  votesByIds(voteIds: readonly string[]): VoteRow[] {
    if (voteIds.length === 0) return [];
    const records = this.prepare(`SELECT ${VOTE_COLUMNS} FROM votes WHERE id IN (SELECT value FROM json_each(?))`).all(json(voteIds)) as VoteRecord[];
    return records.map(toVoteRow);
  }

  /** votes on these measures, oldest first */
  votesOfMeasures(measureIds: readonly string[]): VoteRow[] {
    if (measureIds.length === 0) return [];
    const records = this
      .prepare(`SELECT ${VOTE_COLUMNS} FROM votes WHERE measure_id IN (SELECT value FROM json_each(?)) ORDER BY sequence`)
      .all(json(measureIds)) as VoteRecord[];
    return records.map(toVoteRow);
  }

  /** roll calls, in the order recorded */
  castsOfVotes(voteIds: readonly string[]): VoteCastRow[] {
    if (voteIds.length === 0) return [];
    return this
      .prepare(
        `SELECT vote_id AS voteId, person_id AS personId, choice, sequence, explanation FROM vote_casts
         WHERE vote_id IN (SELECT value FROM json_each(?)) ORDER BY vote_id, position`,
      )
      .all(json(voteIds)) as VoteCastRow[];
  }

  /**
   * One page of each person's votes, oldest first: the first `first` after the vote at `cursor`
   * (null: from the start), or, reading backward, the last `first` before it (null: from the end),
   * with each person's total. `hasNextPage`: more lie beyond the page in the direction it was read.
   */
  castsOfPeople(personIds: readonly string[], first: number, cursor: number | null, direction: 'forward' | 'backward' = 'forward'): VoteCastPage[] {
    if (personIds.length === 0) return [];
    const forward = direction === 'forward';
    const rows = this
      .prepare(
        `SELECT voteId, personId, choice, sequence, explanation FROM (
           SELECT vote_id AS voteId, person_id AS personId, choice, sequence, explanation,
                  ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY sequence ${forward ? 'ASC' : 'DESC'}) AS rowNumber
           FROM vote_casts WHERE person_id IN (SELECT value FROM json_each(?)) AND sequence ${forward ? '>' : '<'} ?
         ) WHERE rowNumber <= ? ORDER BY personId, sequence`,
      )
      .all(json(personIds), cursor ?? (forward ? -1 : Number.MAX_SAFE_INTEGER), first + 1) as VoteCastRow[];
    const totals = new Map(
      (
        this
          .prepare('SELECT person_id AS personId, COUNT(*) AS total FROM vote_casts WHERE person_id IN (SELECT value FROM json_each(?)) GROUP BY person_id')
          .all(json(personIds)) as Array<{ personId: string; total: number }>
      ).map((row) => [row.personId, row.total]),
    );
    return [...totals].map(([personId, totalCount]) => {
      // In sequence order; reading backward, the extra row (if any) is the oldest, not the newest.
      const casts = rows.filter((row) => row.personId === personId);
      const kept = forward ? casts.slice(0, first) : casts.slice(Math.max(0, casts.length - first));
      return { personId, casts: kept, hasNextPage: casts.length > first, totalCount };
    });
  }

  /** the events a vote consists of: its VoteRecorded and the clause versions it adopted */
  eventsOfVotes(voteIds: readonly string[]): VoteEventRow[] {
    if (voteIds.length === 0) return [];
    return this
      .prepare(
        `SELECT vote_id AS voteId, event_id AS eventId, sequence FROM measure_actions WHERE vote_id IN (SELECT value FROM json_each(@ids))
         UNION ALL
         SELECT adopted_by_vote_id, event_id, sequence FROM clause_versions WHERE adopted_by_vote_id IN (SELECT value FROM json_each(@ids))
         ORDER BY sequence`,
      )
      .all({ ids: json(voteIds) }) as VoteEventRow[];
  }

  /** the legislative history of these measures, oldest first */
  actionsOfMeasures(measureIds: readonly string[]): MeasureActionRow[] {
    if (measureIds.length === 0) return [];
    const records = this
      .prepare(
        `SELECT measure_id AS measureId, sequence, occurred_at AS occurredAt, classification, description,
                organization_id AS organizationId, vote_id AS voteId, actor, event_id AS eventId
         FROM measure_actions WHERE measure_id IN (SELECT value FROM json_each(?)) ORDER BY measure_id, sequence`,
      )
      .all(json(measureIds)) as ActionRecord[];
    return records.map((record) => ({ ...record, actor: JSON.parse(record.actor) as ActorRow }));
  }

  /**
   * Measures in the order they were introduced: the `first` after the one introduced at `cursor`,
   * or, reading backward, the last `first` before it (still in that order). `hasNextPage`: more lie
   * beyond the page in the direction it was read.
   */
  measuresPage(filter: MeasureFilter, first: number, cursor: number | null, direction: 'forward' | 'backward' = 'forward'): MeasurePage {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (filter.kind != null) (where.push('kind = @kind'), (params.kind = filter.kind));
    if (filter.status != null) (where.push('status = @status'), (params.status = filter.status));
    if (filter.sponsorId != null) {
      where.push('id IN (SELECT measure_id FROM measure_sponsors WHERE person_id = @sponsorId)');
      params.sponsorId = filter.sponsorId;
    }
    if (filter.text != null) {
      const query = measureSearchQuery(filter.text);
      if (query === null) return { measures: [], hasNextPage: false, totalCount: 0 };
      where.push('id IN (SELECT measure_id FROM measure_search WHERE measure_search MATCH @text)');
      params.text = query;
    }
    if (filter.inForceOn != null) {
      where.push('effective_from IS NOT NULL AND effective_from <= @inForceOn AND (effective_until IS NULL OR @inForceOn < effective_until)');
      params.inForceOn = filter.inForceOn;
    }
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const totalCount = pluckedStatement(this.db, `SELECT COUNT(*) FROM measures ${condition}`).get(params) as number;
    const forward = direction === 'forward';
    const page = [...where, ...(cursor !== null ? [`sequence ${forward ? '>' : '<'} @cursor`] : [])];
    const rows = this
      .prepare(`SELECT ${MEASURE_COLUMNS} FROM measures ${page.length ? `WHERE ${page.join(' AND ')}` : ''} ORDER BY sequence ${forward ? 'ASC' : 'DESC'} LIMIT @limit`)
      .all({ ...params, ...(cursor !== null && { cursor }), limit: first + 1 }) as MeasureRow[];
    const kept = rows.slice(0, first);
    return { measures: forward ? kept : kept.reverse(), hasNextPage: rows.length > first, totalCount };
  }
}

function toVersionRow(record: VersionRecord): ClauseVersionRow {
  return {
    ...record,
    clauseId: clauseId(record.measureId, record.eId),
    rule: record.rule === null ? null : (JSON.parse(record.rule) as PolicyRuleRow),
    struck: record.struck === 1,
  };
}

function toVoteRow({ yes, no, abstain, absent, recused, corrected, ...vote }: VoteRecord): VoteRow {
  return { ...vote, corrected: corrected === 1, tally: { yes, no, abstain, absent, recused } };
}
