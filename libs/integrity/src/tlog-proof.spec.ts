import fc from 'fast-check';
import { fromBase64, toBase64, utf8 } from './bytes';
import { signCheckpoint } from './checkpoint';
import { inclusionProof } from './inclusion-proof';
import { nodeIntegrityCrypto as crypto } from './node-integrity-crypto';
import { generateSignerKey, verifierKeyOf } from './note-key';
import { InMemoryMerkleTree } from './subtree-hashes';
import { formatTlogProof, MalformedTlogProof, parseTlogProof, verifyTlogProof, type TlogProof } from './tlog-proof';
import { treeHasher } from './tree-hasher';

const hasher = treeHasher(crypto);
const origin = 'ledger.denver.example/council';
const logKey = generateSignerKey(crypto, origin);
const logKeys = [verifierKeyOf(logKey)];
const entries = Array.from({ length: 300 }, (_, i) => utf8(`{"sequence":${i + 1}}`));
const tree = new InMemoryMerkleTree(hasher, entries.map((entry) => hasher.hashLeaf(entry)));

function proofFor(index: number, size: number, extra?: Uint8Array): TlogProof {
  const signedCheckpoint = signCheckpoint(crypto, { origin, size, rootHash: tree.root(size), extensions: [] }, [logKey]);
  return { ...(extra ? { extra } : {}), index, inclusionProof: inclusionProof(hasher, tree, index, size), signedCheckpoint };
}

describe('tlog-proof files', () => {
  it('are written as c2sp.org/tlog-proof says', () => {
    const proof = proofFor(5, 7);
    const text = formatTlogProof(proof);
    expect(text).toBe(['c2sp.org/tlog-proof@v1', 'index 5', ...proof.inclusionProof.map(toBase64), '', proof.signedCheckpoint].join('\n'));
    expect(text.slice(text.indexOf('\n\n') + 2).startsWith(`${origin}\n7\n${toBase64(tree.root(7))}\n\n— ${origin} `)).toBe(true);
  });

  it('round-trip, with and without extra data, and for a tree of one entry (no hash lines)', () => {
    for (const proof of [proofFor(5, 7), proofFor(0, 1), proofFor(299, 300, utf8('opaque')), proofFor(3, 4, new Uint8Array())]) {
      expect(parseTlogProof(formatTlogProof(proof))).toEqual(proof);
      expect(parseTlogProof(utf8(formatTlogProof(proof)))).toEqual(proof);
    }
  });

  it('read the lines of the example of c2sp.org/tlog-proof', () => {
    // The spec abbreviates its signatures ("hI2DJw[...]1roloI="), so a checkpoint of ours stands in for its own.
    const header = `c2sp.org/tlog-proof@v1
extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ
index 73894
gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=
EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=
RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=
AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=
`;
    const proof = parseTlogProof(`${header}\n${proofFor(0, 1).signedCheckpoint}`);
    expect(proof.index).toBe(73894);
    expect(proof.inclusionProof).toHaveLength(5);
    expect(new TextDecoder().decode(proof.extra).startsWith('age-v1.2.1-darwin-arm64.tar.gz')).toBe(true);
    expect(proof.inclusionProof[0]).toEqual(fromBase64('gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ='));
  });

  it.each([
    ['another version', (t: string) => t.replace('tlog-proof@v1', 'tlog-proof@v2')],
    ['no version line', (t: string) => t.replace('c2sp.org/tlog-proof@v1\n', '')],
    ['a leading zero in the index', (t: string) => t.replace('index 5', 'index 05')],
    ['a negative index', (t: string) => t.replace('index 5', 'index -5')],
    ['a capitalised index line', (t: string) => t.replace('index 5', 'Index 5')],
    ['two spaces after index', (t: string) => t.replace('index 5', 'index  5')],
    ['no index line', (t: string) => t.replace('index 5\n', '')],
    ['extra data that is not base64', (t: string) => t.replace('index 5', 'extra !!!!\nindex 5')],
    ['extra after the index', (t: string) => t.replace('index 5', 'index 5\nextra AAAA')],
    ['a hash line that is not base64', (t: string) => t.replace(/^index 5\n[^\n]+/m, 'index 5\nnot base64')],
    ['a hash of 9 bytes', (t: string) => t.replace(/^index 5\n[^\n]+/m, 'index 5\nV3JvbmdSb290')],
    ['a blank line inside the proof', (t: string) => t.replace('index 5\n', 'index 5\n\n')],
    ['no blank line before the checkpoint', (t: string) => t.replace('\n\n', '\n')],
    ['no checkpoint', (t: string) => t.slice(0, t.indexOf('\n\n') + 2)],
    ['a checkpoint without signatures', (t: string) => t.slice(0, t.lastIndexOf('\n\n') + 2)],
    ['a checkpoint whose size has a leading zero', (t: string) => t.replace(`${origin}\n7\n`, `${origin}\n07\n`)],
    ['carriage returns', (t: string) => t.replaceAll('\n', '\r\n')],
  ])('refuse %s', (_, change) => {
    const text = formatTlogProof(proofFor(5, 7));
    expect(() => parseTlogProof(change(text))).toThrow(MalformedTlogProof);
  });

  it('are not written with a hash of the wrong size or a malformed checkpoint', () => {
    const proof = proofFor(5, 7);
    expect(() => formatTlogProof({ ...proof, inclusionProof: [new Uint8Array(31)] })).toThrow(MalformedTlogProof);
    expect(() => formatTlogProof({ ...proof, signedCheckpoint: 'not a note' })).toThrow(MalformedTlogProof);
    expect(() => formatTlogProof({ ...proof, index: -1 })).toThrow(MalformedTlogProof);
  });
});

