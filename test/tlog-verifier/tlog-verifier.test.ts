/**
 * Issue 11, deliverable 10: an implementation that shares no code with ours, Go's own
 * golang.org/x/mod/sumdb/note and sumdb/tlog (Debian's golang-golang-x-mod-dev, built in GOPATH
 * mode), accepts the checkpoint, tiles and proofs as @ledger/integrity makes them, and rejects them
 * when one byte is changed. The log here is a fixture built from the library alone; the run against
 * the real server only changes the URL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeDir } from '../support/ledger-process';
import { flipByte, serveFixtureLog, type FixtureLogOptions } from './fixture-log';
import { buildGoVerifier, runGoVerifier, type Run } from './go-verifier';

let workDir: string;
let verifierBinary: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'tlog-verifier-'));
  verifierBinary = await buildGoVerifier(workDir);
}, 180_000);

afterAll(() => workDir && removeDir(workDir));

/** Serves a fixture log, runs the verifier against it (fixed seed), and stops serving. */
async function verify(options: FixtureLogOptions, samples = 20): Promise<Run> {
  const log = await serveFixtureLog(options);
  try {
    return await runGoVerifier(verifierBinary, log.url, { samples });
  } finally {
    await log.close();
  }
}

describe('the Go verifier (golang.org/x/mod/sumdb) against a log served from @ledger/integrity', () => {
  // 1: no proof hashes; 256: exactly one full tile; 300: a partial tile at levels 0 and 1;
  // 70,000: full level-1 tiles and a level-2 tile.
  it.each([1, 256, 300, 70_000])('accepts an untouched log of %d leaves', async (size) => {
    const result = await verify({ size });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`tree size ${size}, root`);
    expect(result.stdout).toContain('the tiles hash to the checkpoint\'s root');
    expect(result.stdout).toMatch(/all \d+ tiles of the tree authenticate against the root/);
    expect(result.stdout).toMatch(new RegExp(`ok {4}${Math.min(size, 20)} events proved included`));
    expect(result.stdout).toMatch(size > 1 ? new RegExp(`ok {4}${Math.min(size - 1, 20)} earlier tree sizes proved consistent`) : /no earlier non-empty tree/);
    expect(result.stdout).toMatch(/OK, every check holds\n$/);
  }, 60_000);

  it('accepts an empty log (whose root is SHA-256 of nothing)', async () => {
    const result = await verify({ size: 0 });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('the log is empty');
  });

  // In a log of 300: 0/000 is full (reached only through its parent, 1/000.p/1), 0/001.p/44 is the
  // partial one at the right edge, 1/000.p/1 the top. No proofs are sampled: the tiles' own check
  // must catch it. (0/000 is the case Go's TileHashReader misses, see tiles.go.)
  it.each(['log/tile/0/000', 'log/tile/0/001.p/44', 'log/tile/1/000.p/1'])('rejects the log when one byte of %s is changed', async (tile) => {
    const result = await verify({ size: 300, alter: (files) => flipByte(files, tile, 20) }, 0);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^tlog-verifier: FAIL: tiles: /);
    expect(result.stdout).not.toContain('OK, every check holds');
  }, 60_000);

  it.each([
    ['the tree size', (text: string) => text.indexOf('\n') + 1],
    ['the root hash', (text: string) => text.indexOf('\n', text.indexOf('\n') + 1) + 5],
    ['the signature', (text: string) => text.length - 10],
  ])('rejects the log when one byte of the checkpoint is changed, in %s', async (_part, offsetIn) => {
    const result = await verify({ size: 300, alter: (files) => flipByte(files, 'log/checkpoint', offsetIn(Buffer.from(files.get('log/checkpoint')!).toString('latin1'))) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^tlog-verifier: FAIL: checkpoint: the signed note does not open with /);
  }, 60_000);

  it('rejects a wrong inclusion proof from GraphQL', async () => {
    const result = await verify({ size: 300, wrongInclusionProof: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^tlog-verifier: FAIL: inclusion proof: sequence \d+ in the tree of size 300: the served proof for event \S+ does not lead to the checkpoint's root/);
  }, 60_000);
});
