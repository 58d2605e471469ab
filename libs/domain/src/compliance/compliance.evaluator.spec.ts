import { clauseHistoryOf } from '../measure/clause-history';
import type { ClauseRule } from '../measure/measure.events';
import type { MeasureKind } from '../measure/measure.state';
import { EXECUTIVE_ORDER, executiveOrder, on, ordinance, OTHER_MEASURE, releaseRule } from '../measure/testing/measure.fixtures';
import { assessCompliance } from './compliance.evaluator';
import { canBearOn, decisionMatchKeys, ruleMatchKeys } from './compliance.relevance';
import { rulesInForceOn } from './compliance.rules-in-force';
import type { AssessedDecision, AssessedDisclosure, AssessedRequest, ComplianceStatus, FindingStatus, RuleInForce } from './compliance.types';

const FIE = 'federal-immigration-enforcement';
const RDT = 'release-date-time';

function clause(measureKind: MeasureKind, eId: string, rule: Partial<ClauseRule> & Pick<ClauseRule, 'effect'>, version = 1): RuleInForce {
  const measureId = { ORDINANCE: 'CB17-0766', EXECUTIVE_ORDER: 'EO-2017-142', RESOLUTION: 'CR17-0800' }[measureKind];
  return {
    clauseId: `${measureId}#${eId}`,
    version,
    measureId,
    measureKind,
    rule: { action: 'share', dataCategories: [RDT], recipients: [FIE], unless: [], ...rule },
  };
}

/** The ordinance's prohibition, as Denver wrote it: no release date or time to ICE without a judicial warrant. */
const ordinanceProhibition = clause('ORDINANCE', 'sec_2__subsec_b', { effect: 'prohibit', unless: ['judicial-warrant'] });

const request: AssessedRequest = { action: 'share', dataCategories: [RDT], recipientCategories: [FIE], legalBasis: 'none' };
const granted: AssessedDecision = { outcome: 'GRANTED', disclosedCategories: [RDT], actionsTaken: [] };
const denied: AssessedDecision = { outcome: 'DENIED', disclosedCategories: [], actionsTaken: [] };

interface Case {
  request?: Partial<AssessedRequest>;
  decision?: Partial<AssessedDecision>;
  disclosures?: AssessedDisclosure[];
  rules: RuleInForce[];
  status: ComplianceStatus;
  /** clause version -> status and explanation, in the order of rulesInForce */
  findings: Array<[string, FindingStatus, string]>;
  notes?: string[];
}

