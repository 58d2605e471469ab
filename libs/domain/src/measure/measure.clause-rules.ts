import { assertNever } from '../shared/decider';
import { badInput, conflict } from '../shared/domain-error';
import { boundedList, firstDuplicate, LIST_LIMITS } from '../shared/list-limits';
import { optionalText, requiredSlug, requiredText, slugList } from '../shared/text-rules';
import type { ClauseChangeInput, ClauseInput, ClauseRuleInput } from './measure.commands';
import type { ClauseChange, ClauseEvent, ClauseRule, IntroducedClause } from './measure.events';
import { assertEId } from './measure.ids';
import type { ClauseTrack } from './measure.state';

// The limits of the event schemas, so a refusal names the field before the schema check would.
const HEADING_MAX = 300;
const TEXT_MAX = 20000;
const EFFECTS: readonly ClauseRule['effect'][] = ['prohibit', 'permit', 'require'];
const CHANGES: readonly ClauseChange['change'][] = ['amend', 'add', 'strike'];

/** A validated clause change: a strike carries nothing, amend and add carry the whole new version. */
export type ValidClauseChange =
  { change: 'strike'; eId: string } | { change: 'amend' | 'add'; eId: string; heading: string | null; text: string; rule: ClauseRule | null };

/** Who made a clause change and from when: a vote on the floor, or another measure from a date. */
export interface ChangeProvenance {
  adoptedByVoteId: string | null;
  byMeasureId: string | null;
  effectiveFrom: string | null;
}

export function clauseRule(input: ClauseRuleInput | null | undefined, field: string): ClauseRule | null {
  if (input === undefined || input === null) return null;
  if (!EFFECTS.includes(input.effect)) {
    throw badInput(`${field}.effect must be one of ${EFFECTS.join(', ')}, got ${JSON.stringify(input.effect)}`, `${field}.effect`);
  }
  return {
    effect: input.effect,
    action: requiredSlug(input.action, `${field}.action`),
    dataCategories: slugList(input.dataCategories, `${field}.dataCategories`),
    recipients: slugList(input.recipients, `${field}.recipients`),
    unless: slugList(input.unless, `${field}.unless`),
  };
}

function introducedClause(input: ClauseInput, field: string): IntroducedClause {
  assertEId(input.eId, `${field}.eId`);
  return {
    eId: input.eId,
    heading: optionalText(input.heading, `${field}.heading`, HEADING_MAX),
    text: requiredText(input.text, `${field}.text`, TEXT_MAX),
    rule: clauseRule(input.rule, `${field}.rule`),
  };
}

/** The clauses of a new measure: at least one, each eId once. */
export function introducedClauses(input: unknown): IntroducedClause[] {
  const clauses = boundedList(input, 'clauses', LIST_LIMITS.clauses, 1).map((clause, index) => introducedClause(clause as ClauseInput, `clauses[${index}]`));
  const duplicate = firstDuplicate(clauses.map((clause) => clause.eId));
  if (duplicate !== undefined) throw badInput(`clauses list the eId ${duplicate} twice`, 'clauses');
  return clauses;
}

// amend and strike need a live clause; add needs an eId the measure has never used.
function assertChangeFits(change: ClauseChange['change'], eId: string, track: ClauseTrack | undefined, measureId: string, field: string): void {
  if (change === 'add') {
    if (track) throw conflict(`${measureId} already has a clause ${eId}${track.struck ? ' (struck)' : ''}; add needs a new eId`, field);
    return;
  }
  if (!track) throw badInput(`${measureId} has no clause ${eId}`, field);
  if (track.struck) throw conflict(`clause ${eId} of ${measureId} was struck; it cannot be changed any more`, field);
}

/** Checks a proposed change against the measure's clauses; prefix names the input ("amendment." or ""). */
export function validClauseChange(input: ClauseChangeInput, clauses: ReadonlyMap<string, ClauseTrack>, measureId: string, prefix: string): ValidClauseChange {
  const { change, eId } = input;
  if (!CHANGES.includes(change)) throw badInput(`${prefix}change must be one of ${CHANGES.join(', ')}, got ${JSON.stringify(change)}`, `${prefix}change`);
  assertEId(eId, `${prefix}eId`);
  assertChangeFits(change, eId, clauses.get(eId), measureId, `${prefix}eId`);
  if (change === 'strike') {
    if ([input.heading, input.text, input.rule].some((value) => value !== undefined && value !== null)) {
      throw badInput('striking a clause takes no heading, text or rule', `${prefix}change`);
    }
    return { change, eId };
  }
  return {
    change,
    eId,
    heading: optionalText(input.heading, `${prefix}heading`, HEADING_MAX),
    text: requiredText(input.text, `${prefix}text`, TEXT_MAX),
    rule: clauseRule(input.rule, `${prefix}rule`),
  };
}

/** The change as a vote records what it proposes. */
export function recordedChange(change: ValidClauseChange): ClauseChange {
  return change.change === 'strike' ? { change: 'strike', eId: change.eId, heading: null, text: null, rule: null } : { ...change };
}

/** The clause event that puts the change into the measure, numbered after the clause's latest version. */
export function clauseEvent(
  measureId: string,
  change: ValidClauseChange,
  clauses: ReadonlyMap<string, ClauseTrack>,
  provenance: ChangeProvenance,
): ClauseEvent {
  const version = (clauses.get(change.eId)?.latestVersion ?? 0) + 1;
  switch (change.change) {
    case 'add':
    case 'amend': {
      const { eId, heading, text, rule } = change;
      const data = { measureId, eId, version, heading, text, rule, ...provenance };
      return change.change === 'add' ? { type: 'ClauseAdded', data } : { type: 'ClauseAmended', data };
    }
    case 'strike':
      return { type: 'ClauseStruck', data: { measureId, eId: change.eId, version, ...provenance } };
    default:
      return assertNever(change);
  }
}
