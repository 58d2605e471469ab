/** Clause ids are `<measure id>#<eId>` (ledger.graphql, Conventions). */
export function clauseIdOf(measureId: string, eId: string): string {
  return `${measureId}#${eId}`;
}

const CLAUSE_ID = /^([A-Za-z0-9][A-Za-z0-9-]{1,39})#([a-z]+_[a-z0-9]+(?:__[a-z]+_[a-z0-9]+)*)$/;
const MEASURE_ID = /^[A-Za-z0-9][A-Za-z0-9-]{1,39}$/;
const VOTE_ID = /^vote:[A-Za-z0-9][A-Za-z0-9-]{1,39}:[1-9][0-9]*$/;

/** null when the id is not shaped like a clause id */
export function parseClauseId(id: string): { measureId: string; eId: string } | null {
  const match = CLAUSE_ID.exec(id);
  return match ? { measureId: match[1], eId: match[2] } : null;
}

export const isMeasureId = (id: string): boolean => MEASURE_ID.test(id);
export const isVoteId = (id: string): boolean => VOTE_ID.test(id);