describe('verifying a tlog proof', () => {
  const leafHash = (index: number) => hasher.hashLeaf(entries[index]);

  it('accepts the proof of any entry against a checkpoint of any size that holds it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }).chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 }))), ([size, index]) => {
        const verdict = verifyTlogProof(crypto, formatTlogProof(proofFor(index, size)), { leafHash: leafHash(index), origin, logKeys });
        expect(verdict).toEqual({ ok: true, checkpoint: { origin, size, rootHash: tree.root(size), extensions: [] } });
      }),
      { numRuns: 50 },
    );
  });

  it('refuses another entry, another log, another key, or a changed line', () => {
    const text = formatTlogProof(proofFor(5, 7));
    const reason = (file: string, expected = { leafHash: leafHash(5), origin, logKeys }) => {
      const verdict = verifyTlogProof(crypto, file, expected);
      return verdict.ok ? 'accepted' : verdict.reason;
    };
    expect(reason(text)).toBe('accepted');
    expect(reason(text, { leafHash: leafHash(4), origin, logKeys })).toMatch(/does not lead to the root/);
    expect(reason(text, { leafHash: leafHash(5), origin: 'ledger.boulder.example/council', logKeys })).toMatch(/not "ledger.boulder.example\/council"/);
    expect(reason(text, { leafHash: leafHash(5), origin, logKeys: [verifierKeyOf(generateSignerKey(crypto, origin))] })).toMatch(/no signature by a known key/);
    expect(reason(text.replace('index 5', 'index 4'))).toMatch(/does not lead to the root/);
    expect(reason(text.replace(`${origin}\n7\n`, `${origin}\n8\n`))).toMatch(/invalid signature/);
    const firstHash = text.split('\n')[2];
    const flipped = toBase64(fromBase64(firstHash)!.map((byte, i) => (i === 0 ? byte ^ 1 : byte)));
    expect(reason(text.replace(firstHash, flipped))).toMatch(/does not lead to the root/);
    expect(reason('c2sp.org/tlog-proof@v1\n')).toMatch(/malformed tlog proof/);
  });

  it('accepts a parsed proof as well as its text', () => {
    expect(verifyTlogProof(crypto, proofFor(5, 7), { leafHash: leafHash(5), origin, logKeys }).ok).toBe(true);
  });
});
