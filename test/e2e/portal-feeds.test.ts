/**
 * The portal's feeds (Atom and RSS, the `feed` package) and CSV downloads, over HTTP against the
 * built server seeded with the Denver demo, checked against what the public GraphQL API answers.
 */
import { parse } from 'csv-parse/sync';
import { ORDINANCE } from '@ledger/scenarios';
import { LedgerServer, removeDir, runCli, tempDataDir } from '../support/ledger-process';

describe('portal feeds and downloads (seeded demo, built server)', () => {
  let dataDir: string;
  let server: LedgerServer;
  beforeAll(async () => {
    dataDir = tempDataDir('ledger-feeds-');
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    server = await LedgerServer.start(dataDir);
    // The log signs its first checkpoint within about a second of starting.
    for (let tries = 0; !(await server.gql('{ treeHead { treeSize } }')).data; tries++) {
      if (tries > 50) throw new Error('no checkpoint signed');
      await new Promise((done) => setTimeout(done, 100));
    }
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  const get = (path: string) => fetch(`${server.base}${path}`);
  const entries = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>[\\s\\S]*?</${tag}>`, 'g'))].map((m) => m[0]);
  const titleOf = (entry: string) => /<title[^>]*>(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?<\/title>/.exec(entry)![1];

  it('an Atom feed of new measures and an RSS feed of votes, each item linking to its page', async () => {
    const api = (await server.gql('{ measures(first: 100) { edges { node { id title votes { id } } } } }')).data.measures.edges.map((e: any) => e.node);
    const atom = await get('/feeds/measures.atom');
    expect(atom.status).toBe(200);
    expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const measures = entries(await atom.text(), 'entry');
    expect(measures.map(titleOf).sort()).toEqual(api.map((m: any) => `${m.id}: ${m.title}`).sort());
    expect(measures.join('')).toContain(`${server.base}/measures/${ORDINANCE}`);

    const rss = await get('/feeds/votes.rss');
    expect(rss.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    const votes = entries(await rss.text(), 'item');
    expect(votes.length).toBe(Math.min(20, api.flatMap((m: any) => m.votes).length));
    expect(votes.map(titleOf)).toContain(`${ORDINANCE}, final-passage: Passed 10-0`);
  });

  it('a measure\'s own activity, in Spanish; unknown feeds and measures are 404', async () => {
    const history = (await server.gql(`{ measure(id: "${ORDINANCE}") { history { id } } }`)).data.measure.history;
    const feed = await (await get(`/feeds/measures/${ORDINANCE}.atom?lang=es`)).text();
    const items = entries(feed, 'entry');
    expect(items.length).toBe(Math.min(20, history.length));
    expect(items.map(titleOf)).toContain('Votación registrada');
    expect(feed).toContain(`${server.base}/measures/${ORDINANCE}?lang=es`);
    for (const path of ['/feeds/measures/CB99-0001.atom', '/feeds/nothing.atom', '/feeds/measures.xml']) expect({ path, status: (await get(path)).status }).toEqual({ path, status: 404 });
  });

  it('CSV downloads of measures, votes with roll calls and decisions, each row naming the signed checkpoint', async () => {
    const api = (await server.gql(`{
      treeHead { treeSize rootHash }
      measures(first: 100) { totalCount edges { node { votes { id } } } }
      decisions(first: 100) { totalCount }
      violations: decisions(first: 100, filter: { everFoundInViolation: true }) { edges { node { id violationFound { foundAt via } } } }
    }`)).data;
    const read = async (file: string) => {
      const response = await get(`/downloads/${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const [size, root] = response.headers.get('x-ledger-checkpoint')!.split(' ');
      expect(Number(size)).toBeGreaterThanOrEqual(api.treeHead.treeSize);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${file.replace('.csv', `-checkpoint-${size}.csv`)}"`);
      const text = await response.text();
      const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
      for (const row of rows) expect([row.checkpoint_tree_size, row.checkpoint_root]).toEqual([size, root]);
      return { rows, text };
    };
    expect((await read('measures.csv')).rows.length).toBe(api.measures.totalCount);
    const votes = (await read('votes.csv')).rows;
    expect(votes.length).toBe(api.measures.edges.flatMap((e: any) => e.node.votes).length);
    const finalPassage = votes.find((v) => v.vote_id === `vote:${ORDINANCE}:4`)!;
    expect([finalPassage.yes, finalPassage.no]).toEqual(['10', '0']);
    expect(finalPassage.roll_call.split('; ')).toHaveLength(13);
    const decisions = await read('decisions.csv');
    expect(decisions.rows.length).toBe(api.decisions.totalCount);
    // Every decision ever found in violation says so, with when and how; the others leave it empty.
    const found = decisions.rows.filter((row) => row.violation_found_at !== '').map((row) => [row.decision_id, row.violation_found_at, row.violation_found_by]);
    expect(found).toEqual(api.violations.edges.map((e: any) => [e.node.id, e.node.violationFound.foundAt, e.node.violationFound.via]));
    expect(found.length).toBeGreaterThan(0);
    // Public fields only: no subject reference, no personal detail.
    expect(decisions.text).not.toMatch(/subj_|Resident One|Resident Two|born 19|personalDetails|ciphertext/);
    expect((await get('/downloads/people.csv')).status).toBe(404);
  });
});
