import type { MeasureKind } from '../measure/measure.state';
import { assertNever } from '../shared/decider';
import type {
  ComplianceAssessment,
  ComplianceFinding,
  ComplianceInput,
  ComplianceNote,
  ComplianceStatus,
  FindingStatus,
  RuleInForce,
} from './compliance.types';
import { basisPhrase, clauseRef, doneSentence, kindName, liftedPhrase, listed, ruleSentence } from './compliance.wording';

/*
 * Holds one data-request decision against every rule in force on its date (libs/domain/README.md,
 * "Compliance"). Pure: the read side calls it whenever a decision, a correction or a disclosure
 * changes what there is to assess.
 *
 * What was disclosed = the categories the decision granted plus those of every recorded disclosure,
 * to the request's recipient categories.
 *
 * Precedence. Rules can disagree about a category (an ordinance prohibits what an executive order
 * permits); for each disclosed category the GOVERNING rule is the first, among the applicable
 * permit and prohibit rules that cover it, by:
 *   1. rank of the rule's measure: ORDINANCE over EXECUTIVE_ORDER over RESOLUTION (a law passed by
 *      the council binds the mayor's orders; a resolution only states intent);
 *   2. specificity: a rule naming the category beats one covering every category; then a rule
 *      naming the recipient beats one covering every recipient;
 *   3. effect: prohibit over permit (equally ranked and specific, the safer reading wins).
 *
 * Lifting. A prohibit whose `unless` holds the request's legal basis is lifted: it is COMPLIANT and
 * takes no part in precedence, so its exception leaves the category to the other rules (a stricter
 * rule elsewhere still binds). `unless` lifts a require rule the same way; on a permit it means
 * nothing, as a permit restricts nothing.
 *
 * Only a permit overrides a prohibition: an unlifted prohibit is a VIOLATION on each category it
 * covers whose governing rule is not a permit, and COMPLIANT ("permitted by ...") when permits
 * govern them all. A permit is always COMPLIANT; its explanation says when a prohibition overrode it.
 */

const RANK: Record<MeasureKind, number> = { ORDINANCE: 3, EXECUTIVE_ORDER: 2, RESOLUTION: 1 };

const covers = (ruleList: readonly string[], items: readonly string[]) => ruleList.length === 0 || items.some((item) => ruleList.includes(item));
const unique = (items: readonly string[]) => [...new Set(items)];

/** What one assessment looks at, worked out once. */
interface Case {
  input: ComplianceInput;
  disclosed: string[];
  /** disclosed category -> its governing rule (absent: no permit or unlifted prohibit covers it) */
  governing: Map<string, RuleInForce>;
}

function isLifted(inForce: RuleInForce, legalBasis: string): boolean {
  return inForce.rule.effect !== 'permit' && inForce.rule.unless.includes(legalBasis);
}

/** A prohibit or permit applies when what was disclosed, as done, to whom, matches it. */
function appliesToDisclosure(inForce: RuleInForce, { input, disclosed }: Pick<Case, 'input' | 'disclosed'>): boolean {
  const { rule } = inForce;
  return disclosed.length > 0 && rule.action === input.request.action && covers(rule.dataCategories, disclosed) && covers(rule.recipients, input.request.recipientCategories);
}

/** A require rule is triggered by disclosing what it names, to whom it names, whatever the action. */
function triggers(inForce: RuleInForce, { input, disclosed }: Case): boolean {
  const { rule } = inForce;
  return disclosed.length > 0 && covers(rule.dataCategories, disclosed) && covers(rule.recipients, input.request.recipientCategories);
}

/** A prohibit the decision kept: it matches the request, and nothing it covers was disclosed. */
function respectedByWithholding(inForce: RuleInForce, { input }: Case): boolean {
  const { rule } = inForce;
  const { request } = input;
  return rule.action === request.action && covers(rule.dataCategories, request.dataCategories) && covers(rule.recipients, request.recipientCategories);
}

