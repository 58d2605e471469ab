import { InvalidEvent } from './event-store.errors';
import { isIsoInstant } from './event-envelope';
import type { EventStore } from './event-store.port';

const PAGE = 1000;
const INSTANT = /^(.*T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A point on the time line in nanoseconds since 1970, exactly: recordedAt strings differ in offset
 * and precision, so neither string order nor Date.parse's milliseconds can compare them.
 */
export function instantNanos(instant: string): bigint {
  const match = isIsoInstant(instant) ? INSTANT.exec(instant) : null;
  if (!match) throw new InvalidEvent(`not an ISO-8601 instant: ${JSON.stringify(instant)}`);
  const [, upToSeconds, fraction = '', zone] = match;
  return BigInt(Date.parse(`${upToSeconds}${zone}`)) * 1_000_000n + BigInt(fraction.padEnd(9, '0'));
}

/**
 * The last sequence the ledger had recorded by `instant`: the end of the longest prefix of the log
 * whose recordedAt are all at or before it (-1 if none). A prefix, not a filter: an event sequenced
 * later was appended later, whatever a skewed clock wrote into it, so the ledger cannot have known
 * it while an earlier one was still to come.
 */
export async function lastSequenceRecordedBy(store: EventStore, instant: string): Promise<number> {
  const bound = instantNanos(instant);
  const last = await store.lastSequence();
  let next = 0;
  while (next <= last) {
    const page = await store.readAll(next, Math.min(PAGE, last - next + 1));
    if (page.length === 0) break;
    for (const event of page) {
      if (instantNanos(event.recordedAt) > bound) return event.sequence - 1;
    }
    next = page[page.length - 1].sequence + 1;
  }
  return next - 1;
}
