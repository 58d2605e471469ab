import { GraphQLError } from 'graphql';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/**
 * policyInForce's pages (a list, not a connection: the contract's return type): a large city has
 * thousands of clauses in force, and an unbounded answer was 15 MB at 200k events.
 */
export const POLICY_PAGE = { default: 100, max: 500 } as const;

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** `first` of a Relay connection: 0..100, default 20 (ledger.graphql, "Conventions"); of another page, its own bounds. */
export function pageSize(first: number | null | undefined, bounds: { default: number; max: number } = { default: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE }): number {
  if (first === null || first === undefined) return bounds.default;
  if (!Number.isInteger(first) || first < 0 || first > bounds.max) throw badInput(`first must be between 0 and ${bounds.max}`);
  return first;
}

// Cursors are opaque to clients; inside they are the sequence of the last event seen.
export function sequenceCursor(sequence: number): string {
  return Buffer.from(`seq:${sequence}`).toString('base64url');
}

export function sequenceAfter(after: string | null | undefined): number | null {
  if (after === null || after === undefined) return null;
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match) throw badInput('after is not a cursor this connection issued');
  return Number(match[1]);
}

/**
 * A page of a connection ordered by sequence, either way (first/after or last/before, not both):
 * the cursor is the sequence of the row it names.
 */
export interface SequencePageArgs {
  direction: 'forward' | 'backward';
  size: number;
  cursor: number | null;
}

export function sequencePageArgs(args: { first?: number | null; after?: string | null; last?: number | null; before?: string | null }): SequencePageArgs {
  const backward = args.last != null || args.before != null;
  if (backward && (args.first != null || args.after != null)) throw badInput('give first/after or last/before, not both');
  if (!backward) return { direction: 'forward', size: pageSize(args.first), cursor: sequenceAfter(args.after) };
  return { direction: 'backward', size: pageSize(args.last), cursor: sequenceBefore(args.before) };
}

/** A page request as a DataLoader key part: pages asked for alike share one batch. */
export function pageKey(page: SequencePageArgs): string {
  return `${page.direction}:${page.size}:${page.cursor ?? ''}`;
}

function sequenceBefore(before: string | null | undefined): number | null {
  try {
    return sequenceAfter(before);
  } catch {
    throw badInput('before is not a cursor this connection issued');
  }
}

/** A keyset page of a connection that pages both ways: the read model's KeysetPage, from GraphQL's arguments. */
export interface KeysetArgs {
  direction: 'forward' | 'backward';
  size: number;
  cursor: { sortKey: string; id: string } | null;
}

/**
 * first/after or last/before (Relay's two directions; not both): the page they ask for. A cursor
 * is the row's sort key and id, opaque to clients.
 */
export function keysetArgs(args: { first?: number | null; after?: string | null; last?: number | null; before?: string | null }): KeysetArgs {
  const backward = args.last != null || args.before != null;
  if (backward && (args.first != null || args.after != null)) throw badInput('give first/after or last/before, not both');
  if (!backward) return { direction: 'forward', size: pageSize(args.first), cursor: keyAfter(args.after, 'after') };
  return { direction: 'backward', size: pageSize(args.last), cursor: keyAfter(args.before, 'before') };
}

export function keyCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify(['key', sortKey, id])).toString('base64url');
}

function keyAfter(cursor: string | null | undefined, name: string): { sortKey: string; id: string } | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const [tag, sortKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (tag === 'key' && typeof sortKey === 'string' && typeof id === 'string') return { sortKey, id };
  } catch {
    // not JSON: refused below
  }
  throw badInput(`${name} is not a cursor this connection issued`);
}

/** A page's pageInfo flags: rows beyond it in its direction, and whether a cursor it started from means rows on the other side. */
export function keysetFlags(args: { direction: 'forward' | 'backward'; cursor: unknown }, hasMore: boolean): { hasNextPage: boolean; hasPreviousPage: boolean } {
  return args.direction === 'forward'
    ? { hasNextPage: hasMore, hasPreviousPage: args.cursor !== null }
    : { hasNextPage: args.cursor !== null, hasPreviousPage: hasMore };
}
