import { FORWARDS, START, type AllStreamRecordedEvent, type EventStoreDBClient, type Position } from '@eventstore/db-client';

/**
 * One bounded page of `$all`, oldest first, starting AT `from` (reads are inclusive; callers that
 * continue from the last event they saw skip it). System events are included: callers filter.
 */
export async function readAllPage(
  client: EventStoreDBClient,
  from: Position | undefined,
  maxCount: number,
): Promise<AllStreamRecordedEvent[]> {
  const page: AllStreamRecordedEvent[] = [];
  for await (const resolved of client.readAll({ fromPosition: from ?? START, maxCount, direction: FORWARDS, resolveLinkTos: false })) {
    if (resolved.event) page.push(resolved.event);
  }
  return page;
}

/** `$all` order: by commit position, then by prepare position within one commit. */
export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
