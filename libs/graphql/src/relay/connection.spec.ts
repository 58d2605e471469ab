import { toConnection } from './connection';

const rows = [{ sequence: 4, name: 'a' }, { sequence: 9, name: 'b' }];
const cursorOf = (row: { sequence: number }) => `c${row.sequence}`;
const map = (row: { name: string }) => ({ title: row.name.toUpperCase() });

describe('toConnection', () => {
  it('makes each row a node with its cursor, starts the page at the first edge and ends it at the last', () => {
    expect(toConnection(rows, { hasNextPage: true, hasPreviousPage: true, totalCount: 7 }, cursorOf, map)).toEqual({
      edges: [
        { cursor: 'c4', node: { title: 'A' } },
        { cursor: 'c9', node: { title: 'B' } },
      ],
      pageInfo: { hasNextPage: true, hasPreviousPage: true, startCursor: 'c4', endCursor: 'c9' },
      totalCount: 7,
    });
  });

  it('has no cursors for an empty page, says nothing precedes when not told, and still counts what the filter matches', () => {
    const none: typeof rows = [];
    expect(toConnection(none, { hasNextPage: false, totalCount: 3 }, cursorOf, map)).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      totalCount: 3,
    });
  });
});
