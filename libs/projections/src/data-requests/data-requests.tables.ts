import type Database from 'better-sqlite3';

/**
 * Tables of the data-request read model. A decision's compliance_status and compliance are the
 * assessment that counts; pending_* hold a correction's assessment while it awaits oversight's
 * review, and violation_found_* the first time it was found in violation, which nothing clears
 * (data-requests.standing.ts). List columns (categories, actions) and the assessment
 * are JSON read back whole; what is filtered on has its own column. decided_at is served as
 * recorded, while decided_at_ms orders and windows decisions, since an instant may carry an offset.
 */
export function createDataRequestTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS data_requests (
      id                   TEXT PRIMARY KEY,
      requesting_org_id    TEXT NOT NULL,
      receiving_org_id     TEXT NOT NULL,
      received_at          TEXT NOT NULL,
      data_categories      TEXT NOT NULL,
      action               TEXT NOT NULL,
      recipient_categories TEXT NOT NULL,
      purpose              TEXT NOT NULL,
      legal_basis          TEXT NOT NULL,
      channel              TEXT NOT NULL,
      subject_ref          TEXT NOT NULL,
      personal_details     TEXT,
      stream_id            TEXT NOT NULL,
      sequence             INTEGER NOT NULL UNIQUE
    );
    CREATE INDEX IF NOT EXISTS data_requests_by_requester ON data_requests (requesting_org_id);

    CREATE TABLE IF NOT EXISTS decisions (
      id                   TEXT PRIMARY KEY,
      request_id           TEXT NOT NULL UNIQUE,
      outcome              TEXT NOT NULL,
      disclosed_categories TEXT NOT NULL,
      decided_by           TEXT NOT NULL,
      deciding_org_id      TEXT NOT NULL,
      decided_at           TEXT NOT NULL,
      decided_at_ms        INTEGER NOT NULL,
      decided_on           TEXT NOT NULL,
      rationale            TEXT NOT NULL,
      actions_taken        TEXT NOT NULL,
      compliance_status    TEXT NOT NULL,
      compliance           TEXT NOT NULL,
      pending_status       TEXT,
      pending_compliance   TEXT,
      violation_found_at   TEXT,
      violation_found_via  TEXT,
      violation_found_by   TEXT,
      review_finding       TEXT,
      review_reasons       TEXT,
      reviewed_by          TEXT,
      reviewed_at          TEXT,
      corrected            INTEGER NOT NULL,
      stream_id            TEXT NOT NULL,
      sequence             INTEGER NOT NULL UNIQUE
    );
    CREATE INDEX IF NOT EXISTS decisions_in_order ON decisions (decided_at_ms, sequence);
    CREATE INDEX IF NOT EXISTS decisions_by_org ON decisions (deciding_org_id, decided_at_ms, sequence);
    CREATE INDEX IF NOT EXISTS decisions_by_person ON decisions (decided_by, decided_at_ms, sequence);
    -- decisions(filter: { outcome | complianceStatus }): without these, the count scanned every
    -- decision and a page walked decisions_in_order until it found enough (a rare status: all of them)
    CREATE INDEX IF NOT EXISTS decisions_by_outcome ON decisions (outcome, decided_at_ms, sequence);
    CREATE INDEX IF NOT EXISTS decisions_by_status ON decisions (compliance_status, decided_at_ms, sequence);
    -- decisions(filter: { everFoundInViolation | awaitingReview }): few rows, so partial indexes
    CREATE INDEX IF NOT EXISTS decisions_ever_in_violation ON decisions (decided_at_ms, sequence) WHERE violation_found_at IS NOT NULL;
    CREATE INDEX IF NOT EXISTS decisions_awaiting_review ON decisions (decided_at_ms, sequence) WHERE pending_status IS NOT NULL;

    CREATE TABLE IF NOT EXISTS decision_citations (
      decision_id TEXT NOT NULL,
      position    INTEGER NOT NULL,
      clause_id   TEXT NOT NULL,
      version     INTEGER NOT NULL,
      PRIMARY KEY (decision_id, position)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS decision_citations_by_clause ON decision_citations (clause_id, decision_id);

    -- The clause versions each decision was judged against: its compliance findings, kept beside
    -- the JSON the decision is served with because that JSON cannot be searched by clause
    -- (decisions(filter: { clauseId, clauseRelation }), Clause.judgedDecisions).
    CREATE TABLE IF NOT EXISTS decision_findings (
      decision_id TEXT NOT NULL,
      clause_id   TEXT NOT NULL,
      version     INTEGER NOT NULL,
      status      TEXT NOT NULL,
      PRIMARY KEY (decision_id, clause_id, version)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS decision_findings_by_clause ON decision_findings (clause_id, decision_id);

    CREATE TABLE IF NOT EXISTS disclosures (
      sequence             INTEGER PRIMARY KEY,
      decision_id          TEXT NOT NULL,
      request_id           TEXT NOT NULL,
      disclosed_categories TEXT NOT NULL,
      channel              TEXT NOT NULL,
      disclosed_at         TEXT NOT NULL,
      event_id             TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS disclosures_by_decision ON disclosures (decision_id, sequence);
  `);
}

export function dropDataRequestTables(db: Database.Database): void {
  db.exec(`
    DROP TABLE IF EXISTS disclosures;
    DROP TABLE IF EXISTS decision_findings;
    DROP TABLE IF EXISTS decision_citations;
    DROP TABLE IF EXISTS decisions;
    DROP TABLE IF EXISTS data_requests;
  `);
}
