import { actDate, badInput } from '@ledger/domain';
import { isIsoInstant } from '@ledger/event-store';

// Clocks drift; an act dated a few minutes ahead is a skewed clock, further ahead is a mistake.
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * When a command's act happened and when it is recorded, worked out once per command, before any
 * fact is read: the facts, the decider and the stored envelope all see these same values.
 */
export interface ActTime {
  /** when the act happened in the world: the caller's occurredAt, else now */
  occurredAt: string;
  /** when the command reached the ledger */
  now: string;
  /** the act's calendar date (UTC), YYYY-MM-DD */
  date: string;
  /** the day it is recorded (UTC), YYYY-MM-DD */
  today: string;
}

/** Refuses an occurredAt that is not an ISO-8601 instant, or that lies in the future (BAD_USER_INPUT). */
export function actTimeOf(occurredAt: string | undefined, clock: Date = new Date()): ActTime {
  const now = clock.toISOString();
  const at = occurredAt ?? now;
  if (!isIsoInstant(at)) throw badInput(`occurredAt must be an ISO-8601 instant, got ${JSON.stringify(at)}`, 'occurredAt');
  if (Date.parse(at) > clock.getTime() + FUTURE_TOLERANCE_MS) throw badInput('occurredAt is in the future', 'occurredAt');
  return { occurredAt: at, now, date: actDate({ occurredAt: at }), today: now.slice(0, 10) };
}
