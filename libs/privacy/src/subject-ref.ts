import { createHmac } from 'node:crypto';

/** `subj_` + 32 lowercase hex chars, as the event schemas require. */
export const SUBJECT_REF_PATTERN = /^subj_[0-9a-f]{32}$/;

export function isSubjectRef(value: unknown): value is string {
  return typeof value === 'string' && SUBJECT_REF_PATTERN.test(value);
}

/**
 * Officers type identifiers by hand ("ab 123 456", "AB123 456 "): the same person must get the same
 * reference however the identifier was spaced or cased.
 */
export function normalizeIdentifier(identifier: string): string {
  return identifier.trim().replace(/\s+/g, ' ').toUpperCase();
}

/**
 * Keyed, so that a reference cannot be recomputed from a guessed identifier without the key. Part of
 * the port, not of an adapter: references are recorded in events, so every vault given the same key
 * must derive the same reference from the same identifier.
 */
export function subjectRefWith(key: Uint8Array, identifier: string): string {
  const normalized = normalizeIdentifier(identifier);
  // The message names no identifier: it must never reach a log.
  if (normalized === '') throw new Error('a subject identifier must not be empty');
  return `subj_${createHmac('sha256', key).update(normalized, 'utf8').digest('hex').slice(0, 32)}`;
}
