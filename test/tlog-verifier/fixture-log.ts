/**
 * A transparency log served the way the ledger serves one (issue 11), built only from
 * @ledger/integrity over synthetic leaves: the well-known key, the signed checkpoint, the hash
 * tiles, and a /graphql that answers the contract's own schema (../shared/contract) from an
 * InMemoryMerkleTree. What the Go verifier reads, with nothing of the ledger around it, so a test
 * can change one byte of it.
 */
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildSchema, graphql, GraphQLError } from 'graphql';
import {
  consistencyProof,
  encodeTile,
  formatTilePath,
  formatVerifierKey,
  generateSignerKey,
  inclusionProof,
  InMemoryMerkleTree,
  keyIdHex,
  nodeIntegrityCrypto,
  parseNote,
  signCheckpoint,
  tileHashes,
  tilesForTreeSize,
  toBase64,
  toHex,
  treeHasher,
  utf8,
} from '@ledger/integrity';
import { ROOT } from '../support/ledger-process';

export const FIXTURE_ORIGIN = 'ledger.test.example/tlog-verifier-fixture';
const CONTRACT = join(ROOT, '..', 'shared', 'contract', 'ledger.graphql');

export interface FixtureLogOptions {
  /** how many synthetic leaves the log holds */
  size: number;
  /** changes the served files (keyed by URL path without the leading slash) before serving starts */
  alter?: (files: Map<string, Uint8Array>) => void;
  /** serve inclusion proofs with one byte of their first hash changed */
  wrongInclusionProof?: boolean;
}

export interface FixtureLog {
  /** base URL, as the Go verifier's -url takes it */
  url: string;
  close(): Promise<void>;
}

/** Changes one byte of a served file: what the tamper tests do. */
export function flipByte(files: Map<string, Uint8Array>, path: string, offset: number): void {
  const bytes = files.get(path);
  if (!bytes || offset >= bytes.length) throw new Error(`the fixture serves no byte ${offset} of ${path}`);
  const changed = Uint8Array.from(bytes);
  changed[offset] ^= 0x01;
  files.set(path, changed);
}

// The event id of a synthetic leaf: UUID-shaped, as the ledger's are.
const eventIdOf = (sequence: number) => `00000000-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

export async function serveFixtureLog(options: FixtureLogOptions): Promise<FixtureLog> {
  const { size } = options;
  const hasher = treeHasher(nodeIntegrityCrypto);
  const leafHashes = Array.from({ length: size }, (_, sequence) => hasher.hashLeaf(utf8(JSON.stringify({ sequence, synthetic: true }))));
  const sequenceOf = new Map(leafHashes.map((_, sequence) => [eventIdOf(sequence), sequence]));
  const tree = new InMemoryMerkleTree(hasher, leafHashes);
  const root = tree.root();

  const signer = generateSignerKey(nodeIntegrityCrypto, FIXTURE_ORIGIN);
  const checkpoint = signCheckpoint(nodeIntegrityCrypto, { origin: FIXTURE_ORIGIN, size, rootHash: root, extensions: [] }, [signer]);
  const publicKeyPem = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(signer.publicKey).toString('base64url') }, format: 'jwk' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
  const wellKnown = { origin: FIXTURE_ORIGIN, keyName: signer.name, keyId: keyIdHex(signer.keyId), algorithm: 'Ed25519', publicKeyPem, vkey: formatVerifierKey(signer) };

  const files = new Map<string, Uint8Array>([
    ['.well-known/ledger-key.json', utf8(JSON.stringify(wellKnown))],
    ['log/checkpoint', utf8(checkpoint)],
    ...tilesForTreeSize(size).map((tile): [string, Uint8Array] => [`log/${formatTilePath(tile)}`, encodeTile(tileHashes(tree, tile))]),
  ]);
  options.alter?.(files);

  const proofSize = (treeSize: number | null | undefined) => {
    const n = treeSize ?? size;
    if (n < 0 || n > size) throw badInput(`treeSize ${n} is not between 0 and ${size}`);
    return n;
  };
  const rootValue = {
    treeHead: () => ({
      origin: FIXTURE_ORIGIN,
      treeSize: size,
      rootHash: toHex(root),
      timestamp: '2026-12-06T12:00:00Z',
      keyId: keyIdHex(signer.keyId),
      signature: toBase64(parseNote(checkpoint).signatures[0].signature),
      checkpoint,
    }),
    events: (args: { first?: number | null; after?: string | null; filter?: { fromSequence?: number | null; toSequence?: number | null } | null }) => {
      const from = Math.max(args.filter?.fromSequence ?? 0, args.after == null ? 0 : Number(args.after) + 1);
      const to = Math.min(args.filter?.toSequence ?? size - 1, size - 1);
      const first = Math.min(args.first ?? 20, 100);
      const sequences = Array.from({ length: Math.max(0, Math.min(first, to - from + 1)) }, (_, i) => from + i);
      return {
        edges: sequences.map((sequence) => ({ cursor: String(sequence), node: { id: eventIdOf(sequence), sequence, leafHash: toHex(leafHashes[sequence]) } })),
        pageInfo: { hasNextPage: from + sequences.length <= to, hasPreviousPage: false, startCursor: null, endCursor: sequences.length ? String(sequences[sequences.length - 1]) : null },
        totalCount: Math.max(0, to - from + 1),
      };
    },
    inclusionProof: (args: { eventId: string; treeSize?: number | null }) => {
      const sequence = sequenceOf.get(args.eventId);
      if (sequence === undefined) throw badInput(`no event ${args.eventId}`);
      const treeSize = proofSize(args.treeSize);
      if (sequence >= treeSize) throw badInput(`event ${args.eventId} is not in the tree of size ${treeSize}`);
      const auditPath = inclusionProof(hasher, tree, sequence, treeSize).map(toHex);
      // One hex digit of the sibling hash next to the leaf: one byte of the proof changed.
      if (options.wrongInclusionProof && auditPath.length > 0) auditPath[0] = (auditPath[0][0] === '0' ? '1' : '0') + auditPath[0].slice(1);
      return { sequence, treeSize, leafHash: toHex(leafHashes[sequence]), auditPath };
    },
    consistencyProof: (args: { firstSize: number; secondSize: number }) => {
      const secondSize = proofSize(args.secondSize);
      if (args.firstSize < 1 || args.firstSize > secondSize) throw badInput(`firstSize ${args.firstSize} is not between 1 and ${secondSize}`);
      return { ...args, path: consistencyProof(hasher, tree, args.firstSize, secondSize).map(toHex) };
    },
  };
  const schema = buildSchema(readFileSync(CONTRACT, 'utf8'));

  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://fixture').pathname.slice(1);
    if (request.method === 'POST' && path === 'graphql') {
      const { query, variables } = JSON.parse(await bodyOf(request));
      const result = await graphql({ schema, source: query, rootValue, variableValues: variables });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      return;
    }
    const file = request.method === 'GET' ? files.get(path) : undefined;
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const type = path === 'log/checkpoint' ? 'text/plain; charset=utf-8' : path.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    response.writeHead(200, { 'content-type': type }).end(file);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((closed) => (server.closeAllConnections(), server.close(() => closed()))),
  };
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}
