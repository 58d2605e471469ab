/**
 * How this API writes a field resolver (@ResolveField) that takes no GraphQL arguments:
 *
 *   @ResolveField(() => PersonModel)
 *   async decidedBy(decision: DecisionModel, _args: NoArgs, context: RequestContext) { ... }
 *
 * graphql-js's own (parent, args, context), without Nest's @Parent() / @Context() decorators. A
 * field resolver with no parameter decorator is handed to graphql-js as it is (Nest's "fast field
 * resolver"); with one, Nest wraps every call in its external context (parameters exchanged
 * through pipes, an interceptor chain, four promises more per field). A decisions page resolves
 * ~1,200 such fields (its compliance findings' clauses), and that wrapping, its promises and their
 * async hooks and garbage were about a fifth of the API's CPU on it.
 *
 * Nothing else changes: Nest runs no guard, interceptor or filter on field resolvers either way
 * (GraphQLModule's fieldResolverEnhancers is unset), so each restricted field's rule is, as before,
 * in its resolver (through PublicView). Fields with @Args keep the decorators: Nest builds a
 * field's arguments in the schema from them. field-resolvers.spec.ts keeps every other field on the
 * fast path.
 */
export type NoArgs = Record<string, never>;