function coveredBy(inForce: RuleInForce, categories: readonly string[]): string[] {
  const named = inForce.rule.dataCategories;
  return named.length === 0 ? [...categories] : categories.filter((category) => named.includes(category));
}

/** Negative when a comes first by precedence; 0 when nothing tells them apart. */
function precedence(a: RuleInForce, b: RuleInForce): number {
  const rank = RANK[b.measureKind] - RANK[a.measureKind];
  if (rank !== 0) return rank;
  const categories = Number(b.rule.dataCategories.length > 0) - Number(a.rule.dataCategories.length > 0);
  if (categories !== 0) return categories;
  const recipients = Number(b.rule.recipients.length > 0) - Number(a.rule.recipients.length > 0);
  if (recipients !== 0) return recipients;
  return Number(a.rule.effect === 'permit') - Number(b.rule.effect === 'permit');
}

/** Why the winner came first, in words. */
function precedenceReason(winner: RuleInForce, loser: RuleInForce): string {
  if (RANK[winner.measureKind] !== RANK[loser.measureKind]) {
    return `${kindName(winner.measureKind)}, which outranks ${kindName(loser.measureKind)}`;
  }
  const a = winner.rule;
  const b = loser.rule;
  if (a.dataCategories.length > 0 !== b.dataCategories.length > 0 || a.recipients.length > 0 !== b.recipients.length > 0) return 'a more specific rule';
  return 'a prohibition as high-ranking and as specific, which prevails over a permission';
}

function governingRules(input: ComplianceInput, disclosed: string[]): Map<string, RuleInForce> {
  const contenders = input.rulesInForce.filter(
    (inForce) => inForce.rule.effect !== 'require' && !isLifted(inForce, input.request.legalBasis) && appliesToDisclosure(inForce, { input, disclosed }),
  );
  const governing = new Map<string, RuleInForce>();
  for (const category of disclosed) {
    const first = contenders.filter((inForce) => coveredBy(inForce, [category]).length > 0).sort(precedence)[0];
    if (first) governing.set(category, first);
  }
  return governing;
}

/** Categories grouped by the rule that governs them, in a stable order. */
function byGoverningRule(categories: readonly string[], governing: Map<string, RuleInForce>): Array<[RuleInForce, string[]]> {
  const groups = new Map<RuleInForce, string[]>();
  for (const category of categories) {
    const rule = governing.get(category)!;
    groups.set(rule, [...(groups.get(rule) ?? []), category]);
  }
  return [...groups];
}

const finding = (inForce: RuleInForce, status: FindingStatus, explanation: string): ComplianceFinding => ({
  clauseId: inForce.clauseId,
  version: inForce.version,
  status,
  explanation,
});

function prohibitFinding(inForce: RuleInForce, { input, disclosed, governing }: Case): ComplianceFinding {
  const { request } = input;
  const sentence = ruleSentence(inForce);
  if (isLifted(inForce, request.legalBasis)) return finding(inForce, 'COMPLIANT', `${sentence}; ${liftedPhrase(request.legalBasis)}`);
  const covered = coveredBy(inForce, disclosed);
  const violated = covered.filter((category) => governing.get(category)?.rule.effect !== 'permit');
  if (violated.length > 0) return finding(inForce, 'VIOLATION', `${sentence}; ${doneSentence(request.action, violated)} ${basisPhrase(request.legalBasis)}`);
  const permits = byGoverningRule(covered, governing).map(
    ([permit, categories]) => `${doneSentence(request.action, categories)}, permitted by ${clauseRef(permit)}, ${precedenceReason(permit, inForce)}`,
  );
  return finding(inForce, 'COMPLIANT', `${sentence}; ${permits.join('; ')}`);
}

