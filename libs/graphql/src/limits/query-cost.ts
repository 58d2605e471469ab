import { getNamedType, getNullableType, isCompositeType, isListType, type GraphQLField, type GraphQLNamedType } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, POLICY_PAGE } from '../relay/pagination';

/**
 * Items assumed in a list of objects that is not a connection (`members`, `memberships`,
 * `rollCall`, `votes`, `history`, a trace's events …): none is paged, a council's roll call has 13
 * seats, a measure's history a few dozen events. Ten keeps fan-outs through them expensive
 * (measure → votes → rollCall → person → votes … multiplies by ten or more at every step).
 */
export const ASSUMED_LIST_SIZE = 10;

/**
 * `__schema` as a whole: the standard introspection query answers about 7,000 values on this
 * schema. Its selection is not counted: graphql's MaxIntrospectionDepthRule (a standard validation
 * rule) already refuses the nestings that would make it larger than the schema.
 */
export const INTROSPECTION_COST = 5_000;

/**
 * The cost of a field, for graphql-query-complexity: one for the field itself, plus its selection
 * once per item it returns. An object counts once, a connection once per requested item (`first`,
 * default 20, at most 100: more is refused by the resolver anyway; `totalCount` and `pageInfo` are
 * counted with the items, a small overestimate), a list paged by `first` that is not a connection
 * (policyInForce) once per item of its page, any other list of objects ASSUMED_LIST_SIZE times.
 * A scalar or a list of scalars costs one. So the cost is about the number of values in the answer.
 */
export const ledgerCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name === '__schema') return INTROSPECTION_COST;
  return 1 + itemsOf(type, field, args) * childComplexity;
};

function itemsOf(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  if (isConnection(getNamedType(field.type))) return pageOf(args.first);
  // A connection's `edges` are the items its field already counted.
  if (isConnection(parent)) return 1;
  const type = getNullableType(field.type);
  if (!isListType(type) || !isCompositeType(getNamedType(type))) return 1;
  // policyInForce is the one such list: its page bounds are POLICY_PAGE.
  if (field.args.some((arg) => arg.name === 'first')) return pageOf(args.first, POLICY_PAGE);
  return ASSUMED_LIST_SIZE;
}

/** A Relay connection type of this API (`LedgerEventConnection`, …), paged with `first`. */
function isConnection(type: GraphQLNamedType): boolean {
  return type.name.endsWith('Connection');
}

function pageOf(first: unknown, bounds: { default: number; max: number } = { default: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE }): number {
  if (typeof first !== 'number' || !Number.isFinite(first)) return bounds.default;
  return Math.min(Math.max(first, 0), bounds.max);
}
