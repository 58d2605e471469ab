/**
 * Byte helpers for the integrity library. No Buffer and no `node:` import: the same code runs in
 * the browser (the public portal), where only Uint8Array, TextEncoder and TextDecoder exist.
 */

const utf8Encoder = new TextEncoder();
// fatal: a note or checkpoint that is not valid UTF-8 is malformed, never silently repaired.
// ignoreBOM: a leading U+FEFF is part of the signed text, not something to strip.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function utf8(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

/** Decodes UTF-8, or returns undefined when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A string holding an unpaired surrogate has no UTF-8 form (TextEncoder would swap in U+FFFD). */
export function isWellFormedText(text: string): boolean {
  return !/\p{Cs}/u.test(text);
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** Lowercase hex only (the form the specs write), or undefined. */
export function fromHex(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64_ALPHABET].map((char, value) => [char, value]));

/** Standard base64 with padding (RFC 4648 section 4), the encoding every C2SP format uses. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(bytes.length - i, 3) + 1;
    for (let c = 0; c < 4; c++) out += c < chars ? BASE64_ALPHABET[(chunk >> (18 - 6 * c)) & 63] : '=';
  }
  return out;
}

/**
 * Strict standard base64, or undefined. Stricter than Buffer.from(…, 'base64'), which skips any
 * character it does not know: here padding is required, nothing but the alphabet is allowed, and
 * the unused bits of the last character must be zero, so each byte string has exactly one
 * encoding (a hash or a signature line cannot be re-encoded into a second valid form).
 */
export function fromBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const body = text.slice(0, text.length - padding);
  const values: number[] = [];
  for (const char of body) {
    const value = BASE64_VALUE.get(char);
    if (value === undefined) return undefined;
    values.push(value);
  }
  const out = new Uint8Array((values.length * 6) >> 3);
  let bits = 0;
  let accumulator = 0;
  let written = 0;
  for (const value of values) {
    accumulator = ((accumulator << 6) | value) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[written++] = (accumulator >> bits) & 0xff;
    }
  }
  if ((accumulator & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}
