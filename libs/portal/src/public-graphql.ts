import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { execute, parse, validate, type DocumentNode } from 'graphql';
import { RequestLoaders, type RequestContext } from '@ledger/graphql';

/** The public API had nothing at the address a page was asked for (an unknown id). */
export class PortalNotFound extends Error {
  constructor(what: string) {
    super(`not found: ${what}`);
    this.name = 'PortalNotFound';
  }
}

/** The public API refused or failed a portal query: never shown to a reader as it is. */
export class PortalQueryFailed extends Error {
  constructor(readonly codes: string[], message: string) {
    super(message);
    this.name = 'PortalQueryFailed';
  }
}

/**
 * The portal's only way to the record: the public GraphQL API, run in this process as an anonymous
 * caller would run it over HTTP (the same schema, resolvers, public-view policy and DataLoaders;
 * no token, so no restricted value can ever reach a page). Each page's query is parsed and checked
 * against the schema once.
 */
@Injectable()
export class PublicGraphql {
  private readonly documents = new Map<string, DocumentNode>();

  constructor(private readonly modules: ModuleRef) {}

  async query<T>(source: string, variables: Record<string, unknown> = {}): Promise<T> {
    // The schema belongs to the GraphQL server's module (whichever composition root imported it).
    const schema = this.modules.get(GraphQLSchemaHost, { strict: false }).schema;
    let document = this.documents.get(source);
    if (!document) {
      document = parse(source);
      const invalid = validate(schema, document);
      // A page's own query that does not fit the schema is a bug of the portal, caught by its tests.
      if (invalid.length > 0) throw new Error(`portal query does not fit the schema: ${invalid.map((e) => e.message).join('; ')}`);
      this.documents.set(source, document);
    }
    const result = await execute({ schema, document, variableValues: variables, contextValue: anonymousCaller() });
    if (result.errors?.length) {
      const codes = result.errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
      throw new PortalQueryFailed(codes, result.errors.map((error) => error.message).join('; '));
    }
    return result.data as T;
  }
}

/** What buildRequestContext makes of a request without a token. */
function anonymousCaller(): RequestContext {
  return { actor: null, authError: null, tokenExpiresAt: null, idempotencyKey: null, loaders: new RequestLoaders() };
}
