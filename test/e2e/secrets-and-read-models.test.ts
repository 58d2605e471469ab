/**
 * What the server does with a data dir an operator damaged: a secret the data depends on that is
 * gone (refuse to start, naming the file), a read-model file that is corrupt or truncated (recreate
 * it from the log, saying so), and `ledger rebuild` on such a file. Real processes, real files.
 */
import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { dataPaths, loadConfig } from '@ledger/config';
import { LedgerServer, removeDir, runCli, tempDataDir } from '../support/ledger-process';

const COUNTS = '{ events(first: 1) { totalCount } decisions(first: 10) { totalCount } measures(first: 10) { totalCount } }';

describe('secrets a ledger depends on (built server, real data dir)', () => {
  let dataDir: string;
  let paths: ReturnType<typeof dataPaths>;

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-secrets-');
    paths = dataPaths(loadConfig({ LEDGER_DATA_DIR: dataDir }));
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    expect(seeded.code).toBe(0);
  });
  afterAll(() => removeDir(dataDir));

  it.each([
    ['subject-ref-key', () => paths.subjectRefKey, /data request\(s\) whose subject references were made with it/],
    ['subject-keys.db', () => paths.subjectKeys, /personal details sealed under its keys/],
  ])('refuses to start (exit 2) when secrets/%s is missing, naming it and what to restore; starts once it is back', async (_name, fileOf, why) => {
    const file = fileOf();
    const aside = `${file}.aside`;
    renameSync(file, aside);
    try {
      const refused = LedgerServer.start(dataDir);
      await expect(refused).rejects.toThrow(/server exited with 2/);
      const output = await refused.catch((error: Error) => error.message);
      expect(output).toContain(file);
      expect(output).toMatch(why);
      expect(output).toMatch(/restore it from the backup of secrets\//);
      expect(output).not.toMatch(/\n\s+at /); // one message, no stack trace
      // Nothing was generated in its place.
      expect(existsSync(file)).toBe(false);
    } finally {
      renameSync(aside, file);
    }
    const server = await LedgerServer.start(dataDir);
    try {
      expect((await server.gql(COUNTS)).data.decisions.totalCount).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  });

  it('starts without the subject reference key when no data request depends on it', async () => {
    const empty = tempDataDir('ledger-secrets-empty-');
    try {
      const server = await LedgerServer.start(empty);
      await server.stop();
      rmSync(dataPaths(loadConfig({ LEDGER_DATA_DIR: empty })).subjectRefKey, { force: true });
      const again = await LedgerServer.start(empty);
      await again.stop();
    } finally {
      removeDir(empty);
    }
  });
});

describe('a damaged read-model file (built server and CLI, real data dir)', () => {
  let dataDir: string;
  let readModels: string;
  let expected: unknown;

  beforeAll(async () => {
    dataDir = tempDataDir('ledger-damage-');
    readModels = dataPaths(loadConfig({ LEDGER_DATA_DIR: dataDir })).readModels;
    expect((await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir })).code).toBe(0);
    const server = await LedgerServer.start(dataDir);
    expected = (await server.gql(COUNTS)).data;
    await server.stop();
  });
  afterAll(() => removeDir(dataDir));

  /** Overwrites bytes in the middle of the file, where table pages are. */
  function scribble(file: string): void {
    const fd = openSync(file, 'r+');
    try {
      const size = statSync(file).size;
      writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    } finally {
      closeSync(fd);
    }
  }

  it.each([
    ['truncated', (file: string) => truncateSync(file, Math.floor(statSync(file).size / 3))],
    ['overwritten with garbage', (file: string) => writeFileSync(file, 'this is not a database '.repeat(500))],
    ['scribbled over in the middle', scribble],
  ])('starts on a %s read-model file: says so, naming it, recreates it from the log and answers as before', async (_what, damage) => {
    damage(readModels);
    const server = await LedgerServer.start(dataDir);
    try {
      expect(server.output).toContain(readModels);
      expect(server.output).toMatch(/damaged .*safe to delete/);
      expect((await server.gql(COUNTS)).data).toEqual(expected);
      const health = await fetch(`${server.base}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('ledger rebuild recreates a damaged file from the log, whatever state it is in', async () => {
    writeFileSync(readModels, Buffer.alloc(20_000, 0xff));
    const rebuilt = await runCli(['rebuild'], { LEDGER_DATA_DIR: dataDir });
    expect(rebuilt.stderr).toBe('');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/rebuilt read models from \d+ events/);
    const server = await LedgerServer.start(dataDir);
    try {
      expect(server.output).not.toMatch(/damaged/);
      expect((await server.gql(COUNTS)).data).toEqual(expected);
    } finally {
      await server.stop();
    }
  });

  it('ledger rebuild against a live server is refused with one line and exit 1, and the server keeps answering', async () => {
    const server = await LedgerServer.start(dataDir);
    try {
      const refused = await runCli(['rebuild'], { LEDGER_DATA_DIR: dataDir });
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^rebuild: the read models in .* are in use by another process/)]);
      expect((await server.gql(COUNTS)).data).toEqual(expected);
    } finally {
      await server.stop();
    }
  });
});
