/**
 * Relay connections read both ways (first/after and last/before) on the seeded demo, built server:
 * reading a whole list backward gives the same nodes in the same order as reading it forward, and
 * pageInfo says truthfully what lies on each side of a page.
 */
import { LedgerServer, removeDir, runCli, tempDataDir } from '../support/ledger-process';

const ARGS = '(first: $first, after: $after, last: $last, before: $before)';
// Each list as a query whose answer holds it at `list` (top-level, or inside a node).
const LISTS = {
  events: { query: `list: events${ARGS}`, path: [] as string[], node: 'id' },
  measures: { query: `list: measures${ARGS}`, path: [], node: 'id' },
  decisions: { query: `list: decisions${ARGS}`, path: [], node: 'id' },
  people: { query: `list: people${ARGS}`, path: [], node: 'id' },
  organizations: { query: `list: organizations${ARGS}`, path: [], node: 'id' },
  'Person.votes': { query: `parent: person(id: "person:illustrative-council-member-a") { list: votes${ARGS}`, path: ['parent'], node: 'vote { id }' },
  'Person.decisions': { query: `parent: person(id: "person:illustrative-sheriff-officer") { list: decisions${ARGS}`, path: ['parent'], node: 'id' },
  'Clause.citations': { query: `parent: clause(id: "CB17-0766#sec_3") { list: citations${ARGS}`, path: ['parent'], node: 'id' },
  'Clause.judgedDecisions': { query: `parent: clause(id: "CB17-0766#sec_2__subsec_b") { list: judgedDecisions${ARGS}`, path: ['parent'], node: 'id' },
} as const;

describe('connections paged forward and backward (seeded demo, built server)', () => {
  let dataDir: string;
  let server: LedgerServer;
  beforeAll(async () => {
    dataDir = tempDataDir('ledger-pagination-');
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    server = await LedgerServer.start(dataDir);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  async function page(list: keyof typeof LISTS, args: Record<string, unknown>) {
    const { query: field, path, node } = LISTS[list];
    const query = `query($first: Int, $after: String, $last: Int, $before: String) { ${field} {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${node} } } } ${path.length ? '}' : ''} }`;
    const answer = await server.gql(query, args);
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    const holder = path.reduce((data: any, key) => data[key], answer.data);
    // A vote cast is known by its vote.
    for (const edge of holder.list.edges) edge.node.id ??= edge.node.vote?.id;
    return holder.list as { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }; edges: Array<{ cursor: string; node: { id: string } }> };
  }

  it.each(Object.keys(LISTS) as Array<keyof typeof LISTS>)('%s: backward gives the forward order, page by page', async (list) => {
    const size = list === 'events' ? 7 : 1;
    expect((await page(list, { first: 0 })).totalCount).toBeGreaterThan(1);
    const forward: string[] = [];
    let after: string | null = null;
    for (let first = true; ; first = false) {
      const p = await page(list, { first: size, after });
      forward.push(...p.edges.map((e) => e.node.id));
      expect(p.pageInfo.hasPreviousPage).toBe(!first);
      expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor ?? null);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    const backward: string[] = [];
    let before: string | null = null;
    for (let last = true; ; last = false) {
      const p = await page(list, { last: size, before });
      backward.unshift(...p.edges.map((e) => e.node.id));
      expect(p.pageInfo.hasNextPage).toBe(!last);
      expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor ?? null);
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    const total = (await page(list, { first: 0 })).totalCount;
    expect(forward.length).toBe(total);
    expect(new Set(forward).size).toBe(total);
    expect(backward).toEqual(forward);
  });

  it('refuses both directions at once, and a cursor of another kind', async () => {
    for (const list of Object.keys(LISTS) as Array<keyof typeof LISTS>) {
      const { query: field, path } = LISTS[list];
      const mixed = await server.gql(`query { ${field.replace(ARGS, '(first: 1, last: 1)')} { totalCount } ${path.length ? '}' : ''} }`);
      expect({ list, code: mixed.errors?.[0].extensions?.code }).toEqual({ list, code: 'BAD_USER_INPUT' });
    }
    const foreign = await server.gql('{ events(last: 1, before: "bm90IGEgY3Vyc29y") { totalCount } }');
    expect(foreign.errors?.[0]).toMatchObject({ message: 'before is not a cursor this connection issued', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
