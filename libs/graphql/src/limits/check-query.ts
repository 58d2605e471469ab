import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  getOperationAST,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
} from 'graphql';
import { createComplexityRule } from 'graphql-query-complexity';
import { ledgerCostEstimator } from './query-cost';
import { QUERY_LIMITS, tooComplex } from './query-limits';

/**
 * How both transports parse a document: graphql's parser counts tokens as it goes and stops at the
 * limit, before its recursion (one level per nested selection, list or object) can overflow the
 * stack and before graphql's own validation, whose field-merging check grows with the square of
 * repeated fields, gets a large document.
 */
export const LIMITED_PARSE: ParseOptions = { maxTokens: QUERY_LIMITS.maxTokens };

/**
 * The parser's refusal of a document over the token limit (a syntax error, "Document contains more
 * that N tokens. Parsing aborted.", sic) as QUERY_TOO_COMPLEX, naming how many tokens it had; null
 * for any other error.
 */
export function tokenLimitRefusal(error: GraphQLError): GraphQLError | null {
  if (!error.message.endsWith(` ${QUERY_LIMITS.maxTokens} tokens. Parsing aborted.`)) return null;
  return tooComplex('tokens', QUERY_LIMITS.maxTokens, error.source ? countTokens(error.source.body) : undefined);
}

/**
 * Tokens as graphql's parser counts them (comments aside). The lexer is a loop, not a recursion,
 * and the source is at most an HTTP body or a graphql-ws message (100 KB): cheap for any document.
 */
export function countTokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // not GraphQL from here on: what was counted so far is the answer
  }
  return count;
}

export interface OperationRequest {
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export type OperationCheck = { refusal: GraphQLError } | { cost: number };

/**
 * The check both transports make of a parsed document (Apollo's plugin over HTTP, onSubscribe over
 * graphql-ws), before any resolver runs: depth, aliases and the estimated cost of the operation
 * that would run, with this request's variables. Anything else wrong with the request (unknown
 * fields, bad variables, no such operation) is left to validation and execution, which report it as
 * they always have.
 */
export function checkOperation(schema: GraphQLSchema, document: DocumentNode, request: OperationRequest): OperationCheck {
  const operation = getOperationAST(document, request.operationName);
  // No operation to run (none by that name, or several and no name): execution refuses it.
  if (!operation) return { cost: 0 };
  const { depth, aliases, cost } = measure(schema, operationOnly(document, operation), request.variables ?? undefined);
  if (depth > QUERY_LIMITS.maxDepth) return { refusal: tooComplex('depth', QUERY_LIMITS.maxDepth, depth) };
  if (aliases > QUERY_LIMITS.maxAliases) return { refusal: tooComplex('aliases', QUERY_LIMITS.maxAliases, aliases) };
  if (cost === 'too many selections') return { refusal: tooComplex('selections', QUERY_LIMITS.maxSelections) };
  if (cost > QUERY_LIMITS.maxCost) return { refusal: tooComplex('cost', QUERY_LIMITS.maxCost, cost) };
  return { cost };
}

/** The operation that would run, with every fragment, so that what is measured is what executes. */
function operationOnly(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
}

/** What the operation measures: depth, aliases and cost, or too many selections to finish costing it. */
interface Measures {
  depth: number;
  aliases: number;
  cost: number | 'too many selections';
}

/**
 * One validation pass with three rules that measure and never refuse (no maximum): graphql-armor's
 * depth and aliases, graphql-query-complexity's cost with the ledger's estimator. checkOperation
 * then compares, to name the limit and the value.
 *
 * - depth and aliases are counted through named fragments (each measured once) and inline
 *   fragments (no level of their own); `__schema` is left out of the depth, since graphql's
 *   MaxIntrospectionDepthRule bounds it, and `__typename` out of the aliases;
 * - the cost visitor stops after maxSelections selections (fragments spread many times over would
 *   otherwise make it exponential). A field with wrong arguments is left out of the cost: execution
 *   refuses that field alone. Errors in the document are left to graphql's own validation.
 */
function measure(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined): Measures {
  const measures: Measures = { depth: 0, aliases: 0, cost: 0 };
  const rules = [
    maxDepthRule({ n: Infinity, flattenFragments: true, ignoreIntrospection: true, onAccept: [(_context, { n }) => (measures.depth = Math.max(measures.depth, n))] }),
    maxAliasesRule({ n: Infinity, onAccept: [(_context, { n }) => (measures.aliases = Math.max(measures.aliases, n))] }),
    createComplexityRule({
      maximumComplexity: Infinity,
      estimators: [ledgerCostEstimator],
      variables,
      maxQueryNodes: QUERY_LIMITS.maxSelections,
      onComplete: (cost) => (measures.cost = cost),
    }),
  ];
  try {
    // No error cap: stopping at graphql's default of 100 errors would leave the rest uncosted.
    validate(schema, document, rules, { maxErrors: Infinity });
  } catch (error) {
    if (!(error instanceof GraphQLError && error.message.startsWith('Query exceeds the maximum allowed number of nodes'))) throw error;
    measures.cost = 'too many selections';
  }
  return measures;
}
