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
