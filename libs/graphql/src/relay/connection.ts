import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field() hasNextPage!: boolean;
  @Field({ description: 'whether rows come before this page; connections that page forward only (first/after) answer false' })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Edge<N> {
  cursor: string;
  node: N;
}

/** What a connection resolver returns: a page of nodes, each with its cursor. */
export interface ConnectionOf<N> {
  edges: Edge<N>[];
  pageInfo: PageInfoModel;
  totalCount: number;
}

/**
 * A Relay connection of `node`, as GraphQL types `<name>Connection { edges, pageInfo, totalCount }`
 * and `<name>Edge { cursor, node }` (ledger.graphql, "Conventions"). Declare one by extending it:
 * `@ObjectType('MeasureConnection') class MeasureConnectionModel extends Connection(MeasureModel, 'Measure') {}`.
 */
export function Connection<N>(node: Type<N>, name: string): abstract new () => ConnectionOf<N> {
  @ObjectType(`${name}Edge`)
  class EdgeModel implements Edge<N> {
    @Field() cursor!: string;
    @Field(() => node) node!: N;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionModel implements ConnectionOf<N> {
    @Field(() => [EdgeModel]) edges!: EdgeModel[];
    @Field(() => PageInfoModel) pageInfo!: PageInfoModel;
    @Field(() => Int) totalCount!: number;
  }
  return ConnectionModel;
}

/**
 * A page of read-model rows as a connection: each row becomes a node (`map`) with its cursor
 * (`cursorOf`), and the end cursor is the last edge's.
 */
export function toConnection<R, N>(
  rows: readonly R[],
  page: { hasNextPage: boolean; hasPreviousPage?: boolean; totalCount: number },
  cursorOf: (row: R) => string,
  map: (row: R) => N,
): ConnectionOf<N> {
  const edges = rows.map((row) => ({ cursor: cursorOf(row), node: map(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage ?? false,
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    totalCount: page.totalCount,
  };
}
