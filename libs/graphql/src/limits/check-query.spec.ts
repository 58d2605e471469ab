import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLError, buildSchema, getIntrospectionQuery, parse, type DocumentNode } from 'graphql';
import { LIMITED_PARSE, checkOperation, countTokens, tokenLimitRefusal, type OperationCheck } from './check-query';
import { INTROSPECTION_COST } from './query-cost';
import { QUERY_LIMITS, QUERY_TOO_COMPLEX } from './query-limits';

// The served schema, as committed (a test keeps it equal to the code-first one).
const schema = buildSchema(readFileSync(join(__dirname, '../../../../apps/api/schema.graphql'), 'utf8'));

function check(query: string, variables: Record<string, unknown> = {}): OperationCheck {
  return checkOperation(schema, parse(query, LIMITED_PARSE), { variables });
}
function costOf(query: string, variables: Record<string, unknown> = {}): number {
  const result = check(query, variables);
  if ('refusal' in result) throw new Error(`refused: ${result.refusal.message}`);
  return result.cost;
}
function refusalOf(query: string, variables: Record<string, unknown> = {}): Record<string, unknown> {
  const result = check(query, variables);
  if (!('refusal' in result)) throw new Error(`accepted at cost ${result.cost}`);
  return { message: result.refusal.message, ...result.refusal.extensions };
}
/** The parser's token refusal, as both transports report it. */
function parseRefusal(query: string): Record<string, unknown> {
  try {
    parse(query, LIMITED_PARSE);
  } catch (error) {
    const refusal = tokenLimitRefusal(error as GraphQLError);
    if (refusal) return { message: refusal.message, ...refusal.extensions };
    throw error;
  }
  throw new Error('parsed');
}

const EVENT_FIELDS = 'id type schemaVersion streamId streamRevision sequence occurredAt recordedAt recordedBy { id name role } correlationId causationId leafHash data';

/** `root { a { b { … __typename } } }` with the steps cycling, `depth` fields deep (the root and `__typename` included). */
function chain(root: string, first: string[], cycle: string[], depth: number): string {
  const steps = Array.from({ length: depth - 2 }, (_, i) => (i < first.length ? first[i] : cycle[(i - first.length) % cycle.length]));
  return `{ ${root} { ${steps.reduceRight((inner, step) => `${step} { ${inner} }`, '__typename')} } }`;
}
/** person → memberships → organization → members → person → … */
const membershipChain = (depth: number) => chain('person(id: "person:paul-lopez")', [], ['memberships', 'organization', 'members', 'person'], depth);
/** measure → votes → rollCall → person → votes → edges → node → vote → rollCall → person → votes → … */
const rollCallFanOut = (depth: number) => chain('measure(id: "CB17-0766")', ['votes', 'rollCall', 'person'], ['votes', 'edges', 'node', 'vote', 'rollCall', 'person'], depth);

