import fc from 'fast-check';
import { canBearOn, type ClauseRule, type MatchKeys } from '@ledger/domain';
import { OPEN_ENDED } from './clause-validity';
import { RulesInForce, type IndexedRule } from './rules-in-force';

// Small vocabularies, so that generated rules and decisions share keys often.
const ACTIONS = ['share', 'notify', 'collect'];
const RECIPIENTS = ['federal-immigration-enforcement', 'courts', 'researchers'];
const CATEGORIES = ['release-date-time', 'address', 'custody'];
const DATES = ['2001-01-01', '2005-06-30', '2010-01-01', '2012-12-31', '2017-09-01', '2020-02-29'];

const rule: fc.Arbitrary<ClauseRule> = fc.record({
  effect: fc.constantFrom('prohibit', 'permit', 'require'),
  action: fc.constantFrom(...ACTIONS),
  dataCategories: fc.subarray(CATEGORIES),
  recipients: fc.subarray(RECIPIENTS),
  unless: fc.constant([]),
});

const version: fc.Arbitrary<IndexedRule> = fc
  .record({
    measure: fc.integer({ min: 1, max: 6 }),
    eId: fc.constantFrom('sec_1', 'sec_2'),
    version: fc.integer({ min: 1, max: 3 }),
    from: fc.integer({ min: 0, max: DATES.length - 1 }),
    length: fc.integer({ min: 1, max: DATES.length }),
    rule,
  })
  .map(({ measure, eId, version: v, from, length, rule: r }) => ({
    measureId: `CB-${measure}`,
    eId,
    version: v,
    measureKind: 'ORDINANCE' as const,
    measureSequence: measure * 10,
    // Each clause has its own place in its measure, as recorded.
    position: eId === 'sec_1' ? 0 : 1,
    validFrom: DATES[from],
    validUntil: DATES[from + length] ?? OPEN_ENDED,
    rule: r,
  }));

const keys: fc.Arbitrary<MatchKeys> = fc.record({
  actions: fc.constantFrom(...ACTIONS).map((action) => [action, '']),
  recipients: fc.subarray(RECIPIENTS).map((recipients) => [...recipients, '']),
  categories: fc.subarray(CATEGORIES).map((categories) => [...categories, '']),
});

type Step = { add: IndexedRule } | { forget: { measureId: string; eId: string } };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: version.map((add) => ({ add })) },
  { weight: 1, arbitrary: version.map(({ measureId, eId }) => ({ forget: { measureId, eId } })) },
);

/** What the lookup must answer: every version held, in force that day, that can bear on the decision, in assessment order. */
function expected(held: IndexedRule[], on: string, decision: MatchKeys): string[] {
  return held
    .filter((v) => v.validFrom <= on && on < v.validUntil && canBearOn(v.rule, decision))
    .sort((a, b) => a.measureSequence - b.measureSequence || a.position - b.position || a.version - b.version)
    .map((v) => `${v.measureId}#${v.eId} v${v.version}`);
}

describe('RulesInForce (the rules index in memory)', () => {
  it('answers what a walk of every held version gives, through any sequence of additions and forgotten clauses', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.array(fc.tuple(fc.constantFrom(...DATES, '2003-03-03', '2030-01-01'), keys), { minLength: 1, maxLength: 8 }), (steps, queries) => {
        const index = new RulesInForce();
        let held: IndexedRule[] = [];
        for (const s of steps) {
          if ('add' in s) {
            // As clause-validity writes it: a clause's versions are forgotten, then each added once.
            const { measureId, eId, version: v } = s.add;
            if (held.some((h) => h.measureId === measureId && h.eId === eId && h.version === v)) continue;
            index.add(s.add);
            held.push(s.add);
          } else {
            index.forgetClause(s.forget.measureId, s.forget.eId);
            held = held.filter((h) => h.measureId !== s.forget.measureId || h.eId !== s.forget.eId);
          }
        }
        for (const [on, decision] of queries) {
          const found = index.matching(on, decision).map((r) => `${r.clauseId} v${r.version}`);
          expect(found).toEqual(expected(held, on, decision));
        }
      }),
      { numRuns: 300 },
    );
  });
});
