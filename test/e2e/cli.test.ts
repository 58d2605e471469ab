import { execFile } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerServer, ROOT, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';

describe('ledger CLI (real processes, real data dir)', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = tempDataDir('ledger-cli-')));
  afterEach(() => removeDir(dataDir));

  it('mints a token as its last line, which the API accepts', async () => {
    const result = await runCli(['token', '--actor', 'person:clerk-1', '--role', 'clerk', '--name', 'Clerk One', '--ttl', '1h'], {
      LEDGER_DATA_DIR: dataDir,
    });
    expect(result.code).toBe(0);
    const token = result.stdout.trim().split('\n').pop()!;
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(result.stderr).toMatch(/Clerk One \(person:clerk-1, clerk\)/);
    expect(result.stderr + result.stdout).not.toMatch(/secret/i);

    const server = await LedgerServer.start(dataDir);
    try {
      const answer = await server.gql('mutation { registerPerson(input: { id: "person:a", name: "A" }) { revision } }', {}, token);
      expect(answer.data).toEqual({ registerPerson: { revision: 0 } });
    } finally {
      await server.stop();
    }
  });

  it('refuses bad usage with exit code 2 and a clear message', async () => {
    const env = { LEDGER_DATA_DIR: dataDir };
    const cases: Array<[string[], RegExp]> = [
      [['token', '--role', 'clerk'], /needs --actor/],
      [['token', '--actor', 'x', '--role', 'emperor'], /one of clerk, mayor, officer, oversight, admin/],
      [['token', '--actor', 'x', '--role', 'clerk', '--ttl', 'forever'], /--ttl must look like/],
      [['token', '--actor', 'x', '--role', 'clerk', '--ttl', '13h'], /--ttl 13h is too long: a token may live at most 12h \(LEDGER_TOKEN_MAX_TTL\)/],
      [['token', '--actor', 'x', '--role', 'clerk', '--bogus'], /bogus/],
      [['frobnicate'], /unknown command frobnicate/],
      [[], /usage: npm run ledger/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, env);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr + result.stdout).toMatch(message);
    }
    const badConfig = await runCli(['rebuild'], { LEDGER_DATA_DIR: dataDir, LEDGER_STORE: 'mysql' });
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/LEDGER_STORE must be sqlite or eventstoredb/);
    const badMaxTtl = await runCli(['token', '--actor', 'x', '--role', 'clerk'], { LEDGER_DATA_DIR: dataDir, LEDGER_TOKEN_MAX_TTL: 'forever' });
    expect(badMaxTtl.code).toBe(2);
    expect(badMaxTtl.stderr).toMatch(/LEDGER_TOKEN_MAX_TTL must be a duration/);
    const shorterMax = await runCli(['token', '--actor', 'x', '--role', 'clerk', '--ttl', '2h'], { LEDGER_DATA_DIR: dataDir, LEDGER_TOKEN_MAX_TTL: '1h' });
    expect(shorterMax.code).toBe(2);
    expect(shorterMax.stderr).toMatch(/--ttl 2h is too long: a token may live at most 1h/);
  });

  it('refuses to rebuild read models a running server owns (exit 1), and rebuilds once it stopped', async () => {
    const server = await LedgerServer.start(dataDir);
    const clerk = await mintToken(dataDir, 'clerk');
    for (let i = 0; i < 5; i++) {
      await server.gql(`mutation { registerPerson(input: { id: "person:p-${i}", name: "P ${i}" }) { revision } }`, {}, clerk);
    }
    const busy = await runCli(['rebuild'], { LEDGER_DATA_DIR: dataDir });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/in use by another process/);
    await server.stop();

    const rebuilt = await runCli(['rebuild'], { LEDGER_DATA_DIR: dataDir });
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/rebuilt read models from 5 events/);
  });
});

/**
 * `npx ledger` / `npm run ledger --`: bin/ledger.js builds only when a source is newer than the
 * last build's stamp (scripts/build-stamp.js). It runs in this worktree, since a copy of the project
 * compiles from scratch (its node_modules resolve to other paths) and costs half a minute. Only a
 * source's mtime is moved, and moved back: the content is unchanged, so the build it triggers emits
 * nothing and the suites running beside this one keep the same dist/.
 */
describe('the ledger launcher (bin/ledger.js): builds only when a source changed', () => {
  const BUILD_NOTE = /ledger: building first/;
  const SOURCE = 'apps/cli/src/main.ts';
  const STAMP = join(ROOT, 'dist/.build-stamp');
  let original: { atime: Date; mtime: Date };

  beforeAll(() => {
    const { atime, mtime } = statSync(join(ROOT, SOURCE));
    original = { atime, mtime };
  });
  // Moved back even if the test failed; the stamp then still covers it, so nothing rebuilds.
  afterAll(() => utimesSync(join(ROOT, SOURCE), original.atime, original.mtime));

  function run(file: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((done) => {
      execFile(file, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      });
    });
  }
  const launcher = () => run(process.execPath, [join(ROOT, 'bin/ledger.js'), '--help']);
  const npmRunLedger = () => run('npm', ['run', '--silent', 'ledger', '--', '--help']);
  /** What a build would change: the stamp (content and file) and the CLI's entry point. */
  const buildTrace = () => ({
    stamp: readFileSync(STAMP, 'utf8'),
    stampMtimeMs: statSync(STAMP).mtimeMs,
    cliMtimeMs: statSync(join(ROOT, 'dist/apps/cli/src/main.js')).mtimeMs,
  });

  it('runs the built CLI without building while no source changed, and builds once after one did', async () => {
    // Built by `npm test` (pretest) or `npm run build`; if a source was edited since, this call builds.
    const first = await launcher();
    expect(first).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: /) });

    const fresh = buildTrace();
    for (const call of [launcher, npmRunLedger]) {
      const result = await call();
      expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: /) });
      expect(result.stderr).not.toMatch(BUILD_NOTE);
      expect(buildTrace()).toEqual(fresh);
    }

    // The source saved now: newer than the stamp.
    const now = new Date();
    utimesSync(join(ROOT, SOURCE), now, now);
    const rebuilt = await launcher();
    expect(rebuilt.stderr).toMatch(/^ledger: building first \(apps\/cli\/src\/main\.ts changed since the last build\): npm run build$/m);
    expect(rebuilt).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: /) });
    const stamp = JSON.parse(buildTrace().stamp);
    expect(stamp.newestSourceMtimeMs).toBeGreaterThanOrEqual(statSync(join(ROOT, SOURCE)).mtimeMs);

    // Built once: the next call runs straight away again.
    const after = buildTrace();
    const again = await launcher();
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(BUILD_NOTE);
    expect(buildTrace()).toEqual(after);
  }, 120_000);
});
