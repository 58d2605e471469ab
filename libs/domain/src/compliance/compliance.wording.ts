import type { MeasureKind } from '../measure/measure.state';
import { assertNever } from '../shared/decider';
import type { RuleInForce } from './compliance.types';

/*
 * The sentences of an assessment. They are read by oversight staff and the public, so each names
 * the clause version and says in words what the rule asks and what happened.
 */

// How each request action reads; actions outside the schema's list fall back to their slug.
const DOING: Record<string, (categories: string, recipients: string) => string> = {
  share: (categories, recipients) => `sharing ${categories} with ${recipients}`,
  notify: (categories, recipients) => `notifying ${recipients} of ${categories}`,
  'allow-access': (categories, recipients) => `allowing ${recipients} access to ${categories}`,
};
const DONE: Record<string, (categories: string, plural: boolean) => string> = {
  share: (categories, plural) => `${categories} ${plural ? 'were' : 'was'} shared`,
  notify: (categories) => `notice of ${categories} was given`,
  'allow-access': (categories) => `access to ${categories} was allowed`,
};
const KIND_NAMES: Record<MeasureKind, string> = { ORDINANCE: 'an ordinance', EXECUTIVE_ORDER: 'an executive order', RESOLUTION: 'a resolution' };

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

/** a; a and b; a, b and c. */
export function listed(items: readonly string[], whenEmpty: string): string {
  if (items.length === 0) return whenEmpty;
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const clauseRef = (rule: RuleInForce) => `${rule.clauseId} v${rule.version}`;

export const kindName = (kind: MeasureKind) => KIND_NAMES[kind];

function doing(action: string, categories: readonly string[], recipients: readonly string[]): string {
  const phrase = DOING[action] ?? ((c: string, r: string) => `${action} of ${c} for ${r}`);
  return phrase(listed(categories, 'any data'), listed(recipients, 'anyone'));
}

/** "CB17-0766#sec_2__subsec_b v1 prohibits sharing release-date-time with federal-immigration-enforcement unless judicial-warrant" */
export function ruleSentence(inForce: RuleInForce): string {
  const { rule } = inForce;
  const ref = clauseRef(inForce);
  const unless = rule.unless.length > 0 ? ` unless ${rule.unless.join(' or ')}` : '';
  switch (rule.effect) {
    case 'prohibit':
      return `${ref} prohibits ${doing(rule.action, rule.dataCategories, rule.recipients)}${unless}`;
    case 'permit':
      return `${ref} permits ${doing(rule.action, rule.dataCategories, rule.recipients)}`;
    case 'require':
      return `${ref} requires ${rule.action} before disclosing ${listed(rule.dataCategories, 'any data')} to ${listed(rule.recipients, 'anyone')}${unless}`;
    default:
      return assertNever(rule.effect);
  }
}

/** "release-date-time was shared" */
export function doneSentence(action: string, categories: readonly string[]): string {
  const phrase = DONE[action] ?? ((c: string) => `${action} of ${c} took place`);
  return phrase(listed(categories, 'nothing'), categories.length > 1);
}

/** "with no legal basis (none)", "on a detainer, which does not lift it" */
export function basisPhrase(legalBasis: string): string {
  return legalBasis === 'none' ? 'with no legal basis (none)' : `on ${article(legalBasis)} ${legalBasis}, which does not lift it`;
}

/** "lifted by a judicial-warrant" */
export function liftedPhrase(legalBasis: string): string {
  return `lifted by ${article(legalBasis)} ${legalBasis}`;
}
