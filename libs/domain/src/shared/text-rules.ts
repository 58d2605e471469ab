import { badInput } from './domain-error';
import { boundedList, firstDuplicate, LIST_LIMITS } from './list-limits';

// Control characters other than tab and line breaks have no place in a name, a title, a reason or
// a clause's text; NUL in particular truncates the text for every reader of C strings.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Something a reader can see: not only spaces and invisible format characters (U+200B, U+200E, ...).
const VISIBLE = /[^\s\p{Cf}]/u;

/** A required human-readable text: trimmed, non-empty, visible, bounded; returns the trimmed value. */
export function requiredText(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw badInput(`${field} must not be empty`, field);
  const trimmed = value.trim();
  if (trimmed.length > maxLength) throw badInput(`${field} must be at most ${maxLength} characters`, field);
  const control = CONTROL.exec(trimmed);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw badInput(`${field} must not contain control characters (U+${code} at position ${control.index})`, field);
  }
  if (!VISIBLE.test(trimmed)) throw badInput(`${field} must contain a visible character`, field);
  return trimmed;
}

/** An optional text: absent or null stays null, anything else follows requiredText. */
export function optionalText(value: unknown, field: string, maxLength: number): string | null {
  return value === undefined || value === null ? null : requiredText(value, field, maxLength);
}

// Roles and rule vocabulary (actions, data categories, recipients) are lowercase dash-separated tokens.
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SLUG_MAX = 100;

/** A lowercase dash-separated token such as `member` or `release-date-time`. */
export function requiredSlug(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length > SLUG_MAX || !SLUG.test(value)) {
    throw badInput(`${field} must be lowercase words joined by dashes (at most ${SLUG_MAX} characters), got ${JSON.stringify(value)}`, field);
  }
  return value;
}

/** A list of distinct slugs with at least `minItems` entries (0: may be empty, absent is empty). */
export function slugList(value: unknown, field: string, minItems = 0): string[] {
  const tokens = boundedList(value, field, LIST_LIMITS.tokens, minItems).map((token, index) => requiredSlug(token, `${field}[${index}]`));
  const duplicate = firstDuplicate(tokens);
  if (duplicate !== undefined) throw badInput(`${field} lists ${duplicate} twice`, field);
  return tokens;
}
