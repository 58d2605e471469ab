import Database from 'better-sqlite3';
import { join } from 'node:path';
import { LedgerServer, removeDir, runCli, tempDataDir } from '../support/ledger-process';

interface StoredEvent {
  stream_id: string;
  stream_revision: number;
  type: string;
  occurred_at: string;
  data: string;
}

/**
 * Each stream's events as the city recorded them, without what differs from run to run by design:
 * the order in which independent lanes reached the log, event ids, recording times, and the
 * ciphertext of sealed personal details (a fresh IV each time), and subject references (keyed by
 * each ledger's own secret).
 */
function streamsOf(dataDir: string): Map<string, string[]> {
  const db = new Database(join(dataDir, 'events.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT stream_id, stream_revision, type, occurred_at, data FROM events ORDER BY stream_id, stream_revision').all() as StoredEvent[];
    const streams = new Map<string, string[]>();
    for (const row of rows) {
      const data = JSON.parse(row.data) as Record<string, unknown>;
      if (data.personalDetails) data.personalDetails = 'sealed';
      // A keyed HMAC under each ledger's own secret key: the same identifier, another reference.
      if (data.subjectRef) data.subjectRef = 'keyed';
      const events = streams.get(row.stream_id) ?? [];
      events.push(`${row.stream_revision} ${row.type} ${row.occurred_at} ${JSON.stringify(data)}`);
      streams.set(row.stream_id, events);
    }
    return streams;
  } finally {
    db.close();
  }
}

// Each test generates small cities through the built CLI: seconds each on a 2-core machine.
jest.setTimeout(180_000);

describe('ledger generate (the built CLI, real SQLite ledgers)', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = tempDataDir('ledger-generate-');
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach(removeDir));

  it('records a rule-abiding city through the write path, the same city for the same seed', async () => {
    const [first, second, other] = [dataDir(), dataDir(), dataDir()];
    const runs = await Promise.all([first, second, other].map((dir, i) => runCli(['generate', '--events', '1500', '--seed', i === 2 ? '8' : '7'], { LEDGER_DATA_DIR: dir })));
    for (const run of runs) {
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/generated \d+ events \(seed \d+\)/);
      expect(run.stdout).toMatch(/built the read models from \d+ events/);
    }
    const [a, b, c] = [first, second, other].map(streamsOf);
    const count = (streams: Map<string, string[]>) => [...streams.values()].reduce((n, events) => n + events.length, 0);
    expect(count(a)).toBeGreaterThanOrEqual(1500);
    expect([...b]).toEqual([...a]);
    expect([...c]).not.toEqual([...a]);

    // Every kind of record the city is made of is there.
    const types = new Set([...a.values()].flat().map((line) => line.split(' ')[1]));
    for (const type of ['OrganizationRegistered', 'MembershipStarted', 'MeasureIntroduced', 'VoteRecorded', 'MeasureEnacted', 'ExecutiveOrderIssued', 'DataRequestReceived', 'DataRequestDecided', 'DisclosureRecorded']) {
      expect(types).toContain(type);
    }
  });

  it('leaves a ledger the server serves: measures with their votes, decisions with their citations', async () => {
    const dir = dataDir();
    expect((await runCli(['generate', '--events', '2000', '--seed', '3'], { LEDGER_DATA_DIR: dir })).code).toBe(0);
    const server = await LedgerServer.start(dir);
    try {
      const answer = await server.gql('{ measures(first: 20) { edges { node { id title votes { motion tally { yes no } } } } } decisions(first: 3) { edges { node { id outcome citations { clause { id } version } } } } }');
      expect(answer.errors).toBeUndefined();
      const measures = answer.data.measures.edges.map((edge: { node: unknown }) => edge.node);
      const decisions = answer.data.decisions.edges.map((edge: { node: unknown }) => edge.node);
      const ordinance = measures.find((measure: { title: string }) => measure.title.startsWith('Synthetic ordinance'));
      expect(ordinance.title).toMatch(/\(synthetic, illustrative\)$/);
      expect(ordinance.votes.length).toBeGreaterThan(0);
      expect(decisions.length).toBeGreaterThan(0);
      expect(decisions[0].citations.length).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  });

  it('refuses a ledger that is not empty, and bad counts, with exit 2 and one line', async () => {
    const dir = dataDir();
    expect((await runCli(['generate', '--events', '200', '--seed', '1', '--no-read-models'], { LEDGER_DATA_DIR: dir })).code).toBe(0);
    const again = await runCli(['generate', '--events', '200'], { LEDGER_DATA_DIR: dir });
    expect(again.code).toBe(2);
    expect(again.stderr.trim()).toMatch(/^generate: the ledger in .* already holds \d+ events; generate into an empty one/);
    for (const args of [['generate'], ['generate', '--events', 'many'], ['generate', '--events', '0'], ['generate', '--events', '10', '--seed', 'x']]) {
      const result = await runCli(args, { LEDGER_DATA_DIR: dataDir() });
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
