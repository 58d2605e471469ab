import { GraphQLError } from 'graphql';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** `first` of a Relay connection: 0..100, default 20 (ledger.graphql, "Conventions"). */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}`);
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
