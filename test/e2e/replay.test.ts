/**
 * `ledger replay` and `ledger serve --read-models` on the seeded Denver demo, as real processes:
 * the read models as the ledger knew them after a sequence or at a time, served read-only over
 * the same GraphQL API, beside the live server.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';
import { LedgerSubscriber } from '../support/ledger-subscriber';

const CLAUSE = `{ clause(id: "CB17-0766#sec_4") { versions { version text } } }`;
const EVENTS = `query($filter: EventFilter, $after: String) {
  events(filter: $filter, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { sequence type recordedAt leafHash data } } }
}`;
const PERSON = `{ person(id: "person:robin-kniech") { name } }`;
const REGISTER = `mutation { registerPerson(input: {id: "person:replay-intruder", name: "Replay Intruder"}) { revision } }`;

interface EventNode {
  sequence: number;
  type: string;
  recordedAt: string;
  leafHash: string;
  data: any;
}

async function allEvents(server: LedgerServer, filter: Record<string, unknown> = {}): Promise<EventNode[]> {
  const events: EventNode[] = [];
  let after: string | undefined;
  for (;;) {
    const { data, errors } = await server.gql(EVENTS, { filter, after });
    if (errors) throw new Error(JSON.stringify(errors));
    events.push(...data.events.edges.map((edge: { node: EventNode }) => edge.node));
    if (!data.events.pageInfo.hasNextPage) return events;
    after = data.events.pageInfo.endCursor;
  }
}

async function sec4Versions(server: LedgerServer): Promise<Array<{ version: number; text: string }>> {
  const { data, errors } = await server.gql(CLAUSE);
  if (errors) throw new Error(JSON.stringify(errors));
  return data.clause.versions;
}

async function health(server: LedgerServer): Promise<any> {
  return (await fetch(`${server.base}/healthz`)).json();
}

describe('ledger replay and serve --read-models (as the ledger knew it)', () => {
  let root: string;
  let dataDir: string;
  let live: LedgerServer;
  let clerk: string;
  /** the 2018 amending measure's ClauseAmended event for section 4 */
  let amendment: EventNode;
  const servers: LedgerServer[] = [];

  const replay = (...args: string[]) => runCli(['replay', ...args], { LEDGER_DATA_DIR: dataDir });
  const serve = async (dir: string) => {
    const server = await LedgerServer.serveReplay(dir);
    servers.push(server);
    return server;
  };
  const replayAndServe = async (dir: string, ...bound: string[]) => {
    const result = await replay(...bound, '--out', dir);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
    return serve(dir);
  };

  beforeAll(async () => {
    root = tempDataDir('ledger-replay-');
    dataDir = join(root, 'data');
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    if (seeded.code !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
    live = await LedgerServer.start(dataDir);
    clerk = await mintToken(dataDir, 'clerk');
    const amended = await allEvents(live, { type: 'ClauseAmended' });
    amendment = amended.find((event) => event.data.eId === 'sec_4' && event.data.byMeasureId === 'CB18-0101')!;
    expect(amendment).toBeDefined();
  }, 90_000);

  afterAll(async () => {
    await Promise.all([live, ...servers].map((server) => server?.stop()));
    removeDir(root);
  });

  it('serves section 4 at version 1, with its old text, from a replay that stops just before the amendment (made while the API runs)', async () => {
    const liveVersions = await sec4Versions(live);
    expect(liveVersions.map((v) => v.version)).toEqual([1, 2]);

    const dir = join(root, 'before-amendment');
    const server = await replayAndServe(dir, '--until-sequence', String(amendment.sequence - 1));
    const versions = await sec4Versions(server);
    expect(versions.map((v) => v.version)).toEqual([1]);
    expect(versions[0].text).toBe(liveVersions[0].text);
    expect(versions[0].text).not.toBe(liveVersions[1].text);

    // Every read model stops there, the event log included.
    const events = await allEvents(server);
    expect(events.map((e) => e.sequence)).toEqual([...Array(amendment.sequence).keys()]);
    expect(events.map((e) => e.leafHash)).toEqual((await allEvents(live)).slice(0, amendment.sequence).map((e) => e.leafHash));

    expect(await health(server)).toMatchObject({
      status: 'ok',
      readOnly: true,
      lastSequence: amendment.sequence - 1,
      readModelsAt: amendment.sequence - 1,
      replay: { source: { dataDir, store: 'sqlite' }, bound: { untilSequence: amendment.sequence - 1 }, lastSequenceApplied: amendment.sequence - 1 },
    });
    expect(server.output).toMatch(new RegExp(`ledger API on http://\\S+/graphql \\(replay of ${dataDir} as of sequence ${amendment.sequence - 1}, read-only`));
    const manifest = JSON.parse(readFileSync(join(dir, 'replay.json'), 'utf8'));
    expect(manifest).toMatchObject({ complete: true, lastSequenceApplied: amendment.sequence - 1, lastLeafHash: events[events.length - 1].leafHash });
  }, 60_000);

  it('serves section 4 at version 2, with the new text, from a replay that includes the amendment (inclusive bound)', async () => {
    const server = await replayAndServe(join(root, 'with-amendment'), '--until-sequence', String(amendment.sequence));
    const versions = await sec4Versions(server);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1].text).toBe(amendment.data.text);
    expect((await health(server)).lastSequence).toBe(amendment.sequence);
  }, 60_000);

  it('keeps its answer when the live ledger records a correction later, and so does a new replay to the same point', async () => {
    const bound = String(amendment.sequence);
    const server = await replayAndServe(join(root, 'before-correction'), '--until-sequence', bound);
    expect((await server.gql(PERSON)).data.person.name).toBe('Robin Kniech');

    const corrected = await live.gql(
      `mutation { correctPerson(input: {id: "person:robin-kniech", name: "Robin L. Kniech", reason: "middle initial omitted"}) { events { sequence } } }`,
      {},
      clerk,
    );
    expect(corrected.errors).toBeUndefined();
    expect((await live.gql(PERSON)).data.person.name).toBe('Robin L. Kniech');

    expect((await server.gql(PERSON)).data.person.name).toBe('Robin Kniech');
    expect((await health(server)).lastSequence).toBe(amendment.sequence);
    const again = await replayAndServe(join(root, 'after-correction'), '--until-sequence', bound);
    expect((await again.gql(PERSON)).data.person.name).toBe('Robin Kniech');
    expect((await sec4Versions(again)).map((v) => v.version)).toEqual([1, 2]);
  }, 60_000);

  it('refuses every mutation, over HTTP and graphql-ws, whoever sends it, and writes nothing', async () => {
    const N = amendment.sequence - 1;
    const server = await replayAndServe(join(root, 'read-only'), '--until-sequence', String(N));
    const liveBefore = (await health(live)).lastSequence;
    const replayEventsBefore = (await allEvents(server)).length;
    const refusal = `this server serves a replay as of sequence ${N} and is read-only`;

    for (const token of [clerk, undefined]) {
      const result = await server.gql(REGISTER, {}, token);
      expect(result.data).toBeUndefined();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions?.code).toBe('FORBIDDEN');
      expect(result.errors![0].message).toContain(refusal);
    }
    const correction = await server.gql(`mutation { correctPerson(input: {id: "person:robin-kniech", name: "X", reason: "y"}) { revision } }`, {}, clerk);
    expect(correction.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });

    const overWebSocket = new LedgerSubscriber(server.url, REGISTER, {}, clerk);
    try {
      expect(await overWebSocket.until(() => overWebSocket.received.length > 0 || overWebSocket.error !== null, 5000)).toBe(true);
      expect(overWebSocket.received[0]?.errors?.[0]).toMatchObject({ message: expect.stringContaining(refusal), extensions: { code: 'FORBIDDEN' } });
    } finally {
      await overWebSocket.dispose();
    }

    expect((await health(live)).lastSequence).toBe(liveBefore);
    expect((await allEvents(server)).length).toBe(replayEventsBefore);
    for (const target of [server, live]) expect((await target.gql(`{ person(id: "person:replay-intruder") { name } }`)).data.person).toBeNull();
  }, 60_000);

  it('bounds --until-time by when the ledger recorded events (recordedAt), not when they occurred', async () => {
    const events = await allEvents(live);
    const knownBy = (instant: string) => {
      const after = events.find((event) => Date.parse(event.recordedAt) > Date.parse(instant));
      return after ? after.sequence - 1 : events[events.length - 1].sequence;
    };

    const atAmendment = amendment.recordedAt;
    const withIt = await replayAndServe(join(root, 'time-with'), '--until-time', atAmendment);
    expect((await sec4Versions(withIt)).map((v) => v.version)).toEqual([1, 2]);
    expect(await health(withIt)).toMatchObject({ lastSequence: knownBy(atAmendment), replay: { bound: { untilTime: atAmendment } } });

    const justBefore = new Date(Date.parse(atAmendment) - 1).toISOString();
    const withoutIt = await replayAndServe(join(root, 'time-without'), '--until-time', justBefore);
    expect((await sec4Versions(withoutIt)).map((v) => v.version)).toEqual([1]);
    expect((await health(withoutIt)).lastSequence).toBe(knownBy(justBefore));
    expect(knownBy(justBefore)).toBeLessThan(amendment.sequence);

    // The amendment occurred in 2018, but this ledger recorded all of the demo when it was seeded:
    // in 2018 it knew nothing yet.
    const in2018 = await replay('--until-time', '2018-06-01T00:00:00Z', '--out', join(root, 'time-2018'));
    expect(in2018.code).toBe(2);
    expect(in2018.stderr).toMatch(/had recorded nothing by 2018-06-01T00:00:00Z/);
  }, 60_000);

  it('replaces a previous replay in its directory, but not while that replay is being served', async () => {
    const dir = join(root, 'replaced');
    const server = await replayAndServe(dir, '--until-sequence', '10');
    const busy = await replay('--until-sequence', '20', '--out', dir);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/in use by another process/);
    expect((await health(server)).lastSequence).toBe(10);

    await server.stop();
    const replaced = await replay('--until-sequence', '20', '--out', dir);
    expect(replaced.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'replay.json'), 'utf8'))).toMatchObject({ lastSequenceApplied: 20, bound: { untilSequence: 20 } });
  }, 60_000);

  it.each<[string, (out: string) => string[], RegExp]>([
    ['no bound', (out) => ['--out', out], /exactly one of --until-sequence/],
    ['both bounds', (out) => ['--until-sequence', '3', '--until-time', '2026-01-01T00:00:00Z', '--out', out], /exactly one of --until-sequence/],
    ['no --out', () => ['--until-sequence', '3'], /needs --out DIR/],
    ['a sequence that is not a number', (out) => ['--until-sequence', 'abc', '--out', out], /must be a sequence number/],
    ['a sequence beyond the end of the ledger', (out) => ['--until-sequence', '100000', '--out', out], /beyond the ledger's last sequence/],
    ['a time that is not an ISO-8601 instant', (out) => ['--until-time', 'yesterday', '--out', out], /ISO-8601 instant/],
    ['a time in the future', (out) => ['--until-time', '2999-01-01T00:00:00Z', '--out', out], /in the future/],
    ['an unknown option', (out) => ['--until', '3', '--out', out], /Unknown option/],
  ])('exits 2 on bad usage: %s, and creates nothing', async (_, args, message) => {
    const out = join(root, 'never-made');
    const result = await replay(...args(out));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a directory that is neither empty nor a previous replay, such as the live data dir, and leaves it alone', async () => {
    const before = readFileSync(join(dataDir, 'events.db')).length;
    const result = await replay('--until-sequence', '3', '--out', dataDir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is not empty and holds no previous replay/);
    expect(readFileSync(join(dataDir, 'events.db')).length).toBe(before);

    const someone = join(root, 'someones-files');
    mkdirSync(someone);
    writeFileSync(join(someone, 'notes.txt'), 'mine');
    expect((await replay('--until-sequence', '3', '--out', someone)).code).toBe(2);
    expect(readFileSync(join(someone, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('exits 2 when there is no ledger to replay, or nothing to serve', async () => {
    const nowhere = await runCli(['replay', '--until-sequence', '0', '--out', join(root, 'x')], { LEDGER_DATA_DIR: join(root, 'no-ledger') });
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/there is no ledger in/);
    expect(existsSync(join(root, 'no-ledger'))).toBe(false);

    expect((await runCli(['serve'])).code).toBe(2);
    const notAReplay = await runCli(['serve', '--read-models', dataDir]);
    expect(notAReplay.code).toBe(2);
    expect(notAReplay.stderr).toMatch(/holds no replay/);
  });
});