function permitFinding(inForce: RuleInForce, { input, disclosed, governing }: Case): ComplianceFinding {
  const { action } = input.request;
  const covered = coveredBy(inForce, disclosed);
  const allowed = covered.filter((category) => governing.get(category)?.rule.effect === 'permit');
  const overridden = byGoverningRule(
    covered.filter((category) => !allowed.includes(category)),
    governing,
  ).map(([prohibit, categories]) => `for ${listed(categories, '')} it is overridden by ${clauseRef(prohibit)}, ${precedenceReason(prohibit, inForce)}`);
  const parts = [...(allowed.length > 0 ? [`${doneSentence(action, allowed)}, as permitted`] : []), ...overridden];
  return finding(inForce, 'COMPLIANT', `${ruleSentence(inForce)}; ${parts.join('; ')}`);
}

function requireFinding(inForce: RuleInForce, { input }: Case): ComplianceFinding {
  const { request, decision } = input;
  const sentence = ruleSentence(inForce);
  if (isLifted(inForce, request.legalBasis)) return finding(inForce, 'COMPLIANT', `${sentence}; ${liftedPhrase(request.legalBasis)}`);
  const required = inForce.rule.action;
  if (decision.actionsTaken.includes(required)) return finding(inForce, 'COMPLIANT', `${sentence}; ${required} was taken`);
  return finding(inForce, 'VIOLATION', `${sentence}; ${required} was not among the actions taken (${listed(decision.actionsTaken, 'none')})`);
}

function withheldFinding(inForce: RuleInForce, { input, disclosed }: Case): ComplianceFinding {
  const { request, decision } = input;
  const withheld = coveredBy(inForce, request.dataCategories);
  const what =
    decision.outcome === 'DENIED' && disclosed.length === 0 ? 'the request was denied' : `${listed(withheld, '')} ${withheld.length > 1 ? 'were' : 'was'} withheld`;
  const why = isLifted(inForce, request.legalBasis) ? `; the rule did not require it, being ${liftedPhrase(request.legalBasis)}` : ', as the rule requires';
  return finding(inForce, 'COMPLIANT', `${ruleSentence(inForce)}; ${what}${why}`);
}

/** The finding a rule yields for this decision, or null when the rule does not apply to it. */
function assess(inForce: RuleInForce, subject: Case): ComplianceFinding | null {
  switch (inForce.rule.effect) {
    case 'prohibit':
      if (appliesToDisclosure(inForce, subject)) return prohibitFinding(inForce, subject);
      return respectedByWithholding(inForce, subject) ? withheldFinding(inForce, subject) : null;
    case 'permit':
      return appliesToDisclosure(inForce, subject) ? permitFinding(inForce, subject) : null;
    case 'require':
      return triggers(inForce, subject) ? requireFinding(inForce, subject) : null;
    default:
      return assertNever(inForce.rule.effect);
  }
}

/** A disclosure beyond the grant breaks the decision itself, whatever the rules say. */
function notesOn({ decision, disclosures }: ComplianceInput): ComplianceNote[] {
  const beyond = unique(disclosures.flatMap((disclosure) => disclosure.disclosedCategories)).filter((category) => !decision.disclosedCategories.includes(category));
  return beyond.map((category) => ({ status: 'VIOLATION', explanation: `disclosed ${category}, which the decision did not grant` }));
}

function overallStatus(findings: ComplianceFinding[], notes: ComplianceNote[]): ComplianceStatus {
  if ([...findings, ...notes].some((item) => item.status === 'VIOLATION')) return 'VIOLATION';
  return findings.length > 0 ? 'COMPLIANT' : 'NO_APPLICABLE_RULE';
}

export function assessCompliance(input: ComplianceInput): ComplianceAssessment {
  const disclosed = unique([...input.decision.disclosedCategories, ...input.disclosures.flatMap((disclosure) => disclosure.disclosedCategories)]);
  const subject: Case = { input, disclosed, governing: governingRules(input, disclosed) };
  const findings = input.rulesInForce.map((inForce) => assess(inForce, subject)).filter((found): found is ComplianceFinding => found !== null);
  const notes = notesOn(input);
  return { status: overallStatus(findings, notes), findings, notes };
}