const cases: Array<[string, Case]> = [
  [
    'a prohibition violated: shared with no legal basis',
    {
      rules: [ordinanceProhibition],
      status: 'VIOLATION',
      findings: [
        [
          'CB17-0766#sec_2__subsec_b v1',
          'VIOLATION',
          'CB17-0766#sec_2__subsec_b v1 prohibits sharing release-date-time with federal-immigration-enforcement unless judicial-warrant; release-date-time was shared with no legal basis (none)',
        ],
      ],
    },
  ],
  [
    'a prohibition violated: a detainer does not lift it',
    {
      request: { legalBasis: 'detainer' },
      rules: [ordinanceProhibition],
      status: 'VIOLATION',
      findings: [
        [
          'CB17-0766#sec_2__subsec_b v1',
          'VIOLATION',
          'CB17-0766#sec_2__subsec_b v1 prohibits sharing release-date-time with federal-immigration-enforcement unless judicial-warrant; release-date-time was shared on a detainer, which does not lift it',
        ],
      ],
    },
  ],
  [
    'a prohibition lifted by a judicial warrant',
    {
      request: { legalBasis: 'judicial-warrant' },
      rules: [ordinanceProhibition],
      status: 'COMPLIANT',
      findings: [
        [
          'CB17-0766#sec_2__subsec_b v1',
          'COMPLIANT',
          'CB17-0766#sec_2__subsec_b v1 prohibits sharing release-date-time with federal-immigration-enforcement unless judicial-warrant; lifted by a judicial-warrant',
        ],
      ],
    },
  ],
  [
    'a denial respecting a prohibition',
    {
      decision: denied,
      rules: [ordinanceProhibition],
      status: 'COMPLIANT',
      findings: [
        [
          'CB17-0766#sec_2__subsec_b v1',
          'COMPLIANT',
          'CB17-0766#sec_2__subsec_b v1 prohibits sharing release-date-time with federal-immigration-enforcement unless judicial-warrant; the request was denied, as the rule requires',
        ],
      ],
    },
  ],
  [
    'a denial the prohibition did not require, lifted by a judicial warrant',
    {
      request: { legalBasis: 'judicial-warrant' },
      decision: denied,
      rules: [ordinanceProhibition],
      status: 'COMPLIANT',
      findings: [
        [
          'CB17-0766#sec_2__subsec_b v1',
          'COMPLIANT',
          'CB17-0766#sec_2__subsec_b v1 prohibits sharing release-date-time with federal-immigration-enforcement unless judicial-warrant; the request was denied; the rule did not require it, being lifted by a judicial-warrant',
        ],
      ],
    },
  ],
  [
    'a partial grant withholding the prohibited category',
    {
      request: { dataCategories: [RDT, 'address'] },
      decision: { outcome: 'PARTIALLY_GRANTED', disclosedCategories: ['address'] },
      rules: [ordinanceProhibition],
      status: 'COMPLIANT',
      findings: [
        [
          'CB17-0766#sec_2__subsec_b v1',
          'COMPLIANT',
          'CB17-0766#sec_2__subsec_b v1 prohibits sharing release-date-time with federal-immigration-enforcement unless judicial-warrant; release-date-time was withheld, as the rule requires',
        ],
      ],
    },
  ],
  [
    'a specific permit overriding a general prohibition of the same measure',
    {
      rules: [clause('ORDINANCE', 'sec_2', { effect: 'prohibit', dataCategories: [] }), clause('ORDINANCE', 'sec_3', { effect: 'permit' }, 2)],
      status: 'COMPLIANT',
      findings: [
        [
          'CB17-0766#sec_2 v1',
          'COMPLIANT',
          'CB17-0766#sec_2 v1 prohibits sharing any data with federal-immigration-enforcement; release-date-time was shared, permitted by CB17-0766#sec_3 v2, a more specific rule',
        ],
        ['CB17-0766#sec_3 v2', 'COMPLIANT', 'CB17-0766#sec_3 v2 permits sharing release-date-time with federal-immigration-enforcement; release-date-time was shared, as permitted'],
      ],
    },
  ],
  [
    'a permit naming the recipient overriding a prohibition of any recipient',
    {
      rules: [clause('ORDINANCE', 'sec_2', { effect: 'prohibit', recipients: [] }), clause('ORDINANCE', 'sec_3', { effect: 'permit' })],
      status: 'COMPLIANT',
      findings: [
        ['CB17-0766#sec_2 v1', 'COMPLIANT', 'CB17-0766#sec_2 v1 prohibits sharing release-date-time with anyone; release-date-time was shared, permitted by CB17-0766#sec_3 v1, a more specific rule'],
        ['CB17-0766#sec_3 v1', 'COMPLIANT', 'CB17-0766#sec_3 v1 permits sharing release-date-time with federal-immigration-enforcement; release-date-time was shared, as permitted'],
      ],
    },
  ],
  [
    "an ordinance's prohibition beating an executive order's permit, however specific",
    {
      rules: [clause('EXECUTIVE_ORDER', 'sec_1', { effect: 'permit' }), clause('ORDINANCE', 'sec_2', { effect: 'prohibit', dataCategories: [] })],
      status: 'VIOLATION',
      findings: [
        [
          'EO-2017-142#sec_1 v1',
          'COMPLIANT',
          'EO-2017-142#sec_1 v1 permits sharing release-date-time with federal-immigration-enforcement; for release-date-time it is overridden by CB17-0766#sec_2 v1, an ordinance, which outranks an executive order',
        ],
        ['CB17-0766#sec_2 v1', 'VIOLATION', 'CB17-0766#sec_2 v1 prohibits sharing any data with federal-immigration-enforcement; release-date-time was shared with no legal basis (none)'],
      ],
    },
  ],
  [
    "an ordinance's permit beating an executive order's prohibition",
    {
      rules: [clause('EXECUTIVE_ORDER', 'sec_2', { effect: 'prohibit' }), clause('ORDINANCE', 'sec_3', { effect: 'permit', dataCategories: [] })],
      status: 'COMPLIANT',
      findings: [
        [
          'EO-2017-142#sec_2 v1',
          'COMPLIANT',
          'EO-2017-142#sec_2 v1 prohibits sharing release-date-time with federal-immigration-enforcement; release-date-time was shared, permitted by CB17-0766#sec_3 v1, an ordinance, which outranks an executive order',
        ],
        ['CB17-0766#sec_3 v1', 'COMPLIANT', 'CB17-0766#sec_3 v1 permits sharing any data with federal-immigration-enforcement; release-date-time was shared, as permitted'],
      ],
    },
  ],
  [
    "an executive order's prohibition beating a resolution's permit",
    {
      rules: [clause('RESOLUTION', 'sec_1', { effect: 'permit' }), clause('EXECUTIVE_ORDER', 'sec_2', { effect: 'prohibit' })],
      status: 'VIOLATION',
      findings: [
        [
          'CR17-0800#sec_1 v1',
          'COMPLIANT',
          'CR17-0800#sec_1 v1 permits sharing release-date-time with federal-immigration-enforcement; for release-date-time it is overridden by EO-2017-142#sec_2 v1, an executive order, which outranks a resolution',
        ],
        ['EO-2017-142#sec_2 v1', 'VIOLATION', 'EO-2017-142#sec_2 v1 prohibits sharing release-date-time with federal-immigration-enforcement; release-date-time was shared with no legal basis (none)'],
      ],
    },
  ],
  [
    'an equally ranked and specific permit and prohibition: the prohibition wins',
    {
      rules: [clause('ORDINANCE', 'sec_3', { effect: 'permit' }), ordinanceProhibition],
      status: 'VIOLATION',
      findings: [
        [
          'CB17-0766#sec_3 v1',
          'COMPLIANT',
          'CB17-0766#sec_3 v1 permits sharing release-date-time with federal-immigration-enforcement; for release-date-time it is overridden by CB17-0766#sec_2__subsec_b v1, a prohibition as high-ranking and as specific, which prevails over a permission',
        ],
        [
          'CB17-0766#sec_2__subsec_b v1',
          'VIOLATION',
          'CB17-0766#sec_2__subsec_b v1 prohibits sharing release-date-time with federal-immigration-enforcement unless judicial-warrant; release-date-time was shared with no legal basis (none)',
        ],
      ],
    },
  ],
  [
    "a lifted prohibition leaving the category to a stricter executive order: lifting is not permitting",
    {
      request: { legalBasis: 'judicial-warrant' },
      rules: [ordinanceProhibition, clause('EXECUTIVE_ORDER', 'sec_2', { effect: 'prohibit' })],
      status: 'VIOLATION',
      findings: [
        [
          'CB17-0766#sec_2__subsec_b v1',
          'COMPLIANT',
          'CB17-0766#sec_2__subsec_b v1 prohibits sharing release-date-time with federal-immigration-enforcement unless judicial-warrant; lifted by a judicial-warrant',
        ],
        [
          'EO-2017-142#sec_2 v1',
          'VIOLATION',
          'EO-2017-142#sec_2 v1 prohibits sharing release-date-time with federal-immigration-enforcement; release-date-time was shared on a judicial-warrant, which does not lift it',
        ],
      ],
    },
  ],
  [
    'a prohibition kept for the categories no permit covers',
    {
      request: { dataCategories: [RDT, 'address'] },
      decision: { disclosedCategories: [RDT, 'address'] },
      rules: [clause('ORDINANCE', 'sec_2', { effect: 'prohibit', dataCategories: [] }), clause('ORDINANCE', 'sec_3', { effect: 'permit', dataCategories: ['address'] })],
      status: 'VIOLATION',
      findings: [
        ['CB17-0766#sec_2 v1', 'VIOLATION', 'CB17-0766#sec_2 v1 prohibits sharing any data with federal-immigration-enforcement; release-date-time was shared with no legal basis (none)'],
        ['CB17-0766#sec_3 v1', 'COMPLIANT', 'CB17-0766#sec_3 v1 permits sharing address with federal-immigration-enforcement; address was shared, as permitted'],
      ],
    },
  ],
  [
    'a requirement satisfied by the actions taken, whatever the action',
    {
      request: { action: 'notify' },
      decision: { actionsTaken: ['advise-of-rights'] },
      rules: [clause('ORDINANCE', 'sec_5', { effect: 'require', action: 'advise-of-rights', recipients: [] })],
      status: 'COMPLIANT',
      findings: [['CB17-0766#sec_5 v1', 'COMPLIANT', 'CB17-0766#sec_5 v1 requires advise-of-rights before disclosing release-date-time to anyone; advise-of-rights was taken']],
    },
  ],
  [
    'a requirement not satisfied',
    {
      decision: { actionsTaken: ['notify-counsel'] },
      rules: [clause('ORDINANCE', 'sec_5', { effect: 'require', action: 'advise-of-rights' })],
      status: 'VIOLATION',
      findings: [
        [
          'CB17-0766#sec_5 v1',
          'VIOLATION',
          'CB17-0766#sec_5 v1 requires advise-of-rights before disclosing release-date-time to federal-immigration-enforcement; advise-of-rights was not among the actions taken (notify-counsel)',
        ],
      ],
    },
  ],
  [
    'a requirement not triggered by a denial',
    {
      decision: denied,
      rules: [clause('ORDINANCE', 'sec_5', { effect: 'require', action: 'advise-of-rights' })],
      status: 'NO_APPLICABLE_RULE',
      findings: [],
    },
  ],
  [
    'a disclosure beyond the grant',
    {
      request: { dataCategories: [RDT, 'address'] },
      decision: { outcome: 'PARTIALLY_GRANTED', disclosedCategories: ['address'] },
      disclosures: [{ disclosedCategories: ['address'] }, { disclosedCategories: ['address', 'immigration-status'] }],
      rules: [],
      status: 'VIOLATION',
      findings: [],
      notes: ['disclosed immigration-status, which the decision did not grant'],
    },
  ],
  [
    'a disclosure after a denial, breaking the prohibition the denial kept',
    {
      decision: denied,
      disclosures: [{ disclosedCategories: [RDT] }],
      rules: [ordinanceProhibition],
      status: 'VIOLATION',
      findings: [
        [
          'CB17-0766#sec_2__subsec_b v1',
          'VIOLATION',
          'CB17-0766#sec_2__subsec_b v1 prohibits sharing release-date-time with federal-immigration-enforcement unless judicial-warrant; release-date-time was shared with no legal basis (none)',
        ],
      ],
      notes: ['disclosed release-date-time, which the decision did not grant'],
    },
  ],
  ['no rule in force', { rules: [], status: 'NO_APPLICABLE_RULE', findings: [] }],
  [
    'a rule about another category',
    { rules: [clause('ORDINANCE', 'sec_1', { effect: 'prohibit', dataCategories: ['immigration-status'] })], status: 'NO_APPLICABLE_RULE', findings: [] },
  ],
  ['a recipient the rule does not name', { request: { recipientCategories: ['state-law-enforcement'] }, rules: [ordinanceProhibition], status: 'NO_APPLICABLE_RULE', findings: [] }],
  ['another action (notify, not share)', { rules: [clause('ORDINANCE', 'sec_4', { effect: 'prohibit', action: 'notify' })], status: 'NO_APPLICABLE_RULE', findings: [] }],
  [
    'a notification the rule prohibits',
    {
      request: { action: 'notify' },
      rules: [clause('ORDINANCE', 'sec_4', { effect: 'prohibit', action: 'notify', unless: ['judicial-warrant'] })],
      status: 'VIOLATION',
      findings: [
        [
          'CB17-0766#sec_4 v1',
          'VIOLATION',
          'CB17-0766#sec_4 v1 prohibits notifying federal-immigration-enforcement of release-date-time unless judicial-warrant; notice of release-date-time was given with no legal basis (none)',
        ],
      ],
    },
  ],
  [
    'wildcards: any data to anyone',
    {
      request: { dataCategories: ['address', 'phone-number'], recipientCategories: ['state-law-enforcement'] },
      decision: { disclosedCategories: ['address', 'phone-number'] },
      rules: [clause('ORDINANCE', 'sec_1', { effect: 'prohibit', dataCategories: [], recipients: [] })],
      status: 'VIOLATION',
      findings: [['CB17-0766#sec_1 v1', 'VIOLATION', 'CB17-0766#sec_1 v1 prohibits sharing any data with anyone; address and phone-number were shared with no legal basis (none)']],
    },
  ],
  [
    'wildcards: a prohibition of any data respected by a denial',
    {
      decision: denied,
      rules: [clause('ORDINANCE', 'sec_1', { effect: 'prohibit', dataCategories: [] })],
      status: 'COMPLIANT',
      findings: [['CB17-0766#sec_1 v1', 'COMPLIANT', 'CB17-0766#sec_1 v1 prohibits sharing any data with federal-immigration-enforcement; the request was denied, as the rule requires']],
    },
  ],
];