describe('query limits (checkOperation, on the served schema)', () => {
  it('accepts the real queries of the tests and a portal with room to spare', () => {
    const pages = {
      'a page of 100 events, every field': `{ events(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${EVENT_FIELDS} } } } }`,
      'a measure with clauses, versions, votes and roll calls': `{ measure(id: "CB17-0766") { id title status kind sponsors { id name }
          clauses { version text validFrom validUntil clause { id eId versions { version text validFrom validUntil adoptedBy { id motion } } } }
          votes { id motion occurredAt result threshold tally { yes no abstain absent recused } rollCall { choice person { id name } } } } }`,
      'a decision trace': `{ trace(id: "decision:x") { subject { id } events { ${EVENT_FIELDS} } clauses { version text clause { id } }
          votes { id motion result rollCall { choice person { name } } } actors { id name role } } }`,
      "a month of a department's decisions": `{ decisions(filter: { decidingOrganizationId: "org:x" }) { totalCount edges { node {
          id outcome decidedAt decidedBy { name } request { id requestingOrganization { name } }
          citations { version text clause { id } } compliance { status notes findings { status explanation clause { version } } } } } } }`,
      'the introspection query': getIntrospectionQuery(),
    };
    for (const [page, query] of Object.entries(pages)) {
      expect({ page, tokens: countTokens(query) < QUERY_LIMITS.maxTokens / 4 }).toEqual({ page, tokens: true });
      expect({ page, cost: costOf(query) < QUERY_LIMITS.maxCost / 10 }).toEqual({ page, cost: true });
    }
    // The heaviest real query of the tests: every measure with its votes and roll calls (export-ocd.test.ts).
    const measures = `{ measures(first: 100) { edges { node { id kind title status sponsors { id name } actions { classification description }
      votes { id motion result tally { yes no abstain absent recused } rollCall { person { id } choice } } } } } }`;
    expect(costOf(measures)).toBeLessThan(QUERY_LIMITS.maxCost / 2);
  });

  it('costs a connection by the items it asks for, and any other list of objects as ten', () => {
    const page = (first: string) => `{ events${first} { edges { node { id } } } }`;
    // 1 for events, then per item: edges, node, id.
    expect(costOf(page('(first: 100)'))).toBe(1 + 100 * 3);
    expect(costOf(page('(first: 10)'))).toBe(1 + 10 * 3);
    expect(costOf(page(''))).toBe(1 + 20 * 3); // the default page
    expect(costOf('query($n: Int) { events(first: $n) { edges { node { id } } } }', { n: 50 })).toBe(1 + 50 * 3);
    // More than 100 is refused by the resolver; the cost counts the most it could answer.
    expect(costOf(page('(first: 5000)'))).toBe(1 + 100 * 3);
    expect(costOf('{ organization(id: "org:x") { members { person { name } } } }')).toBe(1 + 1 + 10 * (1 + 1));
    expect(costOf('{ __schema { types { name fields { name } } } }')).toBe(INTROSPECTION_COST);
  });

  it('refuses the 25-deep membership chain by its depth', () => {
    expect(refusalOf(membershipChain(25))).toEqual({
      message: 'query too complex: depth 25, the limit is 12',
      code: QUERY_TOO_COMPLEX,
      limit: 'depth',
      maximum: QUERY_LIMITS.maxDepth,
      actual: 25,
    });
    // Within the depth limit, its lists of ten at every other level soon cost too much.
    expect(costOf(membershipChain(8))).toBeLessThan(QUERY_LIMITS.maxCost / 10);
    expect(refusalOf(membershipChain(QUERY_LIMITS.maxDepth))).toMatchObject({ limit: 'cost' });
  });

  it('refuses the fan-out through roll calls by its depth, and by its cost within the depth limit', () => {
    expect(refusalOf(rollCallFanOut(19))).toMatchObject({ code: QUERY_TOO_COMPLEX, limit: 'depth', actual: 19 });
    expect(refusalOf(rollCallFanOut(QUERY_LIMITS.maxDepth))).toMatchObject({ code: QUERY_TOO_COMPLEX, limit: 'cost', maximum: QUERY_LIMITS.maxCost });
  });

  it('counts depth through named and inline fragments, without a level for the fragment', () => {
    const viaFragments = `{ person(id: "p") { ...P } } fragment P on Person { memberships { ... on Membership { organization { ...O } } } }
      fragment O on Organization { members { person { memberships { organization { members { person { memberships { organization { members { role } } } } } } } } } }`;
    expect(refusalOf(viaFragments)).toMatchObject({ limit: 'depth', actual: 13 });
  });

  it('refuses more than 30 aliases, wherever they are', () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: events(first: 1) { totalCount }`).join(' ')} }`;
    expect(costOf(aliases(QUERY_LIMITS.maxAliases))).toBeGreaterThan(0);
    expect(refusalOf(aliases(QUERY_LIMITS.maxAliases + 1))).toMatchObject({ code: QUERY_TOO_COMPLEX, limit: 'aliases', maximum: 30, actual: 31 });
    const inFragment = `{ ...F ...F } fragment F on Query { ${Array.from({ length: 16 }, (_, i) => `b${i}: __typename c${i}: events { totalCount }`).join(' ')} }`;
    expect(refusalOf(inFragment)).toMatchObject({ limit: 'aliases', actual: 32 });
  });

  it('refuses 300 aliases of events(first: 100) at parsing, by the token limit', () => {
    const query = `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: events(first: 100) { totalCount }`).join(' ')} }`;
    expect(countTokens(query)).toBe(300 * 11 + 2);
    expect(parseRefusal(query)).toEqual({
      message: `query too complex: tokens 3302, the limit is ${QUERY_LIMITS.maxTokens}`,
      code: QUERY_TOO_COMPLEX,
      limit: 'tokens',
      maximum: QUERY_LIMITS.maxTokens,
      actual: 3302,
    });
  });

  it('refuses 5,000 nested fragments at parsing, before the parser recurses that deep', () => {
    const nested = `{ ${'... on Query { '.repeat(5000)}__typename${' }'.repeat(5000)} }`;
    expect(parseRefusal(nested)).toMatchObject({ limit: 'tokens', actual: 25003 });
    const chain = `{ ...F0 } ${Array.from({ length: 5000 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} }`).join(' ')} fragment F5000 on Query { __typename }`;
    expect(parseRefusal(chain)).toMatchObject({ limit: 'tokens', maximum: QUERY_LIMITS.maxTokens });
  });

  it('refuses fragments that spread each other twice over, before measuring them takes exponential time', () => {
    // 2^40 paths in 40 fragments: depth 1, no alias, a few hundred tokens.
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const bomb = `{ ...F0 } ${fragments} fragment F${levels} on Query { events(first: 1) { totalCount } }`;
    const started = performance.now();
    expect(refusalOf(bomb)).toMatchObject({ code: QUERY_TOO_COMPLEX, limit: 'selections', maximum: QUERY_LIMITS.maxSelections });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('measures the operation that would run, with its variables', () => {
    const twoOperations = `query Cheap { events(first: 1) { totalCount } } query Costly { ${Array.from({ length: 5 }, (_, i) => `m${i}: measures(first: 100) { edges { node { votes { rollCall { person { name } } } } } }`).join(' ')} }`;
    const document: DocumentNode = parse(twoOperations, LIMITED_PARSE);
    expect(checkOperation(schema, document, { operationName: 'Cheap' })).toEqual({ cost: 2 });
    expect(checkOperation(schema, document, { operationName: 'Costly' })).toMatchObject({ refusal: expect.objectContaining({ extensions: expect.objectContaining({ limit: 'cost' }) }) });
    // No such operation, or a variable that cannot be read: left to execution, which refuses them.
    expect(checkOperation(schema, document, { operationName: 'Missing' })).toEqual({ cost: 0 });
    expect(costOf('query($n: Int) { events(first: $n) { totalCount } }', { n: 'many' })).toBe(0);
  });

  it('leaves syntax errors as they are', () => {
    let error: GraphQLError | undefined;
    try {
      parse('{ events(first: 1) { totalCount ', LIMITED_PARSE);
    } catch (thrown) {
      error = thrown as GraphQLError;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect(tokenLimitRefusal(error!)).toBeNull();
  });
});
