import type Database from 'better-sqlite3';

/**
 * Tables of the legislation read model. Dates are YYYY-MM-DD text, so they compare as dates;
 * JSON columns (rule, actor) are read back whole; only policyInForce's filters look into a rule.
 */
export function createLegislationTables(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS measures (
      id              TEXT PRIMARY KEY,
      kind            TEXT NOT NULL,
      title           TEXT NOT NULL,
      summary         TEXT,
      stage           TEXT NOT NULL,
      status          TEXT NOT NULL,
      body_id         TEXT,
      committee_id    TEXT,
      office_id       TEXT,
      introduced_at   TEXT NOT NULL,
      effective_from  TEXT,
      effective_until TEXT,
      stream_id       TEXT NOT NULL,
      sequence        INTEGER NOT NULL UNIQUE
    );
    CREATE INDEX IF NOT EXISTS measures_by_status ON measures (status, sequence);
    CREATE INDEX IF NOT EXISTS measures_by_kind ON measures (kind, sequence);

    CREATE TABLE IF NOT EXISTS measure_sponsors (
      measure_id TEXT NOT NULL,
      person_id  TEXT NOT NULL,
      position   INTEGER NOT NULL,
      PRIMARY KEY (measure_id, person_id)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS measure_sponsors_by_person ON measure_sponsors (person_id);

    CREATE TABLE IF NOT EXISTS clauses (
      measure_id TEXT NOT NULL,
      e_id       TEXT NOT NULL,
      position   INTEGER NOT NULL,
      heading    TEXT,
      PRIMARY KEY (measure_id, e_id)
    );
    -- a measure's clauses in order, without sorting (policyInForce's pages)
    CREATE INDEX IF NOT EXISTS clauses_in_order ON clauses (measure_id, position);

    CREATE TABLE IF NOT EXISTS clause_versions (
      measure_id         TEXT NOT NULL,
      e_id               TEXT NOT NULL,
      version            INTEGER NOT NULL,
      heading            TEXT,
      text               TEXT NOT NULL,
      rule               TEXT,
      struck             INTEGER NOT NULL,
      adopted_by_vote_id TEXT,
      by_measure_id      TEXT,
      effective_from     TEXT,
      valid_from         TEXT,
      valid_until        TEXT,
      event_id           TEXT NOT NULL,
      sequence           INTEGER NOT NULL,
      PRIMARY KEY (measure_id, e_id, version)
    );
    CREATE INDEX IF NOT EXISTS clause_versions_in_force ON clause_versions (valid_from, valid_until);
    CREATE INDEX IF NOT EXISTS clause_versions_by_vote ON clause_versions (adopted_by_vote_id);

    -- The clause versions with a rule that are ever in force, by what their rule matches on
    -- (ruleMatchKeys in the domain: the action, each recipient, each data category; '' for any),
    -- with their window (valid_until '~' while open-ended, so that one range finds the versions not
    -- yet ended on a date). The data-request read model looks up a decision's rules here, so its
    -- work per decision is bounded by the rules about what the decision concerns, not by the whole
    -- legislation. Maintained with the validity it copies (clause-validity.ts); the rule, the
    -- measure's kind and the order of assessment are copied too (none changes once recorded), so
    -- the lookup is one range of this table and no join.
    CREATE TABLE IF NOT EXISTS clause_rule_matches (
      action           TEXT NOT NULL,
      recipient        TEXT NOT NULL,
      category         TEXT NOT NULL,
      valid_until      TEXT NOT NULL,
      valid_from       TEXT NOT NULL,
      measure_id       TEXT NOT NULL,
      e_id             TEXT NOT NULL,
      version          INTEGER NOT NULL,
      measure_kind     TEXT NOT NULL,
      measure_sequence INTEGER NOT NULL,
      position         INTEGER NOT NULL,
      rule             TEXT NOT NULL,
      PRIMARY KEY (action, recipient, category, valid_until, valid_from, measure_id, e_id, version)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS clause_rule_matches_by_clause ON clause_rule_matches (measure_id, e_id);

    CREATE TABLE IF NOT EXISTS votes (
      id          TEXT PRIMARY KEY,
      measure_id  TEXT NOT NULL,
      body_id     TEXT NOT NULL,
      motion      TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      yes         INTEGER NOT NULL,
      no          INTEGER NOT NULL,
      abstain     INTEGER NOT NULL,
      absent      INTEGER NOT NULL,
      recused     INTEGER NOT NULL,
      threshold   TEXT NOT NULL,
      result      TEXT NOT NULL,
      corrected   INTEGER NOT NULL DEFAULT 0,
      reconsiders_vote_id    TEXT,
      reconsidered_by_vote_id TEXT,
      event_id    TEXT NOT NULL,
      sequence    INTEGER NOT NULL UNIQUE
    );
    CREATE INDEX IF NOT EXISTS votes_by_measure ON votes (measure_id, sequence);

    CREATE TABLE IF NOT EXISTS vote_casts (
      vote_id   TEXT NOT NULL,
      person_id TEXT NOT NULL,
      choice    TEXT NOT NULL,
      position  INTEGER NOT NULL,
      sequence  INTEGER NOT NULL,
      explanation TEXT,
      PRIMARY KEY (vote_id, person_id)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS vote_casts_by_person ON vote_casts (person_id, sequence);

    CREATE TABLE IF NOT EXISTS measure_actions (
      measure_id      TEXT NOT NULL,
      sequence        INTEGER NOT NULL,
      occurred_at     TEXT NOT NULL,
      classification  TEXT NOT NULL,
      description     TEXT NOT NULL,
      organization_id TEXT,
      vote_id         TEXT,
      actor           TEXT NOT NULL,
      event_id        TEXT NOT NULL,
      PRIMARY KEY (measure_id, sequence)
    );
    -- a vote's history: its own action, a corrected roll call, members' explanations
    CREATE INDEX IF NOT EXISTS measure_actions_by_vote ON measure_actions (vote_id, sequence) WHERE vote_id IS NOT NULL;

    -- Names of people and organizations as of each event, for the actions' one-sentence
    -- descriptions: those are written once and read as the record of that day.
    CREATE TABLE IF NOT EXISTS legislation_names (
      id   TEXT PRIMARY KEY,
      name TEXT NOT NULL
    );

    -- One row per title and per clause version: a search finds a measure by any text it ever had.
    CREATE VIRTUAL TABLE IF NOT EXISTS measure_search USING fts5(
      measure_id UNINDEXED,
      content,
      tokenize = 'porter unicode61 remove_diacritics 2'
    );
  `);
}

export function dropLegislationTables(db: Database.Database): void {
  db.exec(`
    DROP TABLE IF EXISTS measure_search;
    DROP TABLE IF EXISTS legislation_names;
    DROP TABLE IF EXISTS measure_actions;
    DROP TABLE IF EXISTS vote_casts;
    DROP TABLE IF EXISTS votes;
    DROP TABLE IF EXISTS clause_rule_matches;
    DROP TABLE IF EXISTS clause_versions;
    DROP TABLE IF EXISTS clauses;
    DROP TABLE IF EXISTS measure_sponsors;
    DROP TABLE IF EXISTS measures;
  `);
}
