import fc from 'fast-check';
import { bytesEqual, concatBytes, decodeUtf8, fromBase64, fromHex, isWellFormedText, toBase64, toHex } from './bytes';

describe('base64 (RFC 4648 section 4, strict)', () => {
  it('encodes as Node does and decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(text)).toEqual(bytes);
      }),
    );
  });

  it.each([
    ['missing padding', 'AAE'],
    ['a character outside the alphabet', 'AA-A'],
    ['the URL-safe alphabet', '_w=='],
    ['whitespace', 'AAAA AAAA'],
    ['a trailing newline', 'AAAA\n'],
    ['padding in the middle', 'AA==AAAA'],
    ['three padding characters', 'A==='],
    ['non-zero unused bits (a second encoding of 0x00)', 'AB=='],
    ['non-zero unused bits (a second encoding of 0x0000)', 'AAB='],
  ])('refuses %s', (_, text) => {
    expect(fromBase64(text)).toBeUndefined();
  });

  it('decodes the empty string to no bytes', () => {
    expect(fromBase64('')).toEqual(new Uint8Array());
  });
});

describe('hex (lowercase)', () => {
  it('round-trips', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => expect(fromHex(toHex(bytes))).toEqual(bytes)));
  });

  it('refuses uppercase, odd lengths and other characters', () => {
    for (const text of ['AB', 'abc', 'zz', '0x00']) expect(fromHex(text)).toBeUndefined();
  });
});

describe('other byte helpers', () => {
  it('concatenate and compare', () => {
    expect(concatBytes(Uint8Array.of(1), new Uint8Array(), Uint8Array.of(2, 3))).toEqual(Uint8Array.of(1, 2, 3));
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1))).toBe(false);
    expect(bytesEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
  });

  it('refuse text that has no UTF-8 form', () => {
    expect(decodeUtf8(Uint8Array.of(0xff))).toBeUndefined();
    expect(decodeUtf8(Uint8Array.of(0xe2, 0x80, 0x94))).toBe('—');
    expect(isWellFormedText('a\ud800b')).toBe(false);
    expect(isWellFormedText('😀 é')).toBe(true);
  });
});
