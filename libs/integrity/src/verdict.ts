/**
 * The outcome of checking a proof: callers that must name what is wrong (`ledger verify`) get the
 * reason, callers that only branch look at `ok`. A check never throws on bad input: malformed is
 * just another way of being wrong.
 */
export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export const VALID: Verdict = Object.freeze({ ok: true });

export function invalid(reason: string): Verdict {
  return { ok: false, reason };
}
