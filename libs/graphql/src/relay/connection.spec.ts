import { toConnection } from './connection';

const rows = [{ sequence: 4, name: 'a' }, { sequence: 9, name: 'b' }];
const cursorOf = (row: { sequence: number }) => `c${row.sequence}`;
const map = (row: { name: string }) => ({ title: row.name.toUpperCase() });

describe('toConnection', () => {
  it('makes each row a node with its cursor, and ends the page at the last edge', () => {
    expect(toConnection(rows, { hasNextPage: true, totalCount: 7 }, cursorOf, map)).toEqual({
      edges: [
        { cursor: 'c4', node: { title: 'A' } },
        { cursor: 'c9', node: { title: 'B' } },
      ],
      pageInfo: { hasNextPage: true, endCursor: 'c9' },
      totalCount: 7,
    });
  });

  it('has no end cursor for an empty page, and still counts what the filter matches', () => {
    const none: typeof rows = [];
    expect(toConnection(none, { hasNextPage: false, totalCount: 3 }, cursorOf, map)).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 3,
    });
  });
});
