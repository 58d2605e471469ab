import type { ClauseRule } from '../measure/measure.events';
import type { ComplianceInput } from './compliance.types';

/*
 * Which rules can bear on a decision at all, so that a read model can look up only those instead of
 * holding every decision against the whole legislation in force (the work per decision then grows
 * with the rules about what it asked and disclosed, not with the size of the law).
 *
 * It restates, as keys, the matching the evaluator does (compliance.evaluator.ts): every rule that
 * yields a finding or governs a category (appliesToDisclosure, respectedByWithholding, triggers)
 * names the request's action (a require rule: any action), a recipient among the request's
 * recipient categories or none (= any), and a category among those requested or disclosed or none
 * (= all). A rule that shares no key with the decision in one of those three yields no finding and
 * governs nothing, so leaving it out changes no assessment (compliance.relevance.spec.ts holds every
 * evaluator case to that).
 */

/** The key for "any": a rule that names no recipient (or no category, or a require rule's action) matches every one. */
export const ANY_MATCH = '';

/** What a rule matches on, or a decision is looked up by: a rule can apply when each list shares a key with the decision's. */
export interface MatchKeys {
  actions: string[];
  recipients: string[];
  categories: string[];
}

const orAny = (items: readonly string[]) => (items.length === 0 ? [ANY_MATCH] : [...new Set(items)]);

/** The keys a rule is found by. */
export function ruleMatchKeys(rule: ClauseRule): MatchKeys {
  return {
    // A require rule's action is what must be done, not what was asked: it is triggered whatever the request's action.
    actions: rule.effect === 'require' ? [ANY_MATCH] : [rule.action],
    recipients: orAny(rule.recipients),
    categories: orAny(rule.dataCategories),
  };
}

/** The keys to look a decision's rules up by: its own values, plus ANY_MATCH for the rules that name none. */
export function decisionMatchKeys({ request, decision, disclosures }: Omit<ComplianceInput, 'rulesInForce'>): MatchKeys {
  const categories = [...request.dataCategories, ...decision.disclosedCategories, ...disclosures.flatMap((disclosure) => disclosure.disclosedCategories)];
  return {
    actions: [request.action, ANY_MATCH],
    recipients: [...new Set([...request.recipientCategories, ANY_MATCH])],
    categories: [...new Set([...categories, ANY_MATCH])],
  };
}

/** Whether a rule shares a key with the decision in every list: only such a rule can bear on its assessment. */
export function canBearOn(rule: ClauseRule, decision: MatchKeys): boolean {
  const keys = ruleMatchKeys(rule);
  const shares = (ruleKeys: string[], decisionKeys: string[]) => ruleKeys.some((key) => decisionKeys.includes(key));
  return shares(keys.actions, decision.actions) && shares(keys.recipients, decision.recipients) && shares(keys.categories, decision.categories);
}
