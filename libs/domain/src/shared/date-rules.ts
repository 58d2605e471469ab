import type { CommandMetadata } from './decider';
import { badInput } from './domain-error';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD naming a day that exists (no 2017-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

/** A date field of a command (an effective date, a membership's first or last day). */
export function calendarDate(value: unknown, field: string): string {
  if (!isCalendarDate(value)) throw badInput(`${field} must be a calendar date (YYYY-MM-DD), got ${JSON.stringify(value)}`, field);
  return value;
}

/** The UTC calendar date the act happened on (README "Conventions"). */
export function actDate(metadata: Pick<CommandMetadata, 'occurredAt'>): string {
  const date = typeof metadata.occurredAt === 'string' ? metadata.occurredAt.slice(0, 10) : undefined;
  if (!isCalendarDate(date)) throw badInput(`occurredAt must be an ISO-8601 instant, got ${JSON.stringify(metadata.occurredAt)}`, 'occurredAt');
  return date;
}