describe('assessCompliance', () => {
  it.each(cases)('%s', (_, c) => {
    const assessment = assessCompliance({
      request: { ...request, ...c.request },
      decision: { ...granted, ...c.decision },
      disclosures: c.disclosures ?? [],
      rulesInForce: c.rules,
    });
    expect(assessment.findings.map((f) => [`${f.clauseId} v${f.version}`, f.status, f.explanation])).toEqual(c.findings);
    expect(assessment.notes).toEqual((c.notes ?? []).map((explanation) => ({ status: 'VIOLATION', explanation })));
    expect(assessment.status).toBe(c.status);
  });

  it("holds a decision against the rules in force on its date, from the measures' histories", () => {
    const histories = [clauseHistoryOf(ordinance.enacted)!, clauseHistoryOf(executiveOrder.revoked)!];
    const rules = rulesInForceOn(histories, '2017-10-03');
    // The executive order still stood on that day; the ordinance had been in force for a month.
    expect(rules).toEqual([
      { clauseId: 'CB17-0766#sec_2__subsec_b', version: 1, measureId: 'CB17-0766', measureKind: 'ORDINANCE', rule: releaseRule },
      { clauseId: `${EXECUTIVE_ORDER}#sec_2__subsec_b`, version: 1, measureId: EXECUTIVE_ORDER, measureKind: 'EXECUTIVE_ORDER', rule: releaseRule },
    ]);
    expect(rulesInForceOn(histories, '2018-02-01').map((r) => r.clauseId)).toEqual(['CB17-0766#sec_2__subsec_b']);
    expect(rulesInForceOn(histories, '2017-08-30')).toEqual([]);
    const assessment = assessCompliance({ request, decision: granted, disclosures: [], rulesInForce: rules });
    expect(assessment.status).toBe('VIOLATION');
  });

  it('reads the rule of the version in force, not the latest recorded one', () => {
    const struck = on('2018-02-20', {
      type: 'ClauseStruck' as const,
      data: { measureId: 'CB17-0766', eId: 'sec_2__subsec_b', version: 2, adoptedByVoteId: null, byMeasureId: OTHER_MEASURE, effectiveFrom: '2018-03-01' },
    });
    const history = clauseHistoryOf([...ordinance.enacted, struck])!;
    expect(rulesInForceOn([history], '2018-02-28').map((r) => `${r.clauseId} v${r.version}`)).toEqual(['CB17-0766#sec_2__subsec_b v1']);
    expect(rulesInForceOn([history], '2018-03-01')).toEqual([]);
  });
});

