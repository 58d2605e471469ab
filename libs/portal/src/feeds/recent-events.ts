import type { PublicGraphql } from '../public-graphql';

export interface FeedEvent {
  id: string;
  sequence: number;
  type: string;
  streamId: string;
  occurredAt: string;
  recordedAt: string;
  data: Record<string, unknown>;
}

const TOTAL = `query FeedTotal { events(first: 0) { totalCount } }`;
const OF_TYPE = `query FeedEvents($filter: EventFilter!, $after: String) {
  events(filter: $filter, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { id sequence type streamId occurredAt recordedAt data } }
  }
}`;

/**
 * How far back a feed looks, in events: the API's lists run oldest first and cannot yet be read
 * backwards (issue 13 brings `last`/`before`), so a feed reads the latest WINDOW events of its kind
 * and keeps the newest. Bounded work per request whatever the ledger's size.
 */
const WINDOW = 5_000;
export const FEED_ITEMS = 20;

export type FeedFilter = { type: string } | { streamId: string };

/** The newest events matching any of `filters` (event types, or a stream), newest first, at most FEED_ITEMS. */
export async function recentEvents(api: PublicGraphql, filters: FeedFilter[]): Promise<FeedEvent[]> {
  const total = (await api.query<{ events: { totalCount: number } }>(TOTAL)).events.totalCount;
  const found = (await Promise.all(filters.map((filter) => recentOf(api, filter, total)))).flat();
  return found.sort((a, b) => b.sequence - a.sequence).slice(0, FEED_ITEMS);
}

async function recentOf(api: PublicGraphql, filter: FeedFilter, total: number): Promise<FeedEvent[]> {
  const found: FeedEvent[] = [];
  let after: string | null = null;
  // A stream is short (one measure's history); a type is read over the latest WINDOW events only.
  const scoped = 'streamId' in filter ? filter : { ...filter, fromSequence: Math.max(0, total - WINDOW) };
  for (;;) {
    const page: { events: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: FeedEvent }> } } = await api.query(OF_TYPE, { filter: scoped, after });
    for (const { node } of page.events.edges) {
      found.push(node);
      if (found.length > FEED_ITEMS) found.shift();
    }
    if (!page.events.pageInfo.hasNextPage || !page.events.pageInfo.endCursor) break;
    after = page.events.pageInfo.endCursor;
  }
  return found.reverse();
}
