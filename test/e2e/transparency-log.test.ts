import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkEntryBundle,
  decodeEntryBundle,
  entryBundlesForTreeSize,
  formatEntryBundlePath,
  fromHex,
  merkleRoot,
  nodeIntegrityCrypto,
  openCheckpoint,
  parseVerifierKey,
  rangeHash,
  tilesForTreeSize,
  formatTilePath,
  treeHasher,
  verifyConsistency,
  verifyInclusion,
  type SubtreeHashSource,
} from '@ledger/integrity';
import { leafHashOfPublic } from '@ledger/event-store';
import { LedgerServer, mintToken, removeDir, runCli, tempDataDir } from '../support/ledger-process';

// The demo seeded through the CLI, then the built server: real files, real HTTP.
jest.setTimeout(120_000);

const crypto = nodeIntegrityCrypto;
const hasher = treeHasher(crypto);
const ORIGIN = 'ledger.denver.example/test';
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const bytesOf = (value: string) => fromHex(value)!;

interface KeyInfo {
  origin: string;
  keyName: string;
  keyId: string;
  algorithm: string;
  publicKeyPem: string;
  vkey: string;
}

/** What anyone can do with the served files alone: open the checkpoint, recompute the root from the tiles. */
async function checkServedLog(base: string) {
  const key = (await (await fetch(`${base}/.well-known/ledger-key.json`)).json()) as KeyInfo;
  const note = await (await fetch(`${base}/log/checkpoint`)).text();
  const { checkpoint } = openCheckpoint(crypto, note, key.origin, [parseVerifierKey(crypto, key.vkey)]);
  const tiles = new Map<string, Uint8Array>();
  for (const tile of tilesForTreeSize(checkpoint.size)) {
    const response = await fetch(`${base}/log/${formatTilePath(tile)}`);
    expect({ path: formatTilePath(tile), status: response.status }).toEqual({ path: formatTilePath(tile), status: 200 });
    tiles.set(`${tile.level}/${tile.index}`, new Uint8Array(await response.arrayBuffer()));
  }
  // Subtree hashes from the tiles only: level 8L+r from 2^r hashes of a level-L tile.
  const source: SubtreeHashSource = {
    subtreeHash(level, index) {
      const span = 2 ** (level % 8);
      const first = index * span;
      const tile = tiles.get(`${Math.floor(level / 8)}/${Math.floor(first / 256)}`)!;
      const offset = first % 256;
      const hashes = Array.from({ length: span }, (_, i) => tile.slice((offset + i) * 32, (offset + i + 1) * 32));
      return merkleRoot(hasher, hashes);
    },
  };
  // Each entry bundle hashes to the level-0 tile's leaves: the entries are what the leaves commit to.
  for (const bundle of entryBundlesForTreeSize(checkpoint.size)) {
    const response = await fetch(`${base}/log/${formatEntryBundlePath(bundle)}`);
    expect(response.status).toBe(200);
    const entries = decodeEntryBundle(new Uint8Array(await response.arrayBuffer()), bundle.width);
    const level0 = tiles.get(`0/${bundle.index}`)!;
    const leaves = Array.from({ length: bundle.width }, (_, i) => level0.slice(i * 32, (i + 1) * 32));
    expect(checkEntryBundle(hasher, entries, leaves)).toEqual({ ok: true });
    for (const entry of entries) expect(Object.keys(JSON.parse(Buffer.from(entry).toString('utf8')))).toContain('dataHash');
  }
  // The root the tiles give must be the one the checkpoint signs.
  expect(hex(checkpoint.size === 0 ? hasher.emptyRoot() : rangeHash(hasher, source, 0, checkpoint.size))).toBe(hex(checkpoint.rootHash));
  return { key, note, checkpoint };
}

