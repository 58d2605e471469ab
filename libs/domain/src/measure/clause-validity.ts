/*
 * When a clause version is law. Pure, so the legislation projection (which stores the dates), the
 * clause history (which feeds citation facts) and the specs all compute it the same way.
 */

export interface MeasureTiming {
  effectiveFrom: string | null;
  /** first day no longer in force (repeal, revocation) */
  effectiveUntil: string | null;
}

export interface VersionTiming {
  version: number;
  struck: boolean;
  /** set when another, enacted measure made this version */
  byMeasureId: string | null;
  effectiveFrom: string | null;
  /** recording order (the ledger sequence, or any increasing number); breaks ties between equal dates */
  sequence: number;
}

export interface Validity {
  validFrom: string | null;
  /** first day no longer in force; null while still in force */
  validUntil: string | null;
}

/**
 * When each version of one clause was in force, from effective dates alone (never from the order
 * the versions were recorded in: a 2019 amendment recorded before a 2018 one still follows it).
 *
 * - Versions adopted before enactment (byMeasureId null): only the newest one takes effect, on the
 *   measure's effectiveFrom; the earlier ones were never law.
 * - Versions made by another measure take over on their own effectiveFrom (ties: recording order)
 *   and end the version before them; a struck version ends it and is itself never in force.
 * - Repeal or revocation ends whatever is still in force on effectiveUntil.
 * - A version whose window is empty (superseded on the day it would start, or starting after the
 *   repeal) was never in force: both dates null.
 */
export function clauseValidity(measure: MeasureTiming, versions: readonly VersionTiming[]): Map<number, Validity> {
  const result = new Map<number, Validity>(versions.map((v) => [v.version, { validFrom: null, validUntil: null }]));
  const enactedOn = measure.effectiveFrom;
  if (enactedOn === null) return result;

  const atEnactment = versions.filter((v) => v.byMeasureId === null).sort((a, b) => b.version - a.version)[0];
  const startOf = (v: VersionTiming) => v.effectiveFrom ?? enactedOn;
  const later = versions
    .filter((v) => v.byMeasureId !== null)
    .sort((a, b) => (startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : a.sequence - b.sequence));

  let open: Validity | null = null;
  if (atEnactment && !atEnactment.struck) {
    open = result.get(atEnactment.version)!;
    open.validFrom = enactedOn;
  }
  for (const version of later) {
    const from = startOf(version);
    if (open) open.validUntil = from;
    open = null;
    if (version.struck) continue;
    open = result.get(version.version)!;
    open.validFrom = from;
  }

  const until = measure.effectiveUntil;
  for (const validity of result.values()) {
    if (validity.validFrom === null) continue;
    if (until !== null && (validity.validUntil === null || until < validity.validUntil)) validity.validUntil = until;
    if (validity.validUntil !== null && validity.validUntil <= validity.validFrom) {
      validity.validFrom = null;
      validity.validUntil = null;
    }
  }
  return result;
}

/** A clause version in force on `date` (YYYY-MM-DD): validFrom <= date < validUntil. */
export function isInForceOn(version: Validity, date: string): boolean {
  return version.validFrom !== null && version.validFrom <= date && (version.validUntil === null || date < version.validUntil);
}
