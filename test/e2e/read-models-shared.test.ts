/**
 * Read models shared between processes: a running server owns them (it alone writes them), and
 * `ledger investigate` and `ledger export --format ocd` read them beside it, answering exactly
 * what they answer with the server stopped; `ledger rebuild` against it is refused with one line.
 * Real processes on a real data dir (the built server and CLI).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir, type CliResult } from '../support/ledger-process';

const SHERIFF = 'org:denver-sheriff-department';
const ORDINANCE = 'CB17-0766';

/** Every file under dir, by its path inside it, with its content. */
function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at)) {
      const path = join(at, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return files;
}

/**
 * A report as JSON, without what differs between two runs: when it was made, and the log's latest
 * signed checkpoint then (none before a server ever ran; a running server signs one as it starts)
 * with the audit paths to it.
 */
function reportOf(result: CliResult): unknown {
  if (result.code !== 0) throw new Error(`exit ${result.code}: ${result.stderr}`);
  const { generatedAt, signedCheckpoint, events, ...report } = JSON.parse(result.stdout);
  expect(generatedAt).toEqual(expect.any(String));
  expect(signedCheckpoint === null || typeof signedCheckpoint === 'string').toBe(true);
  return { ...report, events: events.map(({ inclusionProof, ...event }: { inclusionProof: unknown }) => event) };
}

describe('read models shared with a running server (built server and CLI, real data dir)', () => {
  let dataDir: string;
  let decisionId: string;
  const cli = (...args: string[]) => runCli(args, { LEDGER_DATA_DIR: dataDir });
  const stopped = {} as { decision: unknown; ordinance: unknown; ocd: string; ocdFiles: Record<string, string> };

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-shared-');
    const seeded = await cli('seed', 'demo');
    if (seeded.code !== 0) throw new Error(seeded.stderr);
    // With no server running: the CLI owns the read models for the moment, catching them up itself.
    decisionId = (JSON.parse((await cli('investigate', SHERIFF, '--format', 'json')).stdout) as any).decisions[0].id;
    stopped.decision = reportOf(await cli('investigate', decisionId, '--format', 'json'));
    stopped.ordinance = reportOf(await cli('investigate', ORDINANCE, '--format', 'json'));
    const ocd = await cli('export', '--format', 'ocd');
    expect(ocd.code).toBe(0);
    stopped.ocd = ocd.stdout;
    const out = join(dataDir, 'ocd-stopped');
    expect((await cli('export', '--format', 'ocd', '--out', out)).code).toBe(0);
    stopped.ocdFiles = filesUnder(out);
  }, 120_000);
  afterAll(() => removeDir(dataDir));

  describe('while the server runs', () => {
    let server: LedgerServer;
    beforeAll(async () => {
      server = await LedgerServer.start(dataDir);
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('investigate reads its read models and gives the same reports as with it stopped', async () => {
      const [decision, ordinance] = await Promise.all([
        cli('investigate', decisionId, '--format', 'json'),
        cli('investigate', ORDINANCE, '--format', 'json'),
      ]);
      expect(decision.stderr).toBe('');
      expect(reportOf(decision)).toEqual(stopped.decision);
      expect(reportOf(ordinance)).toEqual(stopped.ordinance);
    });

    it('export --format ocd describes the same point of the ledger, byte for byte', async () => {
      const out = join(dataDir, 'ocd-live');
      const [toStdout, toDir] = await Promise.all([cli('export', '--format', 'ocd'), cli('export', '--format', 'ocd', '--out', out)]);
      expect(toStdout.code).toBe(0);
      expect(toStdout.stdout).toBe(stopped.ocd);
      expect(toDir.code).toBe(0);
      expect(filesUnder(out)).toEqual(stopped.ocdFiles);
      const manifest = JSON.parse(stopped.ocdFiles['ocd-export.json']);
      const health = (await (await fetch(`${server.base}/healthz`)).json()) as { lastSequence: number };
      expect(manifest.through_sequence).toBe(health.lastSequence);
    });

    it('refuses rebuild against it with one line and exit 1, and the server keeps answering', async () => {
      const refused = await cli('rebuild');
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^rebuild: the read models in .* are in use by another process/)]);
      expect(refused.stdout).toBe('');
      expect((await server.gql(`{ measure(id: "${ORDINANCE}") { status } }`)).data).toEqual({ measure: { status: 'ENACTED' } });
    });

    it('reads what the server recorded after it started, at the point the server had reached', async () => {
      const token = await mintToken(dataDir, 'clerk');
      const recorded = await server.gql(
        'mutation { registerPerson(input: { id: "person:resident-liaison", name: "Resident Liaison (illustrative)" }) { events { sequence leafHash } } }',
        {},
        token,
      );
      const [event] = recorded.data.registerPerson.events;
      const report = reportOf(await cli('investigate', 'person:resident-liaison', '--format', 'json')) as any;
      expect(report.subject).toMatchObject({ id: 'person:resident-liaison', kind: 'person' });
      expect(report.events.map((e: any) => e.leafHash)).toEqual([event.leafHash]);
      expect(report.ledgerSize).toBe(event.sequence + 1);
      const manifest = JSON.parse((await cli('export', '--format', 'ocd')).stdout);
      expect(manifest).toMatchObject({ through_sequence: event.sequence, through_leaf_hash: event.leafHash });
    });
  });
});
