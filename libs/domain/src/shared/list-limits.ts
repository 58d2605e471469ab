import { badInput } from './domain-error';

/**
 * The most entries each kind of list in a command may hold: the `maxItems` of the event schemas
 * (event-schemas/, the contract), mirrored here so that a refusal names the command's field before
 * any fact is loaded or the schema check at append would refuse it. Generous for real use: a
 * request names a handful of data categories, a council of 13 (or a chamber of 435) votes and
 * sponsors well within 1000, a long ordinance has a few hundred clauses.
 * libs/event-schemas/src/schema-bounds.spec.ts fails when a schema and this table disagree.
 */
export const LIST_LIMITS = {
  /** any list of vocabulary tokens: data categories, recipients, legal bases, actions taken */
  tokens: 100,
  /** the clause versions one decision cites */
  citations: 100,
  /** the clauses of one measure */
  clauses: 500,
  /** the sponsors of one measure */
  sponsors: 1000,
  /** the seats of a voting body, and so the entries of a roll call */
  seats: 1000,
} as const;

/** A list of at least `minItems` and at most `maxItems` entries; absent only when it may be empty. */
export function boundedList(value: unknown, field: string, maxItems: number, minItems = 0): unknown[] {
  if (value === undefined && minItems === 0) return [];
  if (!Array.isArray(value)) throw badInput(`${field} must be a list`, field);
  if (value.length < minItems) throw badInput(`${field} must list at least ${minItems === 1 ? 'one entry' : `${minItems} entries`}`, field);
  // Checked before any entry is looked at: a list this long is refused without further work.
  if (value.length > maxItems) throw badInput(`${field} lists ${value.length} entries; at most ${maxItems} are allowed`, field);
  return value;
}

/** The first entry that appears twice, in one pass. */
export function firstDuplicate<T>(values: readonly T[]): T | undefined {
  const seen = new Set<T>();
  return values.find((value) => (seen.has(value) ? true : (seen.add(value), false)));
}
