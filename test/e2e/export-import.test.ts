/**
 * `ledger export --format ndjson` and `ledger import` on the seeded Denver demo, as real processes
 * on real files: a round trip reproduces the ledger byte for byte, and a damaged file is refused,
 * naming its line, with nothing written: a forged one too, whose computed fields (a vote's tally,
 * its result) do not follow from their inputs even though its leaf hashes were recomputed.
 */
import Database from 'better-sqlite3';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { leafHashOf, type RecordedEvent } from '@ledger/event-store';
import { LedgerServer, removeDir, runCli, tempDataDir } from '../support/ledger-process';

const EVENTS = `query($after: String) {
  events(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { sequence eventId: id streamId streamRevision recordedAt leafHash } } }
}`;

/** What a server serves of every event, in order. */
async function servedEvents(server: LedgerServer): Promise<Array<Record<string, unknown>>> {
  const events: Array<Record<string, unknown>> = [];
  let after: string | undefined;
  for (;;) {
    const { data, errors } = await server.gql(EVENTS, { after });
    if (errors) throw new Error(JSON.stringify(errors));
    events.push(...data.events.edges.map((edge: { node: Record<string, unknown> }) => edge.node));
    if (!data.events.pageInfo.hasNextPage) return events;
    after = data.events.pageInfo.endCursor;
  }
}

