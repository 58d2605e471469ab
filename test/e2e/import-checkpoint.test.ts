import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerServer, removeDir, runCli, tempDataDir } from '../support/ledger-process';

// Two demo ledgers through the built CLI; one served once, so that it has a signed checkpoint.
jest.setTimeout(120_000);

describe('ledger import --checkpoint --vkey: the file must hold the log the source signed', () => {
  const dirs: string[] = [];
  const dir = (prefix: string) => {
    const made = tempDataDir(prefix);
    dirs.push(made);
    return made;
  };
  let work: string;
  let vkey: string;
  let exported: string;
  let other: string;
  beforeAll(async () => {
    work = dir('ledger-import-cp-');
    const source = dir('ledger-import-source-');
    expect((await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: source })).code).toBe(0);
    const server = await LedgerServer.start(source, { LEDGER_LOG_ORIGIN: 'ledger.denver.example/import-test' });
    try {
      vkey = ((await (await fetch(`${server.base}/.well-known/ledger-key.json`)).json()) as { vkey: string }).vkey;
      writeFileSync(join(work, 'checkpoint.txt'), await (await fetch(`${server.base}/log/checkpoint`)).text());
    } finally {
      await server.stop();
    }
    exported = join(work, 'source.ndjson');
    expect((await runCli(['export', '--format', 'ndjson', '--out', exported], { LEDGER_DATA_DIR: source })).code).toBe(0);
    // Another demo ledger: the same story recorded again, so other event ids, another log.
    const second = dir('ledger-import-other-');
    expect((await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: second })).code).toBe(0);
    other = join(work, 'other.ndjson');
    expect((await runCli(['export', '--format', 'ndjson', '--out', other], { LEDGER_DATA_DIR: second })).code).toBe(0);
  });
  afterAll(() => dirs.forEach(removeDir));

  const importInto = (file: string, ...extra: string[]) => runCli(['import', file, ...extra], { LEDGER_DATA_DIR: dir('ledger-import-target-') });
  const checkpoint = () => join(work, 'checkpoint.txt');

  it('imports the file whose events are the signed log, and says so', async () => {
    const result = await importInto(exported, '--checkpoint', checkpoint(), '--vkey', vkey);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/its first 79 events are the log ledger.denver.example\/import-test signed \(key [0-9a-f]{8}\)/);
  });

  it('refuses another log, a file shorter than the checkpoint, another key, and one flag alone, importing nothing', async () => {
    expect(await importInto(other, '--checkpoint', checkpoint(), '--vkey', vkey)).toMatchObject({ code: 1, stderr: expect.stringContaining('are not the log') });
    const shorter = join(work, 'shorter.ndjson');
    writeFileSync(shorter, readFileSync(exported, 'utf8').split('\n').slice(0, 40).join('\n') + '\n');
    expect(await importInto(shorter, '--checkpoint', checkpoint(), '--vkey', vkey)).toMatchObject({ code: 1, stderr: expect.stringContaining('signs a log of 79 events') });
    const otherKey = vkey.replace(/\+[0-9a-f]{8}\+/, '+00000000+');
    expect((await importInto(exported, '--checkpoint', checkpoint(), '--vkey', otherKey)).code).toBe(1);
    expect(await importInto(exported, '--checkpoint', checkpoint())).toMatchObject({ code: 2, stderr: expect.stringContaining('go together') });
  });
});
