import { badInput } from './domain-error';

/** A required human-readable text: trimmed, non-empty, bounded; returns the trimmed value. */
export function requiredText(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw badInput(`${field} must not be empty`, field);
  const trimmed = value.trim();
  if (trimmed.length > maxLength) throw badInput(`${field} must be at most ${maxLength} characters`, field);
  return trimmed;
}
