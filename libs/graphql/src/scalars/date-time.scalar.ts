import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isCalendarDate, isIsoInstant } from '@ledger/event-store';

function parseInstant(value: unknown): string {
  if (!isIsoInstant(value)) throw new GraphQLError(`DateTime must be an ISO-8601 instant such as 2017-08-28T23:40:00Z, got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
  return value;
}

/**
 * ISO-8601 instant. Served exactly as stored (the ledger keeps dates byte-identical), never
 * re-formatted through Date.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'ISO-8601 instant, UTC or with an offset ("2017-08-28T23:40:00Z")',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: parseInstant,
  parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDate(value: unknown): string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new GraphQLError(`Date must be an ISO-8601 calendar date such as 2017-08-28, got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value as string;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'ISO-8601 calendar date ("2017-08-28")',
  serialize: (value) => String(value),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Today as a Date (YYYY-MM-DD): dates are UTC calendar dates throughout the ledger (libs/domain/README.md, "Conventions"). */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
