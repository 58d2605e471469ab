/**
 * Integer arithmetic on tree sizes and indices. They are JavaScript numbers, so exact only up to
 * 2^53 - 1 (far beyond any ledger); anything larger is refused rather than rounded. No bitwise
 * operators: they truncate to 32 bits.
 */

/** A non-negative safe integer: a valid tree size or leaf index. */
export function isTreeIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function isOdd(n: number): boolean {
  return n % 2 === 1;
}

export function halve(n: number): number {
  return Math.floor(n / 2);
}

export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

/** The k of RFC 9162 section 2.1.1: the largest power of two smaller than n (n >= 2). */
export function largestPowerOfTwoBelow(n: number): number {
  if (!(n >= 2)) throw new RangeError(`no power of two splits a tree of size ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * A size or index as the C2SP text formats write it: ASCII decimal, no sign, no leading zero
 * (except 0 itself). Undefined for anything else, and for values beyond 2^53 - 1.
 */
export function parseDecimal(text: string): number | undefined {
  if (!/^(0|[1-9][0-9]*)$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}
