/**
 * A disk that fills up under a write load, for real: the data dir is on a small tmpfs mounted for
 * this test (needs root, as CI has). Every mutation answered as accepted must be in the log, every
 * one refused must not, /healthz must say so while it lasts, and the server must recover by itself
 * once space is freed. Retries carry an Idempotency-Key, so a retried command is recorded once.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LedgerServer, mintToken } from '../support/ledger-process';

const REGISTER = 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { replayed readModelsUpToDate events { sequence } } }';

interface Attempt {
  id: string;
  key: string;
  outcome: 'accepted' | 'refused';
  code?: string;
  sequences?: number[];
}

/** Whether this machine lets the test mount a tmpfs (root with mount rights, as CI and the dev VMs are). */
function canMountTmpfs(): boolean {
  const probe = mkdtempSync(join(tmpdir(), 'ledger-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const canMount = canMountTmpfs();
// Off only where no small file system can be made at all; it says so rather than pass silently.
const describeIfRoot = canMount ? describe : describe.skip;
if (!canMount) console.warn('storage-fault: SKIPPED: this machine does not let the test mount a tmpfs (needs root)');

describeIfRoot('a disk that fills up under a write load (built server, tmpfs data dir)', () => {
  let mountPoint: string;
  let dataDir: string;

  beforeEach(() => {
    mountPoint = mkdtempSync(join(tmpdir(), 'ledger-tmpfs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint]);
    dataDir = join(mountPoint, 'data');
    mkdirSync(dataDir);
  });
  afterEach(() => {
    execFileSync('umount', ['-l', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  async function send(server: LedgerServer, token: string, id: string, key: string): Promise<Attempt> {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
      body: JSON.stringify({ query: REGISTER, variables: { input: { id, name: `Resident ${id} `.padEnd(180, '·').trim() } } }),
    });
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as { data?: { registerPerson: { events: Array<{ sequence: number }> } }; errors?: Array<{ extensions: { code: string } }> };
    if (body.data?.registerPerson) return { id, key, outcome: 'accepted', sequences: body.data.registerPerson.events.map((e) => e.sequence) };
    return { id, key, outcome: 'refused', code: body.errors?.[0].extensions.code };
  }

  /** Person ids in the log itself (events.db), read by a separate connection. */
  function loggedPersonIds(): Map<string, number> {
    const db = new Database(join(dataDir, 'events.db'), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare("SELECT json_extract(data, '$.personId') AS id FROM events WHERE type = 'PersonRegistered'").all() as Array<{ id: string }>;
      const counts = new Map<string, number>();
      for (const { id } of rows) counts.set(id, (counts.get(id) ?? 0) + 1);
      return counts;
    } finally {
      db.close();
    }
  }

  async function health(server: LedgerServer): Promise<{ status: number; body: { status: string; problems?: Array<{ component: string; reason: string }> } }> {
    const response = await fetch(`${server.base}/healthz`);
    return { status: response.status, body: (await response.json()) as never };
  }

  it('answers every command truthfully, reports it on /healthz, and recovers by itself once space is freed', async () => {
    // No free-space floor: the disk really fills, and the read models and the log really fail.
    const server = await LedgerServer.start(dataDir, { LEDGER_MIN_FREE_DISK_MB: '0' });
    try {
      const token = await mintToken(dataDir, 'clerk');
      const attempts: Attempt[] = [];
      const samples: Array<{ at: number; status: number }> = [];
      let firstRefusalAt = Infinity;
      let stop = false;
      const writers = Array.from({ length: 6 }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          const attempt = await send(server, token, `person:fill-${w}-${i}`, `fill-${w}-${i}`);
          attempts.push(attempt);
          if (attempt.outcome === 'refused') firstRefusalAt = Math.min(firstRefusalAt, Date.now());
          if (attempts.filter((a) => a.outcome === 'refused').length >= 40) stop = true;
        }
      });
      // The prober goes on for a while after the first refusal even when the writers have already
      // stopped (the 40 refusals can all come within a few milliseconds): /healthz must stay honest.
      const probing = () => !stop || (firstRefusalAt !== Infinity && Date.now() < firstRefusalAt + 500);
      const prober = (async () => {
        while (probing()) {
          samples.push({ at: Date.now(), status: (await health(server)).status });
          await new Promise((done) => setTimeout(done, 25));
        }
      })();
      const deadline = setTimeout(() => (stop = true), 60_000);
      await Promise.all([...writers, prober]);
      clearTimeout(deadline);

      const refused = attempts.filter((a) => a.outcome === 'refused');
      const accepted = attempts.filter((a) => a.outcome === 'accepted');
      expect(refused.length).toBeGreaterThanOrEqual(40);
      expect(accepted.length).toBeGreaterThan(0);
      // A refusal says the ledger is unavailable, never that something unexpected happened.
      expect(new Set(refused.map((a) => a.code))).toEqual(new Set(['UNAVAILABLE']));

      // /healthz told the truth: from the first refusal on, until space was freed, it never said ok.
      const afterRefusals = samples.filter((s) => s.at > firstRefusalAt + 50);
      expect(afterRefusals.length).toBeGreaterThan(0);
      expect(afterRefusals.filter((s) => s.status === 200)).toEqual([]);
      const unhealthy = await health(server);
      expect(unhealthy.status).toBe(503);
      expect(unhealthy.body.status).toBe('unavailable');
      expect(unhealthy.body.problems?.map((p) => p.reason).join(' ')).toMatch(/full/);

      // The log holds exactly what was answered as accepted: nothing refused, nothing twice.
      const logged = loggedPersonIds();
      for (const attempt of accepted) expect({ id: attempt.id, count: logged.get(attempt.id) }).toEqual({ id: attempt.id, count: 1 });
      for (const attempt of refused) expect({ id: attempt.id, count: logged.get(attempt.id) }).toEqual({ id: attempt.id, count: undefined });

      // Space is freed: the server recovers by itself, without a restart.
      execFileSync('mount', ['-o', 'remount,size=64m', mountPoint]);
      const recovered = Date.now();
      while ((await health(server)).status !== 200) {
        if (Date.now() - recovered > 30_000) throw new Error('the server did not recover within 30 s of space being freed');
        await new Promise((done) => setTimeout(done, 100));
      }

      // Clients retry what was refused, with the same keys: each is recorded once; retrying an
      // accepted one answers with its first receipt and records nothing.
      for (const attempt of refused) expect(await send(server, token, attempt.id, attempt.key)).toMatchObject({ outcome: 'accepted' });
      for (const attempt of accepted.slice(0, 5)) {
        const again = await send(server, token, attempt.id, attempt.key);
        expect(again).toEqual({ ...attempt, outcome: 'accepted' });
      }
      const after = loggedPersonIds();
      for (const attempt of [...accepted, ...refused]) expect({ id: attempt.id, count: after.get(attempt.id) }).toEqual({ id: attempt.id, count: 1 });
      // And the read models show every one of them.
      const count = await server.gql('{ events(filter: {type: "PersonRegistered"}, first: 1) { totalCount } }');
      expect(count.data.events.totalCount).toBe(after.size);
      // The causes were logged at error once each; no request was a fault, none crashed anything.
      expect(server.output).not.toMatch(/INTERNAL_SERVER_ERROR|internal error|Unhandled|uncaught/i);
      const errors = server.output.split('\n').filter((line) => line.includes('"level":50'));
      expect(errors.length).toBeLessThanOrEqual(6);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('refuses commands before appending once free space drops below LEDGER_MIN_FREE_DISK_MB, and takes them again when space is freed', async () => {
    execFileSync('mount', ['-o', 'remount,size=24m', mountPoint]);
    const server = await LedgerServer.start(dataDir, { LEDGER_MIN_FREE_DISK_MB: '12' });
    try {
      const token = await mintToken(dataDir, 'clerk');
      expect(await send(server, token, 'person:before', 'before')).toMatchObject({ outcome: 'accepted' });
      // Something else fills the disk to below the floor (another program, a log file).
      const filler = join(mountPoint, 'filler');
      const { bavail, bsize } = statfsSync(mountPoint);
      writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - 8 * 1024 * 1024)));
      await new Promise((done) => setTimeout(done, 600)); // the disk is measured at most twice a second
      const refusal = await send(server, token, 'person:below-floor', 'below-floor');
      expect(refusal).toMatchObject({ outcome: 'refused', code: 'UNAVAILABLE' });
      const unhealthy = await health(server);
      expect(unhealthy.status).toBe(503);
      expect(unhealthy.body.problems).toEqual([expect.objectContaining({ component: 'disk', reason: expect.stringMatching(/nearly full: [0-9.]+ MiB free, commands need 12 MiB/) })]);
      // Refused before appending: the log does not hold it.
      expect(loggedPersonIds().get('person:below-floor')).toBeUndefined();
      rmSync(filler);
      await new Promise((done) => setTimeout(done, 600));
      expect((await health(server)).status).toBe(200);
      expect(await send(server, token, refusal.id, refusal.key)).toMatchObject({ outcome: 'accepted' });
      expect(loggedPersonIds().get('person:below-floor')).toBe(1);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
