import type Database from 'better-sqlite3';
import type {
  CitationRow,
  ClauseRelationValue,
  ComplianceRow,
  DataRequestRow,
  DecisionFilter,
  DecisionPage,
  DecisionRow,
  DisclosureRow,
  KeyedDecisionPage,
  ViolationFoundVia,
} from './data-requests.rows';
import { pluckedStatement, statement } from '../runtime/statement-cache';

const REQUEST_COLUMNS = `id, requesting_org_id AS requestingOrgId, receiving_org_id AS receivingOrgId, received_at AS receivedAt,
  data_categories AS dataCategories, action, recipient_categories AS recipientCategories, purpose, legal_basis AS legalBasis, channel,
  subject_ref AS subjectRef, personal_details AS personalDetails, stream_id AS streamId, sequence`;

const DECISION_COLUMNS = `d.id, d.request_id AS requestId, d.outcome, d.disclosed_categories AS disclosedCategories, d.decided_by AS decidedById,
  d.deciding_org_id AS decidingOrgId, d.decided_at AS decidedAt, d.rationale, d.actions_taken AS actionsTaken,
  d.compliance_status AS complianceStatus, d.compliance, d.review_finding AS reviewFinding, d.review_reasons AS reviewReasons,
  d.reviewed_by AS reviewedBy, d.reviewed_at AS reviewedAt, d.corrected, d.pending_status AS pendingStatus, d.pending_compliance AS pendingCompliance,
  d.violation_found_at AS violationFoundAt, d.violation_found_via AS violationFoundVia, d.violation_found_by AS violationFoundBy, d.stream_id AS streamId, d.sequence`;

// Decisions are listed by when they were taken, then by recording order; a cursor is the sequence
// of the last decision seen, and the page goes on after that decision's place in this order.
/** Which way a page is read: after its cursor (forward) or before it (backward). */
type Direction = 'forward' | 'backward';

const ORDER = { forward: 'd.decided_at_ms ASC, d.sequence ASC', backward: 'd.decided_at_ms DESC, d.sequence DESC' };
const BEYOND = {
  forward: '(d.decided_at_ms, d.sequence) > (SELECT decided_at_ms, sequence FROM decisions WHERE sequence = @cursor)',
  backward: '(d.decided_at_ms, d.sequence) < (SELECT decided_at_ms, sequence FROM decisions WHERE sequence = @cursor)',
};

/**
 * The (clause_id, decision_id) pairs of a relation, restricted by `where` on clause_id: a
 * decision's citations, its compliance findings (the clauses it was judged against), or both.
 * The restriction is written into each table's SELECT so each reads its by-clause index.
 */
const CLAUSE_LINK_TABLES: Record<ClauseRelationValue, readonly string[]> = {
  CITED: ['decision_citations'],
  JUDGED_AGAINST: ['decision_findings'],
  EITHER: ['decision_citations', 'decision_findings'],
};
function clauseLinks(relation: ClauseRelationValue, where: string): string {
  // UNION, not UNION ALL: a decision may cite a clause in several places, and cite the one it was judged against.
  return CLAUSE_LINK_TABLES[relation].map((table) => `SELECT clause_id, decision_id FROM ${table} WHERE ${where}`).join(' UNION ');
}

type RequestRecord = Omit<DataRequestRow, 'dataCategories' | 'recipientCategories' | 'personalDetails'> & {
  dataCategories: string;
  recipientCategories: string;
  personalDetails: string | null;
};

interface DecisionRecord {
  id: string;
  requestId: string;
  outcome: DecisionRow['outcome'];
  disclosedCategories: string;
  decidedById: string;
  decidingOrgId: string;
  decidedAt: string;
  rationale: string;
  actionsTaken: string;
  complianceStatus: ComplianceRow['status'];
  compliance: string;
  reviewFinding: 'upheld' | 'violation' | null;
  reviewReasons: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  corrected: number;
  pendingStatus: ComplianceRow['status'] | null;
  pendingCompliance: string | null;
  violationFoundAt: string | null;
  violationFoundVia: ViolationFoundVia | null;
  violationFoundBy: string | null;
  streamId: string;
  sequence: number;
}

const json = (keys: readonly string[]) => JSON.stringify(keys);

/**
 * Reads of the data-request read model, shaped like LegislationQueries: batch methods take every
 * key of one DataLoader batch and answer with one statement (keys travel as one JSON array
 * parameter); results come back without entries for unknown keys, and the caller aligns them.
 */
export class DataRequestQueries {
  constructor(private readonly db: Database.Database) {}

  /** Prepared once per connection and SQL text (runtime/statement-cache), as the handlers' are. */
  private prepare(sql: string): Database.Statement {
    return statement(this.db, sql);
  }

  /** How much of the record depends on the subject vault's keys (the server checks them at start). */
  subjectKeyDependents(): { requests: number; withPersonalDetails: number } {
    return this.prepare('SELECT COUNT(*) AS requests, COUNT(personal_details) AS withPersonalDetails FROM data_requests').get() as {
      requests: number;
      withPersonalDetails: number;
    };
  }

