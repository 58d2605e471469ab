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
  /**
   * Each action's rule versions, latest end of validity first (open-ended ones at the head): a
   * lookup for a date reads from the head and stops at the first version that ended by then, so it
   * reads the versions in force since (a few dozen) rather than every version ever recorded (the
   * history, thousands at a million events, whose walk on every assessment made a rebuild at 1M
   * twice as slow per event as at 200k).
   */
  private readonly byAction = new Map<string, Entry[]>();
  /** the same entries by clause (clauseKey), to forget a clause's versions without a walk of them all */
  private readonly byClause = new Map<string, Entry[]>();

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
    const entry: Entry = { ...indexed, keys, inForce: { clauseId: clauseKey(measureId, eId), version, measureId, measureKind, rule } };
    // A rule matches on exactly one action key (ruleMatchKeys), so it is listed once.
    const [action] = keys.actions;
    const list = this.byAction.get(action) ?? [];
    const before = list.findIndex((other) => other.validUntil < entry.validUntil);
    list.splice(before === -1 ? list.length : before, 0, entry);
    this.byAction.set(action, list);
    const key = clauseKey(measureId, eId);
    const versions = this.byClause.get(key);
    if (versions) versions.push(entry);
    else this.byClause.set(key, [entry]);
  }

  /**
   * Forgets every version of one clause, as its validity is about to be written again. Called for
   * every clause of a measure on most of its events, rules or not, so a clause without rules costs
   * one lookup.
   */
  forgetClause(measureId: string, eId: string): void {
    const key = clauseKey(measureId, eId);
    const versions = this.byClause.get(key);
    if (!versions) return;
    this.byClause.delete(key);
    for (const action of new Set(versions.map((entry) => entry.keys.actions[0]))) {
      this.byAction.set(action, this.byAction.get(action)!.filter((entry) => !versions.includes(entry)));
    }
  }

  /**
   * Every rule in force on `on` (YYYY-MM-DD) that shares a key of each kind with the decision
   * (see decisionMatchKeys), in the order they are assessed: the answer the index's SQL lookup gave.
   */
  matching(on: string, keys: MatchKeys): RuleInForce[] {
    const found: Entry[] = [];
    for (const action of keys.actions) {
      for (const entry of this.byAction.get(action) ?? []) {
        // Latest end first: every version after this one had ended by `on` too.
        if (entry.validUntil <= on) break;
        if (entry.validFrom <= on && sharesKey(entry.keys.recipients, keys.recipients) && sharesKey(entry.keys.categories, keys.categories)) {
          found.push(entry);
        }
      }
    }
    found.sort((a, b) => a.measureSequence - b.measureSequence || a.position - b.position || a.version - b.version);
    return found.map((entry) => entry.inForce);
  }
}

function clauseKey(measureId: string, eId: string): string {
  return `${measureId}#${eId}`;
}

function sharesKey(ruleKeys: readonly string[], decisionKeys: readonly string[]): boolean {
  for (const key of ruleKeys) if (decisionKeys.includes(key)) return true;
  return false;
}
