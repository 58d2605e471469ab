import fc from 'fast-check';
import { fromBase64 } from './bytes';
import { checkpointsEqual, formatCheckpoint, MalformedCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint, UnexpectedOrigin, type Checkpoint } from './checkpoint';
import { nodeIntegrityCrypto as crypto } from './node-integrity-crypto';
import { generateSignerKey, verifierKeyOf } from './note-key';
import { InvalidNoteSignature, parseNote, signNote, UnverifiedNote } from './signed-note';

// The example of c2sp.org/tlog-checkpoint.
const EXAMPLE = `example.com/behind-the-sofa
20852163
CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
`;
const ROOT = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=';

describe('checkpoint text', () => {
  it('reads the example of c2sp.org/tlog-checkpoint', () => {
    const checkpoint = parseCheckpoint(parseNote(EXAMPLE).text);
    expect(checkpoint).toEqual({ origin: 'example.com/behind-the-sofa', size: 20852163, rootHash: fromBase64(ROOT), extensions: [] });
    expect(formatCheckpoint(checkpoint)).toBe(parseNote(EXAMPLE).text);
  });

  it('round-trips any checkpoint', () => {
    const line = fc.string({ unit: 'grapheme', minLength: 1 }).filter((text) => !/[\u0000-\u001f]/.test(text));
    fc.assert(
      fc.property(line, fc.maxSafeNat(), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.array(line, { maxLength: 3 }), (origin, size, rootHash, extensions) => {
        const checkpoint: Checkpoint = { origin, size, rootHash, extensions };
        const parsed = parseCheckpoint(formatCheckpoint(checkpoint));
        expect(parsed).toEqual(checkpoint);
        expect(checkpointsEqual(parsed, checkpoint)).toBe(true);
      }),
    );
  });

  it('takes the origin as it is (Go\'s sumdb writes "go.sum database tree") and keeps extension lines', () => {
    expect(parseCheckpoint(`go.sum database tree\n0\n${ROOT}\n`).origin).toBe('go.sum database tree');
    expect(parseCheckpoint(`o\n1\n${ROOT}\nextra one\nextra two\n`).extensions).toEqual(['extra one', 'extra two']);
  });

  it.each([
    ['no final newline', `o\n1\n${ROOT}`],
    ['two lines', `o\n1\n`],
    ['an empty origin', `\n1\n${ROOT}\n`],
    ['an empty extension line', `o\n1\n${ROOT}\n\n`],
    ['a leading zero', `o\n01\n${ROOT}\n`],
    ['a sign', `o\n+1\n${ROOT}\n`],
    ['a negative size', `o\n-1\n${ROOT}\n`],
    ['spaces around the size', `o\n 1\n${ROOT}\n`],
    ['an exponent', `o\n1e3\n${ROOT}\n`],
    ['a size beyond 2^53 - 1', `o\n18446744073709551615\n${ROOT}\n`],
    ['a short root hash', `o\n1\nV3JvbmdSb290\n`],
    ['a root hash that is not base64', `o\n1\n${ROOT.replace('C', '*')}\n`],
    ['a root hash without padding', `o\n1\n${ROOT.slice(0, -1)}\n`],
    ['a carriage return', `o\r\n1\n${ROOT}\n`],
  ])('refuses %s', (_, text) => {
    expect(() => parseCheckpoint(text)).toThrow(MalformedCheckpoint);
  });

  it('refuses to write a checkpoint that would not read back', () => {
    const good: Checkpoint = { origin: 'o', size: 1, rootHash: new Uint8Array(32), extensions: [] };
    expect(() => formatCheckpoint({ ...good, origin: '' })).toThrow(MalformedCheckpoint);
    expect(() => formatCheckpoint({ ...good, origin: 'a\nb' })).toThrow(MalformedCheckpoint);
    expect(() => formatCheckpoint({ ...good, size: -1 })).toThrow(MalformedCheckpoint);
    expect(() => formatCheckpoint({ ...good, rootHash: new Uint8Array(31) })).toThrow(MalformedCheckpoint);
    expect(() => formatCheckpoint({ ...good, extensions: [''] })).toThrow(MalformedCheckpoint);
  });
});

describe('signed checkpoints', () => {
  const origin = 'ledger.denver.example/council';
  const logKey = generateSignerKey(crypto, origin);
  const checkpoint: Checkpoint = { origin, size: 42, rootHash: crypto.sha256(Uint8Array.of(1)), extensions: [] };

  it('open with the log key and the expected origin', () => {
    const signed = signCheckpoint(crypto, checkpoint, [logKey]);
    expect(signed.startsWith(`${origin}\n42\n`)).toBe(true);
    const opened = openCheckpoint(crypto, signed, origin, [verifierKeyOf(logKey)]);
    expect(opened.checkpoint).toEqual(checkpoint);
    expect(opened.note.verified.map((sig) => sig.keyId)).toEqual([logKey.keyId]);
  });

  it('keep a witness cosignature they do not know about', () => {
    const witness = generateSignerKey(crypto, 'witness.example');
    const signed = signCheckpoint(crypto, checkpoint, [logKey]);
    const cosigned = signCheckpoint(crypto, checkpoint, [witness], parseNote(signed).signatures);
    const opened = openCheckpoint(crypto, cosigned, origin, [verifierKeyOf(logKey)]);
    expect(opened.note.unverified.map((sig) => sig.name)).toEqual(['witness.example']);
  });

  it('are refused for another origin, another key, or a changed line', () => {
    const signed = signCheckpoint(crypto, checkpoint, [logKey]);
    expect(() => openCheckpoint(crypto, signed, 'ledger.boulder.example/council', [verifierKeyOf(logKey)])).toThrow(UnexpectedOrigin);
    expect(() => openCheckpoint(crypto, signed, origin, [verifierKeyOf(generateSignerKey(crypto, origin))])).toThrow(UnverifiedNote);
    expect(() => openCheckpoint(crypto, signed.replace('\n42\n', '\n43\n'), origin, [verifierKeyOf(logKey)])).toThrow(InvalidNoteSignature);
  });

  it('are refused when well signed but malformed', () => {
    // The log's own key signed a size with a leading zero: only the form can be what is refused.
    const malformed = signNote(crypto, `${origin}\n042\n${ROOT}\n`, [logKey]);
    expect(() => openCheckpoint(crypto, malformed, origin, [verifierKeyOf(logKey)])).toThrow(MalformedCheckpoint);
  });
});