  request(id: string): DataRequestRow | null {
    return this.requestsByIds([id])[0] ?? null;
  }

  requestsByIds(ids: readonly string[]): DataRequestRow[] {
    if (ids.length === 0) return [];
    const records = this.prepare(`SELECT ${REQUEST_COLUMNS} FROM data_requests WHERE id IN (SELECT value FROM json_each(?))`).all(json(ids)) as RequestRecord[];
    return records.map(toRequestRow);
  }

  decision(id: string): DecisionRow | null {
    return this.decisionsByIds([id])[0] ?? null;
  }

  decisionsByIds(ids: readonly string[]): DecisionRow[] {
    if (ids.length === 0) return [];
    const records = this.prepare(`SELECT ${DECISION_COLUMNS} FROM decisions d WHERE d.id IN (SELECT value FROM json_each(?))`).all(json(ids)) as DecisionRecord[];
    return records.map(toDecisionRow);
  }

  /** the decision of each of these requests that has one (a request has at most one) */
  decisionsOfRequests(requestIds: readonly string[]): DecisionRow[] {
    if (requestIds.length === 0) return [];
    const records = this
      .prepare(`SELECT ${DECISION_COLUMNS} FROM decisions d WHERE d.request_id IN (SELECT value FROM json_each(?))`)
      .all(json(requestIds)) as DecisionRecord[];
    return records.map(toDecisionRow);
  }

  /** the clause versions each decision cites, in the order it cites them */
  citationsOfDecisions(decisionIds: readonly string[]): CitationRow[] {
    if (decisionIds.length === 0) return [];
    return this
      .prepare(
        `SELECT decision_id AS decisionId, clause_id AS clauseId, version FROM decision_citations
         WHERE decision_id IN (SELECT value FROM json_each(?)) ORDER BY decision_id, position`,
      )
      .all(json(decisionIds)) as CitationRow[];
  }

  /** what was disclosed under each decision, oldest first */
  disclosuresOfDecisions(decisionIds: readonly string[]): DisclosureRow[] {
    if (decisionIds.length === 0) return [];
    const records = this
      .prepare(
        `SELECT decision_id AS decisionId, request_id AS requestId, disclosed_categories AS disclosedCategories, channel,
                disclosed_at AS disclosedAt, event_id AS eventId, sequence
         FROM disclosures WHERE decision_id IN (SELECT value FROM json_each(?)) ORDER BY decision_id, sequence`,
      )
      .all(json(decisionIds)) as Array<Omit<DisclosureRow, 'disclosedCategories'> & { disclosedCategories: string }>;
    return records.map((record) => ({ ...record, disclosedCategories: JSON.parse(record.disclosedCategories) as string[] }));
  }

  /**
   * Decisions matching every field of the filter, by decidedAt: the `first` after the decision at
   * `cursor`, or, reading backward, the last `first` before it (still by decidedAt). `hasNextPage`:
   * more lie beyond the page in the direction it was read.
   */
  decisionsPage(filter: DecisionFilter, first: number, cursor: number | null, direction: Direction = 'forward'): DecisionPage {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    const add = (condition: string, name: string, value: unknown) => (where.push(condition), (params[name] = value));
    if (filter.decidingOrganizationId != null) add('d.deciding_org_id = @org', 'org', filter.decidingOrganizationId);
    if (filter.decidedById != null) add('d.decided_by = @person', 'person', filter.decidedById);
    if (filter.requestingOrganizationId != null) {
      add('d.request_id IN (SELECT id FROM data_requests WHERE requesting_org_id = @requester)', 'requester', filter.requestingOrganizationId);
    }
    if (filter.outcome != null) add('d.outcome = @outcome', 'outcome', filter.outcome);
    if (filter.complianceStatus != null) add('d.compliance_status = @status', 'status', filter.complianceStatus);
    if (filter.everFoundInViolation != null) where.push(`d.violation_found_at IS ${filter.everFoundInViolation ? 'NOT NULL' : 'NULL'}`);
    if (filter.awaitingReview != null) where.push(`d.pending_status IS ${filter.awaitingReview ? 'NOT NULL' : 'NULL'}`);
    if (filter.clauseId != null) {
      const links = clauseLinks(filter.clauseRelation ?? 'CITED', 'clause_id = @clause');
      add(`d.id IN (SELECT decision_id FROM (${links}))`, 'clause', filter.clauseId);
    }
    if (filter.from != null) add('d.decided_at_ms >= @from', 'from', Date.parse(filter.from));
    if (filter.to != null) add('d.decided_at_ms < @to', 'to', Date.parse(filter.to));
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const totalCount = pluckedStatement(this.db, `SELECT COUNT(*) FROM decisions d ${condition}`).get(params) as number;
    const page = [...where, ...(cursor !== null ? [BEYOND[direction]] : [])];
    const records = this
      .prepare(`SELECT ${DECISION_COLUMNS} FROM decisions d ${page.length ? `WHERE ${page.join(' AND ')}` : ''} ORDER BY ${ORDER[direction]} LIMIT @limit`)
      .all({ ...params, ...(cursor !== null && { cursor }), limit: first + 1 }) as DecisionRecord[];
    const kept = records.slice(0, first);
    return { decisions: (direction === 'forward' ? kept : kept.reverse()).map(toDecisionRow), hasNextPage: records.length > first, totalCount };
  }

