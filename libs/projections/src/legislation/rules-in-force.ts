import type Database from 'better-sqlite3';
import { ruleMatchKeys, type ClauseRule, type MatchKeys, type RuleInForce } from '@ledger/domain';
import { connectionMemo, loadedConnectionMemo } from '../runtime/connection-memo';
import { statement } from '../runtime/statement-cache';

/** A clause version's rule with the window it is in force, as the rules index (clause_rule_matches) holds it. */
export interface IndexedRule {
  measureId: string;
  eId: string;
  version: number;
  measureKind: RuleInForce['measureKind'];
  /** the order rules are assessed in: by measure as recorded, then by clause, then version */
  measureSequence: number;
  position: number;
  validFrom: string;
  /** OPEN_ENDED (clause-validity.ts) while in force with no end yet */
  validUntil: string;
  rule: ClauseRule;
}

interface Entry extends IndexedRule {
  keys: MatchKeys;
  /** what an assessment reads of it, made once */
  inForce: RuleInForce;
}

const MEMO = Symbol('rules in force');

/**
 * The rules index of one read-model connection, in memory: every clause version with a rule, by the
 * action it matches on, parsed once. A decision's assessment reads it instead of querying
 * clause_rule_matches and parsing each rule again (that query and its parsing were 40% of a rebuild).
 *
 * clause_rule_matches stays the record (policyInForce's filters read it); this copy is loaded from it
 * on first use and kept in step by its only writer (clause-validity.ts) inside the same transaction.
 * A rolled-back batch makes SqliteReadModels forget it (runtime/connection-memo.ts), so it never
 * holds a rule the table does not. It holds every rule version ever recorded: the data law, a few
 * thousand versions for a city of a million events.
 */
export class RulesInForce {
  private readonly byAction = new Map<string, Entry[]>();
  /**
   * For the dates asked about lately, the rules in force that day by action: decisions come in
   * roughly in date order, and a day's rules are a small part of every version ever recorded.
   * Emptied whenever a rule is added or forgotten.
   */
  private readonly byDate = new Map<string, Map<string, Entry[]>>();

  /** the index of `db`, loaded from clause_rule_matches on first use */
  static of(db: Database.Database): RulesInForce {
    return connectionMemo(db, MEMO, () => RulesInForce.load(db));
  }

  /** the index of `db` only if in memory: the writer updates it then, and the table says the rest when it loads */
  static loaded(db: Database.Database): RulesInForce | undefined {
    return loadedConnectionMemo<RulesInForce>(db, MEMO);
  }

  private static load(db: Database.Database): RulesInForce {
    const index = new RulesInForce();
    const rows = statement(
      db,
      `SELECT DISTINCT measure_id AS measureId, e_id AS eId, version, measure_kind AS measureKind, measure_sequence AS measureSequence,
              position, valid_from AS validFrom, valid_until AS validUntil, rule
         FROM clause_rule_matches`,
    ).all() as Array<Omit<IndexedRule, 'rule'> & { rule: string }>;
    for (const row of rows) index.add({ ...row, rule: JSON.parse(row.rule) as ClauseRule });
    return index;
  }

  add(indexed: IndexedRule): void {
    const keys = ruleMatchKeys(indexed.rule);
    const { measureId, eId, version, measureKind, rule } = indexed;
    const entry: Entry = { ...indexed, keys, inForce: { clauseId: `${measureId}#${eId}`, version, measureId, measureKind, rule } };
    // A rule matches on exactly one action key (ruleMatchKeys), so it is listed once.
    const [action] = keys.actions;
    const list = this.byAction.get(action);
    if (list) list.push(entry);
    else this.byAction.set(action, [entry]);
    this.byDate.clear();
  }

  /** Forgets every version of one clause, as its validity is about to be written again. */
  forgetClause(measureId: string, eId: string): void {
    for (const [action, list] of this.byAction) {
      const kept = list.filter((entry) => entry.measureId !== measureId || entry.eId !== eId);
      if (kept.length !== list.length) this.byAction.set(action, kept);
    }
    this.byDate.clear();
  }

  /**
   * Every rule in force on `on` (YYYY-MM-DD) that shares a key of each kind with the decision
   * (see decisionMatchKeys), in the order they are assessed: the answer the index's SQL lookup gave.
   */
  matching(on: string, keys: MatchKeys): RuleInForce[] {
    const found: Entry[] = [];
    const inForce = this.inForceOn(on);
    for (const action of keys.actions) {
      for (const entry of inForce.get(action) ?? []) {
        if (sharesKey(entry.keys.recipients, keys.recipients) && sharesKey(entry.keys.categories, keys.categories)) found.push(entry);
      }
    }
    found.sort((a, b) => a.measureSequence - b.measureSequence || a.position - b.position || a.version - b.version);
    return found.map((entry) => entry.inForce);
  }

  private inForceOn(on: string): Map<string, Entry[]> {
    let inForce = this.byDate.get(on);
    if (inForce) return inForce;
    inForce = new Map();
    for (const [action, list] of this.byAction) {
      inForce.set(
        action,
        list.filter((entry) => entry.validFrom <= on && on < entry.validUntil),
      );
    }
    if (this.byDate.size >= DATES_KEPT) this.byDate.clear();
    this.byDate.set(on, inForce);
    return inForce;
  }
}

/** How many dates' rules byDate keeps before it starts again. */
const DATES_KEPT = 256;

function sharesKey(ruleKeys: readonly string[], decisionKeys: readonly string[]): boolean {
  for (const key of ruleKeys) if (decisionKeys.includes(key)) return true;
  return false;
}
