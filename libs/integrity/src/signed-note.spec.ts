/**
 * Test data: the fixed keys and notes of Go's golang.org/x/mod/sumdb/note tests (note_test.go,
 * example_test.go; BSD-3-Clause) and the example of c2sp.org/signed-note. Ed25519 is deterministic,
 * so signing the same text with the same key must give Go's bytes exactly.
 */
import { utf8 } from './bytes';
import { nodeIntegrityCrypto as crypto } from './node-integrity-crypto';
import {
  formatSignerKey,
  formatVerifierKey,
  generateSignerKey,
  keyIdHex,
  MalformedNoteKey,
  noteKeyId,
  parseSignerKey,
  parseVerifierKey,
  signerKeyFromSeed,
  verifierKeyOf,
} from './note-key';
import { AmbiguousNoteKey, InvalidNoteSignature, MalformedNote, openNote, parseNote, signNote, UnverifiedNote } from './signed-note';

const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG = '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG = '— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

const peter = parseVerifierKey(crypto, PETER_VKEY);
const enoch = parseVerifierKey(crypto, ENOCH_VKEY);
const names = (sigs: readonly { name: string }[]) => sigs.map((sig) => sig.name);

describe('note keys', () => {
  it('compute the key ID as SHA-256(name || 0x0A || 0x01 || public key)[:4]', () => {
    expect(keyIdHex(noteKeyId(crypto, 'PeterNeumann', peter.publicKey))).toBe('c74f20a3');
    expect(keyIdHex(noteKeyId(crypto, 'EnochRoot', enoch.publicKey))).toBe('af0cfe78');
    const c2sp = parseVerifierKey(crypto, 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k');
    expect(c2sp.keyId).toBe(0x530d903a);
  });

  it("read Go's signer key, whose seed gives Go's verifier key", () => {
    const signer = parseSignerKey(crypto, PETER_SKEY);
    expect(formatVerifierKey(verifierKeyOf(signer))).toBe(PETER_VKEY);
    expect(formatSignerKey(signer)).toBe(PETER_SKEY);
    expect(formatVerifierKey(peter)).toBe(PETER_VKEY);
  });

  it('round-trip a generated key in both encodings', () => {
    const signer = generateSignerKey(crypto, 'ledger.example/council');
    expect(parseSignerKey(crypto, formatSignerKey(signer))).toEqual(signer);
    expect(parseVerifierKey(crypto, formatVerifierKey(signer))).toEqual(verifierKeyOf(signer));
    expect(formatVerifierKey(signer)).toMatch(/^ledger\.example\/council\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
  });

  it("refuse every mangling of a verifier key (Go's test: each substring, each byte changed)", () => {
    const refused = (text: string) => {
      try {
        parseVerifierKey(crypto, text);
        return false;
      } catch (error) {
        return error instanceof MalformedNoteKey;
      }
    };
    const accepted: string[] = [];
    for (let i = 0; i <= PETER_VKEY.length; i++) {
      for (let j = i + 1; j <= PETER_VKEY.length; j++) {
        if ((i !== 0 || j !== PETER_VKEY.length) && !refused(PETER_VKEY.slice(i, j))) accepted.push(PETER_VKEY.slice(i, j));
      }
    }
    for (let i = 0; i < PETER_VKEY.length; i++) {
      const changed = PETER_VKEY.slice(0, i) + String.fromCharCode(PETER_VKEY.charCodeAt(i) + 1) + PETER_VKEY.slice(i + 1);
      if (!refused(changed)) accepted.push(changed);
    }
    expect(accepted).toEqual([]);
    // A key of the wrong length and an unknown algorithm, each with a key ID that matches.
    expect(refused('PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==')).toBe(true);
    expect(refused('PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toBe(true);
  });

  it('refuse every mangling of a signer key', () => {
    const refused = (text: string) => {
      try {
        parseSignerKey(crypto, text);
        return false;
      } catch (error) {
        return error instanceof MalformedNoteKey;
      }
    };
    const accepted: string[] = [];
    for (let i = 0; i <= PETER_SKEY.length; i++) {
      for (let j = i + 1; j <= PETER_SKEY.length; j++) {
        if ((i !== 0 || j !== PETER_SKEY.length) && !refused(PETER_SKEY.slice(i, j))) accepted.push(PETER_SKEY.slice(i, j));
      }
    }
    for (let i = 0; i < PETER_SKEY.length; i++) {
      const changed = PETER_SKEY.slice(0, i) + String.fromCharCode(PETER_SKEY.charCodeAt(i) + 1) + PETER_SKEY.slice(i + 1);
      if (!refused(changed)) accepted.push(changed);
    }
    expect(accepted).toEqual([]);
  });

  it('refuse key names with spaces or plus signs, and seeds of the wrong size', () => {
    for (const name of ['', 'a b', 'a+b', 'a\u00a0b', 'a\u2003b', 'a\tb']) expect(() => signerKeyFromSeed(crypto, name, new Uint8Array(32))).toThrow(MalformedNoteKey);
    expect(() => signerKeyFromSeed(crypto, 'ok', new Uint8Array(31))).toThrow(MalformedNoteKey);
  });
});

describe('signing a note', () => {
  const signer = parseSignerKey(crypto, PETER_SKEY);

  it("gives Go's signed note byte for byte", () => {
    expect(signNote(crypto, TEXT, [signer])).toBe(`${TEXT}\n${PETER_SIG}`);
  });

  it('opens the example note of c2sp.org/signed-note with its example key', () => {
    const opened = openNote(crypto, 'This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n', [
      parseVerifierKey(crypto, 'example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k'),
    ]);
    expect(opened.text).toBe('This is an example message.\n');
  });

  it('keeps the existing signatures of other keys and replaces its own (cosigning)', () => {
    const existing = parseNote(`${TEXT}\n${ENOCH_SIG}`).signatures;
    expect(signNote(crypto, TEXT, [signer], existing)).toBe(`${TEXT}\n${ENOCH_SIG}${PETER_SIG}`);
    const stale = { ...parseNote(`${TEXT}\n${PETER_SIG}`).signatures[0], signature: new Uint8Array(64) };
    expect(signNote(crypto, TEXT, [signer], [stale])).toBe(`${TEXT}\n${PETER_SIG}`);
  });

  it('refuses a text that does not end in a newline, or holds control characters', () => {
    expect(() => signNote(crypto, 'abc', [signer])).toThrow(MalformedNote);
    expect(() => signNote(crypto, 'a\u0000b\n', [signer])).toThrow(MalformedNote);
    expect(() => signNote(crypto, 'a\rb\n', [signer])).toThrow(MalformedNote);
  });

  it('round-trips with a generated key, a text with blank lines and non-ASCII', () => {
    const key = generateSignerKey(crypto, 'ledger.denver.example/council');
    const text = 'Ognuno sta solo sul cuor della terra\n\ned è subito sera.\n\n';
    const opened = openNote(crypto, signNote(crypto, text, [key]), [verifierKeyOf(key)]);
    expect(opened.text).toBe(text);
    expect(names(opened.verified)).toEqual(['ledger.denver.example/council']);
  });
});

describe('opening a note', () => {
  it('accepts bytes as well as text, and keeps a leading byte order mark in the text', () => {
    const opened = openNote(crypto, utf8(`${TEXT}\n${PETER_SIG}`), [peter]);
    expect(opened.text).toBe(TEXT);
    const key = generateSignerKey(crypto, 'k');
    const withBom = signNote(crypto, '\ufeffhello\n', [key]);
    expect(openNote(crypto, utf8(withBom), [verifierKeyOf(key)]).text).toBe('\ufeffhello\n');
  });

  it('ignores signatures by unknown keys, keeping them as unverified', () => {
    const opened = openNote(crypto, `${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [peter]);
    expect(names(opened.verified)).toEqual(['PeterNeumann']);
    expect(names(opened.unverified)).toEqual(['EnochRoot']);
    expect(names(openNote(crypto, `${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, [peter, enoch]).verified)).toEqual(['PeterNeumann', 'EnochRoot']);
  });

  it('ignores a key that shares only the name, or only the key ID, with a known key', () => {
    const impostor = signerKeyFromSeed(crypto, 'PeterNeumann', new Uint8Array(32).fill(7));
    const byImpostor = signNote(crypto, TEXT, [impostor]).slice(TEXT.length + 1);
    const opened = openNote(crypto, `${TEXT}\n${byImpostor}${PETER_SIG}`, [peter]);
    expect(opened.unverified).toHaveLength(1);
    expect(opened.unverified[0].keyId).toBe(impostor.keyId);
    const misnamed = PETER_SIG.replace('PeterNeumann', 'CarmenSandiego');
    expect(names(openNote(crypto, `${TEXT}\n${misnamed}${PETER_SIG}`, [peter]).unverified)).toEqual(['CarmenSandiego']);
    expect(() => openNote(crypto, `${TEXT}\n${misnamed}`, [peter])).toThrow(UnverifiedNote);
  });

  it('refuses a note no known key signed, giving its signatures', () => {
    let error: unknown;
    try {
      openNote(crypto, `${TEXT}\n${PETER_SIG}${ENOCH_SIG}`, []);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnverifiedNote);
    expect(names((error as UnverifiedNote).note.signatures)).toEqual(['PeterNeumann', 'EnochRoot']);
  });

  it("refuses the whole note when a known key's signature does not verify", () => {
    // Go's case: four base64 characters inserted into the signature (58 characters in, 60 bytes in Go).
    const corrupt = `${PETER_SIG.slice(0, 58)}ABCD${PETER_SIG.slice(58)}`;
    expect(() => openNote(crypto, `${TEXT}\n${corrupt}`, [peter])).toThrow(InvalidNoteSignature);
    // Even beside a good signature by another known key, and even after a good one by the same key.
    expect(() => openNote(crypto, `${TEXT}\n${ENOCH_SIG}${corrupt}`, [peter, enoch])).toThrow(InvalidNoteSignature);
    expect(() => openNote(crypto, `${TEXT}\n${PETER_SIG}${corrupt}`, [peter])).toThrow(InvalidNoteSignature);
    // A changed text.
    expect(() => openNote(crypto, `${TEXT.replace('answer', 'answers')}\n${PETER_SIG}`, [peter])).toThrow(InvalidNoteSignature);
  });

  it('counts a repeated signature once, and keeps distinct unknown ones apart', () => {
    const enochAbcd = `${ENOCH_SIG.slice(0, 58)}ABCD${ENOCH_SIG.slice(58)}`;
    const opened = openNote(crypto, `${TEXT}\n${PETER_SIG}${PETER_SIG}${ENOCH_SIG}${ENOCH_SIG}${enochAbcd}`, [peter]);
    expect(names(opened.verified)).toEqual(['PeterNeumann']);
    expect(opened.unverified).toHaveLength(2);
  });

  it('refuses to guess between two different known keys with the same name and ID', () => {
    const twin = { ...peter, publicKey: enoch.publicKey };
    expect(() => openNote(crypto, `${TEXT}\n${PETER_SIG}`, [peter, twin])).toThrow(AmbiguousNoteKey);
    // The same key given twice is not ambiguous.
    expect(names(openNote(crypto, `${TEXT}\n${PETER_SIG}`, [peter, { ...peter }]).verified)).toEqual(['PeterNeumann']);
  });

  it('accepts up to 100 signatures and refuses more', () => {
    expect(openNote(crypto, `${TEXT}\n${PETER_SIG.repeat(100)}`, [peter]).verified).toHaveLength(1);
    expect(() => openNote(crypto, `${TEXT}\n${PETER_SIG.repeat(101)}`, [peter])).toThrow(MalformedNote);
    expect(() => openNote(crypto, `${TEXT}\n${PETER_SIG.repeat(101)}`, [])).toThrow(MalformedNote);
  });

  it.each([
    ['no blank line before the signatures', TEXT],
    ['a blank line but no signature', `${TEXT}\n`],
    ['a last signature line without its newline', `${TEXT}\n${PETER_SIG.slice(0, -1)}`],
    ['a control character', `\u0001${TEXT}\n${PETER_SIG}`],
    ['a carriage return', `${TEXT.replace('\n', '\r\n')}\n${PETER_SIG}`],
    ['a key name with a space', `${TEXT}\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`],
    ['a line after the signatures that is not one', `${TEXT}\n${PETER_SIG}Unexpected line.\n`],
    ['a hyphen instead of the em dash', `${TEXT}\n${PETER_SIG.replace('—', '-')}`],
    ['no signature after the name', `${TEXT}\n— PeterNeumann\n`],
    ['an empty signature', `${TEXT}\n— PeterNeumann \n`],
    ['a signature of only a key ID', `${TEXT}\n— PeterNeumann x08gow==\n`],
    ['a signature that is not base64', `${TEXT}\n${PETER_SIG.replace('x08go', 'x08g!')}`],
    ['a separator line holding a space', `${TEXT} \n${PETER_SIG}`],
  ])('refuses a malformed note: %s', (_, message) => {
    expect(() => openNote(crypto, message, [peter])).toThrow(MalformedNote);
  });

  it('refuses bytes that are not UTF-8', () => {
    const bytes = utf8(`${TEXT}\n${PETER_SIG}`);
    const bad = new Uint8Array([0xff, ...bytes]);
    expect(() => openNote(crypto, bad, [peter])).toThrow(MalformedNote);
    expect(() => openNote(crypto, `\ud800${TEXT}\n${PETER_SIG}`, [peter])).toThrow(MalformedNote);
  });
});