/** Events stored in a data dir, read without creating anything. */
function storedEventCount(dataDir: string): number {
  const file = join(dataDir, 'events.db');
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('export --format ndjson and import', () => {
  let root: string;
  let source: string;
  let exported: string;
  let lines: string[];
  let dirs = 0;
  const freshDataDir = () => join(root, `target-${++dirs}`);
  const cli = (dataDir: string, ...args: string[]) => runCli(args, { LEDGER_DATA_DIR: dataDir });

  beforeAll(async () => {
    root = tempDataDir('ledger-export-');
    source = join(root, 'source');
    const seeded = await cli(source, 'seed', 'demo');
    if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
    exported = join(root, 'demo.ndjson');
    const result = await cli(source, 'export', '--format', 'ndjson', '--out', exported);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/exported \d+ events/);
    const text = readFileSync(exported, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    lines = text.slice(0, -1).split('\n');
  }, 60_000);
  afterAll(() => removeDir(root));

  it('writes every event once, in sequence order, with its full envelope and a leaf hash that recomputes', async () => {
    expect(lines.length).toBe(storedEventCount(source));
    lines.forEach((line, i) => {
      const event = JSON.parse(line) as RecordedEvent;
      expect(event.sequence).toBe(i);
      // The salts of restricted values travel with the events that have some (a data request's).
      const restricted = event.type === 'DataRequestReceived';
      expect(Object.keys(event)).toEqual([
        'eventId', 'type', 'schemaVersion', 'streamId', 'streamRevision', 'sequence', 'occurredAt', 'recordedAt',
        'recordedBy', 'correlationId', 'causationId', 'data', 'leafHash', ...(restricted ? ['commitmentSalts'] : []),
      ]);
      expect(leafHashOf(event)).toBe(event.leafHash);
    });
    // stdout by default, the same bytes; the summary goes to stderr so the output stays clean.
    const toStdout = await cli(source, 'export', '--format', 'ndjson');
    expect(toStdout.code).toBe(0);
    expect(toStdout.stdout).toBe(readFileSync(exported, 'utf8'));
  });

  it('imports into an empty ledger, which then exports byte-identical and serves the same events', async () => {
    const target = freshDataDir();
    const imported = await cli(target, 'import', exported);
    expect({ code: imported.code, stderr: imported.stderr }).toEqual({ code: 0, stderr: '' });
    expect(imported.stdout).toMatch(new RegExp(`imported ${lines.length} events \\(sequences 0\\.\\.${lines.length - 1}\\)`));

    const again = join(root, 'again.ndjson');
    expect((await cli(target, 'export', '--format', 'ndjson', '--out', again)).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(exported))).toBe(true);

    expect(imported.stdout).toContain("copy the source ledger's secrets/");
    // The imported log's subject references were made with the source's keys: they travel with it.
    cpSync(join(source, 'secrets'), join(target, 'secrets'), { recursive: true });
    // One after the other, so a server that fails to start never leaves the other running.
    const original = await LedgerServer.start(source);
    try {
      const copy = await LedgerServer.start(target);
      try {
        const served = await servedEvents(copy);
        expect(served).toEqual(await servedEvents(original));
        expect(served.map((e) => [e.sequence, e.leafHash])).toEqual(lines.map((line) => JSON.parse(line)).map((e) => [e.sequence, e.leafHash]));
      } finally {
        await copy.stop();
      }
    } finally {
      await original.stop();
    }
  }, 60_000);

  it('refuses a truncated file, naming the line it ends in, and writes nothing', async () => {
    const truncated = join(root, 'truncated.ndjson');
    writeFileSync(truncated, `${lines.slice(0, 39).join('\n')}\n${lines[39].slice(0, Math.floor(lines[39].length / 2))}`);
    const target = freshDataDir();
    const result = await cli(target, 'import', truncated);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 40: ends mid-record (truncated?)');
    expect(result.stderr).toContain('nothing was imported');
    expect(storedEventCount(target)).toBe(0);
  });

  it('refuses a file with one character of a payload changed, naming the line, and writes nothing', async () => {
    const line = lines[16];
    // The first letter of the first string value inside the payload.
    const at = line.indexOf(':"', line.indexOf('"data":')) + 2;
    const altered = line.slice(0, at) + (line[at] === 'a' ? 'b' : 'a') + line.slice(at + 1);
    expect(altered).not.toBe(line);
    const file = join(root, 'altered.ndjson');
    writeFileSync(file, [...lines.slice(0, 16), altered, ...lines.slice(17)].join('\n') + '\n');

    const target = freshDataDir();
    const result = await cli(target, 'import', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 17: leaf hash does not match the envelope (altered?)');
    expect(storedEventCount(target)).toBe(0);
  });

  it('refuses a file with a record missing, and writes nothing', async () => {
    const file = join(root, 'gap.ndjson');
    writeFileSync(file, [...lines.slice(0, 5), ...lines.slice(6)].join('\n') + '\n');
    const target = freshDataDir();
    const result = await cli(target, 'import', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 6: sequence 6 where 5 was expected (a record missing?)');
    expect(storedEventCount(target)).toBe(0);
  });

  /**
   * A vote's line altered by someone who also recomputes its leaf hash (leafHashOf, the one
   * definition of a leaf, as `ledger verify` uses it): the hash check passes, the domain's
   * recomputation of the vote does not.
   */
  const forgedVote = (change: (vote: { tally: Record<string, number>; result: string }) => void) => {
    const index = lines.findIndex((line) => JSON.parse(line).type === 'VoteRecorded');
    const record = JSON.parse(lines[index]);
    change(record.data);
    record.leafHash = leafHashOf(record);
    return { line: index + 1, text: [...lines.slice(0, index), JSON.stringify(record), ...lines.slice(index + 1)].join('\n') + '\n' };
  };

  it.each<[string, (vote: { tally: Record<string, number>; result: string }) => void, RegExp]>([
    ['a tally that is not the count of its roll call', (vote) => (vote.tally.yes += 1), /data\.tally: yes \d+, .* is not the count of its roll call \(yes \d+/],
    ['a result that does not follow from the tally and the body\'s rule', (vote) => (vote.result = vote.result === 'PASSED' ? 'FAILED' : 'PASSED'), /data\.result: (PASSED|FAILED) does not follow from the tally \(.*\) under majority-of-present: the vote (PASSED|FAILED)/],
  ])('refuses %s, its leaf hash recomputed, naming the line and the field, and writes nothing', async (_, change, message) => {
    const forged = forgedVote(change);
    const file = join(root, `forged-${++dirs}.ndjson`);
    writeFileSync(file, forged.text);
    const target = freshDataDir();
    const result = await cli(target, 'import', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`line ${forged.line}: data.`);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('(a field the ledger computes, altered?); nothing was imported');
    expect(result.stderr).not.toContain('leaf hash');
    expect(storedEventCount(target)).toBe(0);
  });

  it('exits 2 when the ledger is not empty, and adds nothing to it', async () => {
    const before = storedEventCount(source);
    const result = await cli(source, 'import', exported);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`already holds ${before} events; import needs an empty ledger`));
    expect(storedEventCount(source)).toBe(before);
  });

  it.each<[string, string[], RegExp]>([
    ['import without a file', ['import'], /exactly one FILE/],
    ['import of a file that does not exist', ['import', '/nonexistent/ledger.ndjson'], /is not a file/],
    ['export without --format', ['export'], /needs --format, one of: ndjson/],
    ['export in an unknown format', ['export', '--format', 'xml'], /needs --format, one of: ndjson/],
  ])('exits 2 on bad usage: %s', async (_, args, message) => {
    const result = await cli(freshDataDir(), ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('exits 2 rather than overwrite an earlier export, or export a ledger that does not exist', async () => {
    const overwrite = await cli(source, 'export', '--format', 'ndjson', '--out', exported);
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toMatch(/already exists/);
    const nowhere = freshDataDir();
    const missing = await cli(nowhere, 'export', '--format', 'ndjson');
    expect(missing.code).toBe(2);
    expect(existsSync(nowhere)).toBe(false);
  });
});
