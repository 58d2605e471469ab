/**
 * Issue 11, deliverable 10, against the real thing: Go's own golang.org/x/mod/sumdb (Debian's
 * golang-golang-x-mod-dev) verifies the demo ledger served by the built server: the checkpoint with
 * the published vkey, the root from the served tiles, inclusion and consistency proofs from
 * GraphQL. Then the same through a proxy that changes one byte of a tile, or of the checkpoint:
 * rejected. Its failure fails the suite.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';
import { buildGoVerifier, runGoVerifier } from './go-verifier';

jest.setTimeout(180_000);

/** Forwards every request to the ledger; the answer for `path` has one byte changed at `offset`. */
async function tamperingProxy(target: string, path: string, offset: number): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const answer = await fetch(`${target}${request.url}`, {
      method: request.method,
      headers: { 'content-type': request.headers['content-type'] ?? 'application/json' },
      body: request.method === 'POST' ? Buffer.concat(chunks) : undefined,
    });
    const body = Buffer.from(await answer.arrayBuffer());
    if (request.url === path) body[offset] ^= 0x01;
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/octet-stream' });
    response.end(body);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((closed) => server.close(() => closed())) };
}

describe('the Go verifier against the built server with the demo ledger', () => {
  let dataDir: string;
  let workDir: string;
  let binary: string;
  let server: LedgerServer;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'tlog-real-'));
    dataDir = tempDataDir('ledger-tlog-go-');
    const [seeded, built] = await Promise.all([runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir }), buildGoVerifier(workDir)]);
    expect(seeded.code).toBe(0);
    binary = built;
    server = await LedgerServer.start(dataDir, { LEDGER_LOG_ORIGIN: 'ledger.denver.example/demo' });
    // Past one full tile (256 leaves), so that level-1 tiles and a full level-0 tile are served too.
    const clerk = await mintToken(dataDir, 'clerk');
    for (let i = 0; i < 200; i++) {
      const answer = await server.gql(`mutation { registerPerson(input: { id: "person:go-${i}", name: "Go Verifier ${i}" }) { revision } }`, {}, clerk);
      expect(answer.errors).toBeUndefined();
    }
    // A quiet log: the checkpoint must cover every event before the verifier compares it with treeHead.
    const total = (await server.gql('{ events(first: 1) { totalCount } }')).data.events.totalCount;
    for (let waited = 0; (await server.gql('{ treeHead { treeSize } }')).data.treeHead.treeSize < total && waited < 5000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
    removeDir(workDir);
  });

  it('accepts the served checkpoint, tiles and proofs', async () => {
    const result = await runGoVerifier(binary, server.base, { samples: 25 });
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/ok/i);
  });

  it.each([
    ['one byte of a full tile', '/log/tile/0/000', 7],
    ['one byte of the checkpoint (its root line)', '/log/checkpoint', 40],
  ])('rejects %s', async (_, path, offset) => {
    const proxy = await tamperingProxy(server.base, path, offset);
    try {
      const result = await runGoVerifier(binary, proxy.url, { samples: 5 });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/FAIL/);
    } finally {
      await proxy.close();
    }
  });
});