describe('the transparency log (built server, tiles and checkpoints over HTTP, proofs over GraphQL)', () => {
  let dataDir: string;
  let server: LedgerServer;
  beforeAll(async () => {
    dataDir = tempDataDir('ledger-tlog-');
    const seeded = await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir });
    expect(seeded.code).toBe(0);
    server = await LedgerServer.start(dataDir, { LEDGER_LOG_ORIGIN: ORIGIN });
  });
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  it('serves a checkpoint signed by the published key, whose root the served tiles give', async () => {
    const { key, checkpoint } = await checkServedLog(server.base);
    expect(key).toMatchObject({ origin: ORIGIN, keyName: ORIGIN, algorithm: 'Ed25519' });
    expect(key.vkey).toMatch(new RegExp(`^${ORIGIN.replace(/[./]/g, '\\$&')}\\+${key.keyId}\\+[A-Za-z0-9+/]+=*$`));
    expect(key.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    const head = (await server.gql('{ treeHead { origin treeSize rootHash keyId signature checkpoint timestamp } }')).data.treeHead;
    expect(head).toMatchObject({ origin: ORIGIN, treeSize: checkpoint.size, rootHash: hex(checkpoint.rootHash), keyId: key.keyId });
    const lastSequence = (await server.gql('{ events(first: 1, filter: { fromSequence: 0 }) { totalCount } }')).data.events.totalCount - 1;
    expect(checkpoint.size).toBe(lastSequence + 1);
    const health = (await (await fetch(`${server.base}/healthz`)).json()) as { log: { checkpointAgeSeconds: number } };
    expect(health.log).toEqual({ treeSize: checkpoint.size, checkpointSize: checkpoint.size, checkpointAgeSeconds: expect.any(Number) });
    expect(health.log.checkpointAgeSeconds).toBeLessThan(600);
  });

  it('proves every event included, and later trees consistent with earlier ones', async () => {
    const { checkpoint } = await checkServedLog(server.base);
    const events = (
      await server.gql('{ events(first: 100) { edges { node { id type schemaVersion streamId streamRevision sequence occurredAt recordedAt recordedBy { id name role } correlationId causationId leafHash data } } } }')
    ).data.events.edges.map((e: any) => e.node);
    expect(events).toHaveLength(checkpoint.size);
    // Anonymously, every leaf recomputes from what is served: a data request's restricted values are commitments.
    const requests = events.filter((event: any) => event.type === 'DataRequestReceived');
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) expect(request.data.subjectRef).toEqual({ commitment: expect.stringMatching(/^[0-9a-f]{64}$/) });
    for (const { id, leafHash, data, ...envelope } of events) expect(leafHashOfPublic({ ...envelope, eventId: id }, data)).toBe(leafHash);
    for (const event of events) {
      const proof = (await server.gql('query($id: ID!) { inclusionProof(eventId: $id) { sequence treeSize leafHash auditPath } }', { id: event.id })).data.inclusionProof;
      expect(proof).toMatchObject({ sequence: event.sequence, treeSize: checkpoint.size, leafHash: event.leafHash });
      const verdict = verifyInclusion(hasher, { index: event.sequence, size: checkpoint.size, leafHash: bytesOf(event.leafHash), proof: proof.auditPath.map(bytesOf), root: checkpoint.rootHash });
      expect(verdict).toEqual({ ok: true });
    }

    // A new event: a new checkpoint within about a second, consistent with the one held before.
    const clerk = await mintToken(dataDir, 'clerk');
    const recorded = await server.gql('mutation { registerPerson(input: { id: "person:tlog-test", name: "Tlog Test" }) { revision } }', {}, clerk);
    expect(recorded.errors).toBeUndefined();
    const began = Date.now();
    let later = checkpoint;
    while (later.size === checkpoint.size && Date.now() - began < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      later = (await checkServedLog(server.base)).checkpoint;
    }
    expect(later.size).toBe(checkpoint.size + 1);
    expect(Date.now() - began).toBeLessThan(2500);
    const consistency = (await server.gql(`{ consistencyProof(firstSize: ${checkpoint.size}, secondSize: ${later.size}) { firstSize secondSize path } }`)).data.consistencyProof;
    const verdict = verifyConsistency(hasher, { size1: checkpoint.size, size2: later.size, root1: checkpoint.rootHash, root2: later.rootHash, proof: consistency.path.map(bytesOf) });
    expect(verdict).toEqual({ ok: true });
  });

  it('refuses sizes the log has not had and events it does not hold, with codes', async () => {
    const { checkpoint } = await checkServedLog(server.base);
    const [first] = (await server.gql('{ events(first: 1) { edges { node { id } } } }')).data.events.edges.map((e: any) => e.node);
    const codeOf = async (query: string) => (await server.gql(query)).errors?.map((e: any) => e.extensions.code);
    expect(await codeOf(`{ inclusionProof(eventId: "${first.id}", treeSize: ${checkpoint.size + 100}) { sequence } }`)).toEqual(['BAD_USER_INPUT']);
    expect(await codeOf(`{ inclusionProof(eventId: "${first.id}", treeSize: 0) { sequence } }`)).toEqual(['BAD_USER_INPUT']);
    expect(await codeOf('{ inclusionProof(eventId: "01a243e4-9576-72aa-8300-000000000000") { sequence } }')).toEqual(['NOT_FOUND']);
    expect(await codeOf(`{ consistencyProof(firstSize: 0, secondSize: ${checkpoint.size}) { path } }`)).toEqual(['BAD_USER_INPUT']);
    expect(await codeOf(`{ consistencyProof(firstSize: 5, secondSize: 3) { path } }`)).toEqual(['BAD_USER_INPUT']);
    expect(await codeOf(`{ consistencyProof(firstSize: 1, secondSize: ${checkpoint.size + 100}) { path } }`)).toEqual(['BAD_USER_INPUT']);
    expect((await fetch(`${server.base}/log/tile/0/000`)).status).toBe(404);
    expect((await fetch(`${server.base}/log/tile/0/x1`)).status).toBe(404);
    expect((await fetch(`${server.base}/log/tile/entries/000`)).status).toBe(404);
  });

  it('keeps its checkpoints across a restart, and refuses to start when the key that signed them is gone', async () => {
    const before = (await checkServedLog(server.base)).checkpoint;
    await server.stop();
    server = await LedgerServer.start(dataDir, { LEDGER_LOG_ORIGIN: ORIGIN });
    const after = await checkServedLog(server.base);
    expect(after.checkpoint.size).toBe(before.size);
    expect(hex(after.checkpoint.rootHash)).toBe(hex(before.rootHash));
    await server.stop();

    await expect(LedgerServer.start(dataDir, { LEDGER_LOG_ORIGIN: 'ledger.denver.example/another' })).rejects.toThrow(/signed for origin ledger.denver.example\/test/);
    rmSync(join(dataDir, 'secrets', 'log-signing-key'));
    await expect(LedgerServer.start(dataDir, { LEDGER_LOG_ORIGIN: ORIGIN })).rejects.toThrow(/log signing key .* is missing, but checkpoints signed with key/);
  });
});
