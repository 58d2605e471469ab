import 'reflect-metadata';
import { LedgerGraphqlModule } from './ledger-graphql.module';

// @nestjs/graphql's metadata keys (graphql.constants) and GqlParamtype.ARGS: what its
// ResolversExplorerService reads to decide whether a field resolver takes the fast path.
const RESOLVE_PROPERTY = 'graphql:resolve_property';
const FIELD_MIDDLEWARE = 'graphql:field_resolver_middleware';
const PARAM_ARGS = '__routeArguments__';
const ARGS = 3;

type Constructor = { name: string; prototype: Record<string, unknown> };

/** every @ResolveField method of the module's resolvers, with its parameter decorators' types */
function fieldResolvers(): Array<{ name: string; paramTypes: number[]; middleware: unknown[] }> {
  const providers = (Reflect.getMetadata('providers', LedgerGraphqlModule) as unknown[]).filter((p): p is Constructor => typeof p === 'function');
  return providers.flatMap((resolver) =>
    Object.entries(Object.getOwnPropertyDescriptors(resolver.prototype))
      // methods only: a getter is not read (it may need an instance)
      .filter(([method, { value }]) => method !== 'constructor' && typeof value === 'function' && Reflect.getMetadata(RESOLVE_PROPERTY, value) === true)
      .map(([method, { value }]) => {
        const params = (Reflect.getMetadata(PARAM_ARGS, resolver, method) ?? {}) as Record<string, unknown>;
        return {
          name: `${resolver.name}.${method}`,
          paramTypes: Object.keys(params).map((key) => Number(key.split(':')[0])),
          middleware: (Reflect.getMetadata(FIELD_MIDDLEWARE, value as object) ?? []) as unknown[],
        };
      }),
  );
}

describe('field resolvers (field-resolvers.ts)', () => {
  it('take graphql-js arguments, without parameter decorators, unless the field has arguments', () => {
    const fields = fieldResolvers();
    expect(fields.length).toBeGreaterThan(40);
    // A field whose resolver has a decorator but no @Args pays Nest's wrapping on every call for nothing.
    const wrapped = fields.filter((field) => field.paramTypes.length > 0 && !field.paramTypes.includes(ARGS)).map((field) => field.name);
    expect(wrapped).toEqual([]);
    expect(fields.filter((field) => field.middleware.length > 0).map((field) => field.name)).toEqual([]);
    // the fast path is the common case: ~40 of them at this writing
    expect(fields.filter((field) => field.paramTypes.length === 0).length).toBeGreaterThan(35);
  });
});
