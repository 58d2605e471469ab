import { LedgerServer, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';

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
