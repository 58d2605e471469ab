import { LedgerHealth } from './ledger-health';

const MiB = 1024 * 1024;

describe('LedgerHealth', () => {
  let free: number;
  let failure: { reason: string; since: string } | null;
  const health = () => new LedgerHealth({ runner: { get unavailable() { return failure; } }, dataDir: '/data', minFreeDiskBytes: 32 * MiB, freeBytes: () => free });

  beforeEach(() => {
    free = 1000 * MiB;
    failure = null;
  });

  it('takes commands and reports nothing when all is well', () => {
    const h = health();
    expect(h.problems()).toEqual([]);
    expect(h.refusal()).toBeNull();
  });

  it('refuses commands while the read models cannot follow, naming why, and takes them again once they do', () => {
    const h = health();
    failure = { reason: 'database or disk is full', since: '2026-12-04T10:00:00.000Z' };
    expect(h.problems()).toEqual([{ component: 'read-models', reason: 'the read models cannot follow the log: database or disk is full', since: failure.since }]);
    expect(h.refusal()).toMatch(/database or disk is full/);
    failure = null;
    expect(h.refusal()).toBeNull();
  });

  it('refuses commands below the free-space floor and takes them again once space is freed', async () => {
    free = 10 * MiB;
    const h = health();
    expect(h.refusal()).toMatch(/nearly full: 10\.0 MiB free, commands need 32 MiB/);
    free = 100 * MiB;
    await new Promise((done) => setTimeout(done, 600)); // the disk is measured at most twice a second
    expect(h.refusal()).toBeNull();
  });

  it('reports a failed append without refusing commands (each append is its own probe) until one succeeds', () => {
    const h = health();
    h.storageFailed('database or disk is full');
    expect(h.problems()).toEqual([{ component: 'event-store', reason: 'the log could not be written (database or disk is full)', since: expect.any(String) }]);
    expect(h.refusal()).toBeNull();
    h.appended();
    expect(h.problems()).toEqual([]);
  });

  it('clears a failed append once the disk has clearly more room than when it failed', () => {
    free = 3 * MiB;
    const h = new LedgerHealth({ runner: { unavailable: null }, dataDir: '/data', minFreeDiskBytes: 0, freeBytes: () => free });
    h.storageFailed('database or disk is full');
    free = 3.5 * MiB;
    expect(h.problems()).toHaveLength(1);
    free = 60 * MiB;
    expect(h.problems()).toEqual([]);
  });

  it('keeps reporting damaged read models: they do not heal until recreated', () => {
    const h = health();
    h.readModelsDamaged('database disk image is malformed');
    expect(h.refusal()).toMatch(/damaged \(database disk image is malformed\): restart the server/);
  });
});
