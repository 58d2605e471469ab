import { isInForceOn } from '../measure/clause-validity';
import { parseClauseId } from '../measure/measure.ids';
import { badInput } from '../shared/domain-error';
import { boundedList, LIST_LIMITS } from '../shared/list-limits';
import type { CitationFacts, CitationInput, CitedClauseVersion } from './data-request.commands';
import type { Citation } from './data-request.events';

/*
 * A decision may rely only on the law of its own day (docs/ARCHITECTURE.md "Domain rules"). Each refusal
 * names the clause and one of four reasons, so an officer knows whether to cite another version
 * (superseded), wait (not yet in force) or look for other law (repealed, unknown).
 */

function refuse(label: string, reason: string, field: string): never {
  throw badInput(`cannot cite ${label}: ${reason}`, field);
}

/** Why a named version is not in force on the date (it is not: the caller checked). */
function whyNotInForce(chosen: CitedClauseVersion, versions: readonly CitedClauseVersion[], date: string): string {
  if (chosen.validFrom !== null && date < chosen.validFrom) return `not yet in force on ${date} (in force from ${chosen.validFrom})`;
  const later = versions.find((v) => v.version > chosen.version && isInForceOn(v, date));
  if (later) return `superseded on ${date} (v${later.version} was in force that day)`;
  if (chosen.validUntil !== null && chosen.validUntil <= date) return `repealed (no longer in force from ${chosen.validUntil})`;
  return `not yet in force on ${date} (never in force yet)`;
}

/** Why no version of the clause is in force on the date: it ended, or it has not begun. */
function whyNoneInForce(versions: readonly CitedClauseVersion[], date: string): string {
  const ended = versions
    .filter((v) => v.validFrom !== null && v.validFrom <= date)
    .map((v) => v.validUntil!)
    .sort()
    .pop();
  return ended === undefined ? `not yet in force on ${date}` : `repealed (no longer in force from ${ended})`;
}

function requestedVersion(version: unknown, field: string): number | null {
  if (version === undefined || version === null) return null;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw badInput(`${field}.version must be a whole number from 1, got ${JSON.stringify(version)}`, `${field}.version`);
  }
  return version;
}

/**
 * The clause version a citation names, checked against the clause's versions on the decision's
 * date; without a version, the one in force that day. versions null: no such clause.
 */
export function citedVersion(citation: CitationInput, versions: readonly CitedClauseVersion[] | null, date: string, field = 'citation'): Citation {
  const { clauseId } = citation;
  const version = requestedVersion(citation.version, field);
  if (versions === null || versions.length === 0) refuse(clauseId, 'unknown (no such clause)', field);
  if (version === null) {
    const current = versions.find((v) => isInForceOn(v, date));
    if (!current) refuse(clauseId, whyNoneInForce(versions, date), field);
    return { clauseId, version: current.version };
  }
  const label = `${clauseId} v${version}`;
  const chosen = versions.find((v) => v.version === version);
  if (!chosen) refuse(label, 'unknown (no such version)', field);
  if (!isInForceOn(chosen, date)) refuse(label, whyNotInForce(chosen, versions, date), field);
  return { clauseId, version };
}

function citationFacts(facts: CitationFacts, clauseId: string): readonly CitedClauseVersion[] | null {
  // A cited clause without facts is the application layer's omission, not the officer's mistake.
  if (!Object.prototype.hasOwnProperty.call(facts.citedClauses, clauseId)) throw new Error(`facts.citedClauses has no entry for ${clauseId}`);
  return facts.citedClauses[clauseId];
}

/**
 * The citations as entered, checked for shape alone: at least one, at most LIST_LIMITS.citations,
 * each a clause id, each clause once. The application layer calls it before loading the clauses'
 * histories, so a malformed or overlong list costs no reads.
 */
export function checkedCitationInputs(input: unknown): CitationInput[] {
  const citations = boundedList(input, 'citations', LIST_LIMITS.citations, 1) as CitationInput[];
  const seen = new Set<string>();
  citations.forEach((citation, index) => {
    const clauseId: unknown = citation?.clauseId;
    if (typeof clauseId !== 'string' || parseClauseId(clauseId) === null) {
      throw badInput(`citations[${index}].clauseId must look like CB17-0766#sec_2__subsec_b, got ${JSON.stringify(clauseId)}`, `citations[${index}].clauseId`);
    }
    if (seen.has(clauseId)) throw badInput(`citations cite ${clauseId} twice`, 'citations');
    seen.add(clauseId);
  });
  return citations;
}

/** Every citation of a decision: well formed (checkedCitationInputs), each in force on the date. */
export function checkedCitations(input: unknown, facts: CitationFacts, date: string): Citation[] {
  return checkedCitationInputs(input).map((citation, index) => citedVersion(citation, citationFacts(facts, citation.clauseId), date, `citations[${index}]`));
}
