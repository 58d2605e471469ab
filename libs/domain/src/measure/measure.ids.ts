import { badInput } from '../shared/domain-error';

// The clerk's own numbering: CB17-0766 (council bill), EO-2017-001 (executive order).
const MEASURE_ID = /^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/;
// Akoma Ntoso eIds: sec_2, sec_2__subsec_b, sec_2__subsec_b__para_1.
const E_ID = /^[a-z]+_[a-z0-9]+(__[a-z]+_[a-z0-9]+)*$/;
const E_ID_MAX = 200;
// Event ids are uuids; a measure id of that shape would read as an event's wherever any node id is
// accepted (node, trace), so the clerk's numbering must never take it.
const UUID_SHAPED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VOTE_ID = /^vote:([A-Za-z0-9][A-Za-z0-9-]{1,39}):([1-9][0-9]*)$/;

/** Whether an id is shaped like a measure's: the one grammar the write side checks and the read side looks up by. */
export function isMeasureId(id: unknown): id is string {
  return typeof id === 'string' && MEASURE_ID.test(id);
}

export function isEId(eId: unknown): eId is string {
  return typeof eId === 'string' && eId.length <= E_ID_MAX && E_ID.test(eId);
}

export function isVoteId(id: unknown): id is string {
  return typeof id === 'string' && VOTE_ID.test(id);
}

export function assertMeasureId(measureId: unknown, field = 'measureId'): asserts measureId is string {
  if (!isMeasureId(measureId)) {
    throw badInput(`${field} must be 2 to 40 letters, digits or dashes such as CB17-0766, got ${JSON.stringify(measureId)}`, field);
  }
}

/**
 * The id of a measure being recorded for the first time: the grammar above, and not shaped like a
 * uuid. Commands on an existing measure take any id of the grammar, so that measures recorded
 * before this rule stay reachable.
 */
export function assertNewMeasureId(measureId: unknown, field = 'measureId'): asserts measureId is string {
  assertMeasureId(measureId, field);
  if (UUID_SHAPED.test(measureId)) {
    throw badInput(`${field} must be the clerk's own number such as CB17-0766, not shaped like a uuid (that is an event id), got ${JSON.stringify(measureId)}`, field);
  }
}

export function assertEId(eId: unknown, field = 'eId'): asserts eId is string {
  if (!isEId(eId)) {
    throw badInput(`${field} must be an Akoma Ntoso eId such as sec_2__subsec_b, got ${JSON.stringify(eId)}`, field);
  }
}

/** CB17-0766 -> measure-CB17-0766 (docs/ARCHITECTURE.md, "Streams"). */
export function measureStreamId(measureId: string): string {
  assertMeasureId(measureId);
  return `measure-${measureId}`;
}

/** CB17-0766 + sec_2 -> CB17-0766#sec_2, the clause's public id. */
export function clauseId(measureId: string, eId: string): string {
  return `${measureId}#${eId}`;
}

/** CB17-0766#sec_2 -> { measureId: CB17-0766, eId: sec_2 }; null for anything that is not a clause id. */
export function parseClauseId(id: string): { measureId: string; eId: string } | null {
  const hash = id.indexOf('#');
  if (hash < 0) return null;
  const measureId = id.slice(0, hash);
  const eId = id.slice(hash + 1);
  return isMeasureId(measureId) && isEId(eId) ? { measureId, eId } : null;
}

/** The n-th vote on a measure (1-based): vote:CB17-0766:3. */
export function voteId(measureId: string, ordinal: number): string {
  return `vote:${measureId}:${ordinal}`;
}

/** vote:CB17-0766:3 -> { measureId: CB17-0766, ordinal: 3 }; null for anything else. */
export function parseVoteId(id: string): { measureId: string; ordinal: number } | null {
  const match = VOTE_ID.exec(id);
  return match ? { measureId: match[1], ordinal: Number(match[2]) } : null;
}
