import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatVerifierKey, generateSignerKey, nodeIntegrityCrypto, verifierKeyOf } from '@ledger/integrity';
import { LedgerServer, ROOT, removeDir, runCli, tempDataDir } from '../support/ledger-process';

// The demo through the built CLI and server; the citizen's script run as a citizen would, with node alone.
jest.setTimeout(120_000);

function verifyProof(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) =>
    execFile(process.execPath, [join(ROOT, 'scripts', 'verify-proof.mjs'), ...args], (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    ),
  );
}

describe('ledger proof and scripts/verify-proof.mjs (offline proofs for citizens)', () => {
  let dataDir: string;
  let server: LedgerServer;
  let vkey: string;
  let eventId: string;
  beforeAll(async () => {
    dataDir = tempDataDir('ledger-proof-');
    expect((await runCli(['seed', 'demo'], { LEDGER_DATA_DIR: dataDir })).code).toBe(0);
    server = await LedgerServer.start(dataDir, { LEDGER_LOG_ORIGIN: 'ledger.denver.example/proof-test' });
    vkey = ((await (await fetch(`${server.base}/.well-known/ledger-key.json`)).json()) as { vkey: string }).vkey;
    // A data request: its restricted values are in the entry only as commitments.
    const events = (await server.gql('{ events(first: 100, filter: { type: "DataRequestReceived" }) { edges { node { id } } } }')).data.events.edges;
    eventId = events[0].node.id;
  });
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  it('writes a tlog-proof file that the script verifies offline with the published key alone', async () => {
    const file = join(dataDir, 'event.tlog-proof');
    const written = await runCli(['proof', eventId, '--out', file], { LEDGER_DATA_DIR: dataDir });
    expect({ code: written.code, stderr: written.stderr }).toEqual({ code: 0, stderr: '' });
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('c2sp.org/tlog-proof@v1\nextra ')).toBe(true);
    const entry = Buffer.from(text.split('\n')[1].slice('extra '.length), 'base64').toString('utf8');
    expect(JSON.parse(entry)).toMatchObject({ eventId, type: 'DataRequestReceived', dataHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(entry).not.toMatch(/subj_|ciphertext/);

    const verified = await verifyProof(['--vkey', vkey, file]);
    expect({ code: verified.code, stderr: verified.stderr }).toEqual({ code: 0, stderr: '' });
    expect(verified.stdout).toContain(`VERIFIED: event ${eventId} (DataRequestReceived`);

    // One changed hash of the path, another key, or a changed entry: not verified.
    const lines = text.split('\n');
    const path = [...lines];
    path[3] = Buffer.from(Buffer.from(path[3], 'base64').map((byte, i) => (i === 0 ? byte ^ 1 : byte))).toString('base64');
    writeFileSync(`${file}.path`, path.join('\n'));
    expect(await verifyProof(['--vkey', vkey, `${file}.path`])).toMatchObject({ code: 1, stderr: expect.stringContaining('NOT VERIFIED: the entry is not at index') });
    const other = formatVerifierKey(verifierKeyOf(generateSignerKey(nodeIntegrityCrypto, 'ledger.denver.example/proof-test')));
    expect(await verifyProof(['--vkey', other, file])).toMatchObject({ code: 1, stderr: expect.stringContaining('has no signature by') });
    const forged = [...lines];
    forged[1] = `extra ${Buffer.from(entry.replace('DataRequestReceived', 'DataRequestDecided')).toString('base64')}`;
    writeFileSync(`${file}.entry`, forged.join('\n'));
    expect((await verifyProof(['--vkey', vkey, `${file}.entry`])).code).toBe(1);
  });

  it('verifies an event against the running ledger, recomputing its leaf from what anyone is served', async () => {
    const verified = await verifyProof(['--vkey', vkey, '--url', server.base, '--event', eventId]);
    expect({ code: verified.code, stderr: verified.stderr }).toEqual({ code: 0, stderr: '' });
    expect(verified.stdout).toContain('VERIFIED');
    expect(await verifyProof(['--vkey', vkey])).toMatchObject({ code: 2 });
  });

  it('writes a proof for every event of a decision\'s trace, each verified by the script, all of them at once', async () => {
    const decisionId = (await server.gql('{ decisions(first: 1) { edges { node { id } } } }')).data.decisions.edges[0].node.id;
    const traced = (await server.gql('query($id: ID!) { trace(id: $id) { events { id sequence type } } }', { id: decisionId })).data.trace.events as Array<{ id: string; sequence: number; type: string }>;
    // The request, the decision, and what it rests on: the clause's measure, its votes and its signature.
    expect(traced.map((e) => e.type)).toEqual(expect.arrayContaining(['DataRequestReceived', 'DataRequestDecided', 'VoteRecorded']));

    expect(await runCli(['proof', decisionId], { LEDGER_DATA_DIR: dataDir })).toMatchObject({ code: 2, stderr: expect.stringContaining('give --out DIR') });
    const dir = join(dataDir, 'decision-proofs');
    const written = await runCli(['proof', decisionId, '--out', dir], { LEDGER_DATA_DIR: dataDir });
    expect({ code: written.code, stderr: written.stderr }).toEqual({ code: 0, stderr: '' });
    expect(written.stdout).toContain(`${traced.length} proofs: the trace of decision ${decisionId}`);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(traced.map((e) => `${String(e.sequence).padStart(8, '0')}-${e.type}.tlog-proof`).sort());

    const verified = await verifyProof(['--vkey', vkey, ...files.map((file) => join(dir, file))]);
    expect({ code: verified.code, stderr: verified.stderr }).toEqual({ code: 0, stderr: '' });
    for (const event of traced) expect(verified.stdout).toContain(`VERIFIED: event ${event.id} (${event.type}`);

    // One altered file among them fails the whole check.
    const last = join(dir, files.at(-1)!);
    const lines = readFileSync(last, 'utf8').split('\n');
    lines[2] = `index ${Number(lines[2].slice('index '.length)) + 1}`;
    writeFileSync(last, lines.join('\n'));
    expect(await verifyProof(['--vkey', vkey, ...files.map((file) => join(dir, file))])).toMatchObject({ code: 1, stderr: expect.stringContaining('NOT VERIFIED') });
  });

  it('refuses an unknown event and a malformed id', async () => {
    expect(await runCli(['proof', '01a243e4-9576-72aa-8300-000000000000'], { LEDGER_DATA_DIR: dataDir })).toMatchObject({ code: 1 });
    // Shaped like a measure id, but no such measure: a failed check; shaped like no node at all: bad usage.
    expect(await runCli(['proof', 'not-a-measure', '--out', join(dataDir, 'none')], { LEDGER_DATA_DIR: dataDir })).toMatchObject({ code: 1, stderr: expect.stringContaining('not-a-measure') });
    expect(await runCli(['proof', 'not an id!'], { LEDGER_DATA_DIR: dataDir })).toMatchObject({ code: 2 });
  });
});
