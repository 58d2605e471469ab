#!/usr/bin/env node
// Checks that an event is in the ledger the city signed, with Node alone (no dependencies), so that
// anyone can read exactly what is checked. Two ways:
//   node scripts/verify-proof.mjs --vkey VKEY FILE.tlog-proof...    proof files from `ledger proof` (offline)
//   node scripts/verify-proof.mjs --vkey VKEY --url URL --event ID    an event of a running ledger
// VKEY is the log's public key (`vkey` of /.well-known/ledger-key.json): get it once, from a source
// you trust (not only from the server you are checking). Exit 0: verified; 1: not; 2: bad usage.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const sha256 = (...parts) => createHash('sha256').update(Buffer.concat(parts)).digest();
const fail = (message) => { console.error(`NOT VERIFIED: ${message}`); process.exit(1); };

// RFC 8785 canonical JSON, enough for ledger data (strings, integers, booleans, null, arrays, objects).
const canonical = (v) => Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
  : v !== null && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`
  : JSON.stringify(v);

/** The log's key from its vkey `name+hex8+base64(0x01 || key)`, with its key ID checked (c2sp.org/signed-note). */
function parseVkey(vkey) {
  // name, then the 8-hex key ID, then the base64 key (which may itself hold '+').
  const [name, id, ...rest] = vkey.split('+');
  const key = rest.join('+');
  const raw = Buffer.from(key ?? '', 'base64');
  if (!name || !/^[0-9a-f]{8}$/.test(id ?? '') || raw.length !== 33 || raw[0] !== 1) fail(`not an Ed25519 vkey: ${vkey}`);
  const keyId = sha256(Buffer.from(`${name}\n`), raw).subarray(0, 4).toString('hex');
  if (keyId !== id) fail(`the vkey's key ID ${id} is not the hash of its name and key (${keyId})`);
  const publicKey = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw.subarray(1)]), format: 'der', type: 'spki' });
  return { name, keyId, publicKey };
}

/** Opens the signed checkpoint with the key: its origin, size and root, once a signature by that key verifies. */
function openCheckpoint(note, key) {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) fail('the checkpoint is not a signed note');
  const text = note.slice(0, split + 1);
  const mine = note.slice(split + 2, -1).split('\n').map((line) => line.match(/^\u2014 (\S+) (\S+)$/))
    .filter((m) => m && m[1] === key.name).map((m) => Buffer.from(m[2], 'base64'))
    .filter((sig) => sig.length === 68 && sig.subarray(0, 4).toString('hex') === key.keyId);
  if (mine.length === 0) fail(`the checkpoint has no signature by ${key.name} (key ${key.keyId})`);
  if (!mine.every((sig) => verify(null, Buffer.from(text), key.publicKey, sig.subarray(4)))) fail('the checkpoint signature does not verify: it was altered, or not signed by this key');
  const [origin, size, root] = text.split('\n');
  if (!/^(0|[1-9]\d*)$/.test(size) || Buffer.from(root, 'base64').length !== 32) fail('the checkpoint body is malformed');
  return { origin, size: Number(size), root: Buffer.from(root, 'base64') };
}

/** RFC 9162 section 2.1.3.2: does the audit path lead from this leaf at `index` to `root` of a tree of `size`? */
function verifyInclusion(index, size, leaf, path, root) {
  if (index >= size) return false;
  let fn = index, sn = size - 1, r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = sha256(Buffer.of(1), p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else r = sha256(Buffer.of(1), r, p);
    fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** The log entry the leaf commits to, from an event as an anonymous caller is served it. */
function entryOf(event) {
  const { id, leafHash, data, ...envelope } = event;
  const dataHash = sha256(Buffer.from(canonical(data))).toString('hex');
  return canonical({ ...envelope, eventId: id, dataHash });
}

async function graphql(url, query, variables) {
  const answer = await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })).json();
  if (answer.errors) fail(`${url} answered: ${answer.errors.map((e) => e.message).join('; ')}`);
  return answer.data;
}

const { values, positionals } = parseArgs({ options: { vkey: { type: 'string' }, url: { type: 'string' }, event: { type: 'string' } }, allowPositionals: true });
if (!values.vkey || (positionals.length > 0) === Boolean(values.url && values.event)) {
  console.error('usage: verify-proof.mjs --vkey VKEY FILE.tlog-proof... | verify-proof.mjs --vkey VKEY --url URL --event ID');
  process.exit(2);
}
const key = parseVkey(values.vkey);

/** The proof in a tlog-proof file: the entry (its `extra`), its index, the audit path and the signed checkpoint. */
function readProofFile(file) {
  const text = readFileSync(file, 'utf8');
  const split = text.indexOf('\n\n');
  const lines = text.slice(0, split).split('\n');
  if (lines[0] !== 'c2sp.org/tlog-proof@v1' || !lines[1]?.startsWith('extra ') || !/^index \d+$/.test(lines[2] ?? '')) fail(`${file} is not a tlog-proof file from \`ledger proof\``);
  return { entry: Buffer.from(lines[1].slice(6), 'base64').toString('utf8'), index: Number(lines[2].slice(6)),
    path: lines.slice(3).map((line) => Buffer.from(line, 'base64')), note: text.slice(split + 2) };
}

async function proofFromLedger(url, event) {
  const note = await (await fetch(`${url}/log/checkpoint`)).text();
  const size = Number(note.split('\n')[1]);
  const fields = 'id type schemaVersion streamId streamRevision sequence occurredAt recordedAt recordedBy { id name role } correlationId causationId leafHash data';
  const { node } = await graphql(url, `query($id: ID!) { node(id: $id) { ... on LedgerEvent { ${fields} } } }`, { id: event });
  if (!node) fail(`${url} has no event ${event}`);
  const { inclusionProof } = await graphql(url, 'query($id: ID!, $size: Int) { inclusionProof(eventId: $id, treeSize: $size) { sequence auditPath } }', { id: event, size });
  const entry = entryOf(node);
  if (sha256(Buffer.of(0), Buffer.from(entry)).toString('hex') !== node.leafHash) fail('the leaf hash served is not the hash of the event served');
  return { entry, index: inclusionProof.sequence, path: inclusionProof.auditPath.map((hex) => Buffer.from(hex, 'hex')), note };
}

const proofs = positionals.length > 0 ? positionals.map(readProofFile) : [await proofFromLedger(values.url.replace(/\/$/, ''), values.event)];
for (const { entry, index, path, note } of proofs) {
  const checkpoint = openCheckpoint(note, key);
  if (checkpoint.origin !== key.name) fail(`the checkpoint is for ${checkpoint.origin}, the key for ${key.name}`);
  const leaf = sha256(Buffer.of(0), Buffer.from(entry));
  if (!verifyInclusion(index, checkpoint.size, leaf, path, checkpoint.root)) fail(`the entry is not at index ${index} of the signed tree of ${checkpoint.size} events`);
  const { eventId, type, occurredAt } = JSON.parse(entry);
  console.log(`VERIFIED: event ${eventId} (${type}, ${occurredAt}) is entry ${index} of the log ${checkpoint.origin}, in its tree of ${checkpoint.size} events signed by key ${key.keyId}.`);
}
console.log('Checked: the checkpoint\'s Ed25519 signature, the audit path from each entry to its root. An entry commits to its event\'s public data by its dataHash; restricted values appear only as salted commitments.');
console.log('Not checked: that the vkey is the city\'s (compare it with one you got elsewhere), and that this checkpoint is consistent with any you saw before (ledger verify --checkpoint, or consistencyProof).');