describe('which rules can bear on a decision (what a read model looks them up by)', () => {
  const inputOf = (c: Case) => ({ request: { ...request, ...c.request }, decision: { ...granted, ...c.decision }, disclosures: c.disclosures ?? [] });

  it.each(cases)('%s: the same assessment from only the rules that can bear on it', (_, c) => {
    const input = inputOf(c);
    const keys = decisionMatchKeys(input);
    const relevant = c.rules.filter((inForce) => canBearOn(inForce.rule, keys));
    expect(assessCompliance({ ...input, rulesInForce: relevant })).toEqual(assessCompliance({ ...input, rulesInForce: c.rules }));
  });

  it('leaves out the rules about another category, recipient or action, and keeps the ones naming none', () => {
    const keys = decisionMatchKeys({ request, decision: granted, disclosures: [{ disclosedCategories: ['address'] }] });
    const bears = (rule: Partial<ClauseRule> & Pick<ClauseRule, 'effect'>) => canBearOn(clause('ORDINANCE', 'sec_1', rule).rule, keys);
    expect(bears({ effect: 'prohibit' })).toBe(true);
    expect(bears({ effect: 'prohibit', dataCategories: ['immigration-status'] })).toBe(false);
    expect(bears({ effect: 'prohibit', dataCategories: ['address'] })).toBe(true);
    expect(bears({ effect: 'permit', recipients: ['state-law-enforcement'] })).toBe(false);
    expect(bears({ effect: 'prohibit', action: 'notify' })).toBe(false);
    expect(bears({ effect: 'require', action: 'advise-of-rights' })).toBe(true);
    expect(bears({ effect: 'prohibit', dataCategories: [], recipients: [] })).toBe(true);
    expect(ruleMatchKeys({ effect: 'require', action: 'advise-of-rights', dataCategories: [RDT, RDT], recipients: [], unless: [] })).toEqual({
      actions: [''],
      recipients: [''],
      categories: [RDT],
    });
  });
});
