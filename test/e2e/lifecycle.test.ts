/**
 * What happens to acknowledged writes when the server stops: gracefully (SIGTERM) or not at all
 * (SIGKILL). Real processes, real files.
 */
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';

const REGISTER = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { events { id sequence } } }`;
const PAGE = `query($after: String) { events(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id sequence streamId streamRevision type leafHash data occurredAt recordedAt } } } }`;

async function allEvents(server: LedgerServer): Promise<any[]> {
  const events: any[] = [];
  let after: string | null = null;
  do {
    const page: any = (await server.gql(PAGE, { after })).data.events;
    events.push(...page.edges.map((e: any) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return events;
}

/** Writers that keep registering people until told to stop; returns the acknowledged event ids. */
function startWriters(server: LedgerServer, token: string, writers: number) {
  const acknowledged: string[] = [];
  let stopped = false;
  const loops = Array.from({ length: writers }, async (_, w) => {
    for (let i = 0; !stopped; i++) {
      try {
        const result = await server.gql(REGISTER, { input: { id: `person:w${w}-${i}`, name: `Writer ${w} #${i}` } }, token);
        if (result.data?.registerPerson) acknowledged.push(result.data.registerPerson.events[0].id);
      } catch {
        return; // the server went away mid-request: that write was never acknowledged
      }
    }
  });
  return {
    acknowledged,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

async function waitUntil(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('server lifecycle', () => {
  let dataDir: string;
  let clerk: string;
  beforeEach(async () => {
    dataDir = tempDataDir('ledger-lifecycle-');
    clerk = await mintToken(dataDir, 'clerk');
  });
  afterEach(() => removeDir(dataDir));

  it('on SIGTERM finishes in-flight commands, closes cleanly, and loses no acknowledged write', async () => {
    const server = await LedgerServer.start(dataDir);
    const writers = startWriters(server, clerk, 8);
    await waitUntil(() => writers.acknowledged.length >= 50);
    const exit = server.stop('SIGTERM');
    await writers.stop();
    await exit;
    expect(server.output).toMatch(/event store and read models closed cleanly/);

    const restarted = await LedgerServer.start(dataDir);
    try {
      const ids = new Set((await allEvents(restarted)).map((e) => e.id));
      for (const id of writers.acknowledged) expect(ids.has(id)).toBe(true);
    } finally {
      await restarted.stop();
    }
  });

  it('after kill -9 keeps every acknowledged append, and the read models equal a full rebuild', async () => {
    const server = await LedgerServer.start(dataDir);
    const writers = startWriters(server, clerk, 8);
    await waitUntil(() => writers.acknowledged.length >= 150);
    await server.stop('SIGKILL');
    await writers.stop();

    const restarted = await LedgerServer.start(dataDir);
    const afterCrash = await allEvents(restarted);
    await restarted.stop();
    const ids = new Set(afterCrash.map((e) => e.id));
    for (const id of writers.acknowledged) expect(ids.has(id)).toBe(true);
    expect(afterCrash.map((e) => e.sequence)).toEqual(afterCrash.map((_, i) => i));

    expect((await runCli(['rebuild'], { LEDGER_DATA_DIR: dataDir })).code).toBe(0);
    const rebuilt = await LedgerServer.start(dataDir);
    try {
      expect(await allEvents(rebuilt)).toEqual(afterCrash);
    } finally {
      await rebuilt.stop();
    }
  });
});
