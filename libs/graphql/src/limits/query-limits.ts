import { GraphQLError } from 'graphql';

/**
 * What one GraphQL operation may ask of the server, over HTTP and graphql-ws alike (README,
 * "Query limits"). Every figure is measured before any resolver runs, so an operation over a limit
 * is refused in milliseconds, whatever it would have cost to answer.
 */
export const QUERY_LIMITS = {
  /** bytes of one graphql-ws message: the same cap as an HTTP body (express's JSON default, 100 KB) */
  maxMessageBytes: 100 * 1024,
  /**
   * lexical tokens in a document: the parser stops there, before its recursion gets deep enough to
   * overflow the stack (a 5,000-deep nesting would), and it bounds graphql's own validation, whose
   * field-merging check grows with the square of repeated fields (at most about 80 ms at this size
   * on a 2-core VM). The largest real query, the introspection query, has 163
   */
  maxTokens: 2_000,
  /** nested fields, counting every field of a path (a connection's `edges { node { … } }` is three) */
  maxDepth: 12,
  /** aliased fields, `__typename` aside: the way to ask for one expensive field many times over */
  maxAliases: 30,
  /**
   * estimated cost, about the number of values in the answer (query-cost.ts). A page of 100 events
   * with every field is about 2,000; a hundred measures with their votes and roll calls about 45,000
   */
  maxCost: 100_000,
  /**
   * selections the cost analysis may visit: a named fragment is measured wherever it is spread, so
   * fragments that spread each other twice over could otherwise double the work at every level
   */
  maxSelections: 10_000,
  /** operations open at once on one graphql-ws socket: subscriptions, and any query while it runs */
  maxSubscriptionsPerSocket: 10,
  /** the same from one client address, all its sockets together (behind a proxy: all its clients) */
  maxSubscriptionsPerAddress: 50,
  /**
   * cost one subscription may spend per second reading stored events (a `fromSequence` replay, or
   * catching up after falling behind): events per second = this / the cost of its selection
   */
  replayCostPerSecond: 50_000,
} as const;

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';
export const TOO_MANY_SUBSCRIPTIONS = 'TOO_MANY_SUBSCRIPTIONS';

export type QueryLimit = 'tokens' | 'depth' | 'aliases' | 'cost' | 'selections';

/** The refusal of an operation over one of the limits, naming the limit and the measured value. */
export function tooComplex(limit: QueryLimit, maximum: number, actual?: number): GraphQLError {
  const measured = actual === undefined ? `more than ${maximum}` : `${actual}`;
  return new GraphQLError(`query too complex: ${limit} ${measured}, the limit is ${maximum}`, {
    extensions: { code: QUERY_TOO_COMPLEX, limit, maximum, ...(actual !== undefined && { actual }) },
  });
}
