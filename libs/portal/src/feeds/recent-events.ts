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

export const FEED_ITEMS = 20;

// The newest events of a filter: the last page of the events connection, read backward.
const LATEST = `query FeedEvents($filter: EventFilter!, $last: Int!) {
  events(filter: $filter, last: $last) { edges { node { id sequence type streamId occurredAt recordedAt data } } }
}`;

export type FeedFilter = { type: string } | { streamId: string };

/** The newest events matching any of `filters` (event types, or a stream), newest first, at most FEED_ITEMS. */
export async function recentEvents(api: PublicGraphql, filters: FeedFilter[]): Promise<FeedEvent[]> {
  const pages = await Promise.all(
    filters.map((filter) => api.query<{ events: { edges: Array<{ node: FeedEvent }> } }>(LATEST, { filter, last: FEED_ITEMS })),
  );
  const found = pages.flatMap((page) => page.events.edges.map((edge) => edge.node));
  return found.sort((a, b) => b.sequence - a.sequence).slice(0, FEED_ITEMS);
}
