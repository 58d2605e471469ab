/**
 * The read models' owner lock across real processes: while a process owns them no other may (a
 * second server, a rebuild), though any may read them; and a process killed with kill -9 leaves
 * nothing locked, since the operating system drops a dead process's locks. The child runs the
 * built code (npm test builds dist/ first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadModelsInUse, openReadModelDatabase, openReadModelDatabaseReadOnly } from '@ledger/projections';

const BUILT_PROJECTIONS = join(__dirname, '../../dist/libs/projections/src/index.js');

// Takes ownership, writes a row, says so, then waits to be killed.
const OWNER = `
const { openReadModelDatabase } = require(process.argv[1]);
const db = openReadModelDatabase(process.argv[2]);
db.exec('CREATE TABLE IF NOT EXISTS owned_by (pid INTEGER); DELETE FROM owned_by;');
db.prepare('INSERT INTO owned_by VALUES (?)').run(process.pid);
process.stdout.write('owned\\n');
setInterval(() => undefined, 1000);
`;

describe('read-model ownership across processes (built code, kill -9)', () => {
  let dir: string;
  let child: ChildProcess | undefined;

  beforeAll(() => {
    if (!existsSync(BUILT_PROJECTIONS)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
    dir = mkdtempSync(join(tmpdir(), 'ledger-owner-kill9-'));
  });
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps other writers out while the owner lives, lets readers in, and frees the file when it is killed', async () => {
    const file = join(dir, 'read-models.db');
    child = spawn(process.execPath, ['-e', OWNER, BUILT_PROJECTIONS, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<NodeJS.Signals | null>((done) => child!.once('exit', (_code, signal) => done(signal)));
    await new Promise<void>((owned, failed) => {
      let output = '';
      child!.stdout!.on('data', (chunk) => {
        output += chunk;
        if (output.includes('owned')) owned();
      });
      child!.stderr!.on('data', (chunk) => failed(new Error(String(chunk))));
    });

    expect(() => openReadModelDatabase(file, { waitMs: 100 })).toThrow(ReadModelsInUse);
    const reader = openReadModelDatabaseReadOnly(file);
    expect(reader.prepare('SELECT pid FROM owned_by').pluck().get()).toBe(child.pid);
    reader.close();

    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    // No wait needed: the lock went with the process.
    const owner = openReadModelDatabase(file, { waitMs: 0 });
    expect(owner.prepare('SELECT pid FROM owned_by').pluck().get()).toBe(child.pid);
    owner.close();
  });
});