  /**
   * one page per clause of the decisions related to any version of it (Clause.citations: CITED,
   * Clause.judgedDecisions: JUDGED_AGAINST), either way as decisionsPage
   */
  decisionsOfClauses(
    relation: ClauseRelationValue,
    clauseIds: readonly string[],
    first: number,
    cursor: number | null,
    direction: Direction = 'forward',
  ): KeyedDecisionPage[] {
    if (clauseIds.length === 0) return [];
    // One version of a clause is in force on a day, so a decision cites it or is judged against it once; DISTINCT makes sure.
    const links = clauseLinks(relation, 'clause_id IN (SELECT value FROM json_each(@keys))');
    return this.keyedPages(clauseIds, `SELECT DISTINCT clause_id AS key, decision_id FROM (${links})`, first, cursor, direction);
  }

  /** one page per person of the decisions they took (Person.decisions), either way as decisionsPage */
  decisionsOfPeople(personIds: readonly string[], first: number, cursor: number | null, direction: Direction = 'forward'): KeyedDecisionPage[] {
    if (personIds.length === 0) return [];
    return this.keyedPages(personIds, 'SELECT decided_by AS key, id AS decision_id FROM decisions WHERE decided_by IN (SELECT value FROM json_each(@keys))', first, cursor, direction);
  }

  /**
   * Pages of a one-to-many list for every key at once: `keyed` selects (key, decision_id) pairs
   * for the keys in @keys. Keys without a decision get an empty page.
   */
  private keyedPages(keys: readonly string[], keyed: string, first: number, cursor: number | null, direction: Direction): KeyedDecisionPage[] {
    const source = `(${keyed}) k JOIN decisions d ON d.id = k.decision_id`;
    const records = this
      .prepare(
        `SELECT * FROM (
           SELECT k.key, ${DECISION_COLUMNS}, ROW_NUMBER() OVER (PARTITION BY k.key ORDER BY ${ORDER[direction]}) AS rowNumber
           FROM ${source} WHERE @cursor IS NULL OR ${BEYOND[direction]}
         ) WHERE rowNumber <= @limit ORDER BY key, rowNumber`,
      )
      .all({ keys: json(keys), cursor, limit: first + 1 }) as Array<DecisionRecord & { key: string }>;
    const totals = new Map(
      (this.prepare(`SELECT k.key, COUNT(*) AS total FROM ${source} GROUP BY k.key`).all({ keys: json(keys) }) as Array<{ key: string; total: number }>).map(
        (row) => [row.key, row.total],
      ),
    );
    const byKey = new Map<string, DecisionRecord[]>(keys.map((key) => [key, []]));
    for (const record of records) byKey.get(record.key)?.push(record);
    return keys.map((key) => {
      const rows = byKey.get(key)!;
      const kept = rows.slice(0, first);
      return { key, decisions: (direction === 'forward' ? kept : kept.reverse()).map(toDecisionRow), hasNextPage: rows.length > first, totalCount: totals.get(key) ?? 0 };
    });
  }
}

function toRequestRow(record: RequestRecord): DataRequestRow {
  return {
    ...record,
    dataCategories: JSON.parse(record.dataCategories) as string[],
    recipientCategories: JSON.parse(record.recipientCategories) as string[],
    personalDetails: record.personalDetails === null ? null : (JSON.parse(record.personalDetails) as DataRequestRow['personalDetails']),
  };
}

function complianceRow(status: ComplianceRow['status'], compliance: string): ComplianceRow {
  const assessed = JSON.parse(compliance) as Omit<ComplianceRow, 'status'>;
  return { status, findings: assessed.findings, notes: assessed.notes };
}

function toDecisionRow(record: DecisionRecord): DecisionRow {
  return {
    id: record.id,
    requestId: record.requestId,
    outcome: record.outcome,
    disclosedCategories: JSON.parse(record.disclosedCategories) as string[],
    decidedById: record.decidedById,
    decidingOrgId: record.decidingOrgId,
    decidedAt: record.decidedAt,
    rationale: record.rationale,
    actionsTaken: JSON.parse(record.actionsTaken) as string[],
    compliance: complianceRow(record.complianceStatus, record.compliance),
    pendingCompliance: record.pendingStatus === null ? null : complianceRow(record.pendingStatus, record.pendingCompliance!),
    violationFound:
      record.violationFoundAt === null ? null : { foundAt: record.violationFoundAt, via: record.violationFoundVia!, foundById: record.violationFoundBy },
    review:
      record.reviewFinding === null
        ? null
        : { finding: record.reviewFinding, reasons: record.reviewReasons!, reviewedBy: record.reviewedBy!, reviewedAt: record.reviewedAt! },
    corrected: record.corrected === 1,
    streamId: record.streamId,
    sequence: record.sequence,
  };
}
