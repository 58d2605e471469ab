import { namedOrganization } from '../organization/organization.facts';
import { assertPersonId } from '../person/person.ids';
import { assertNever, type Decider } from '../shared/decider';
import { actDate, calendarDate } from '../shared/date-rules';
import { badInput, conflict, notFound } from '../shared/domain-error';
import { boundedList, firstDuplicate, LIST_LIMITS } from '../shared/list-limits';
import { optionalText, requiredText } from '../shared/text-rules';
import { clauseEvent, introducedClauses, validClauseChange } from './measure.clause-rules';
import type {
  AmendByMeasure,
  EnactMeasure,
  IntroduceMeasure,
  MeasureCommand,
  ReferMeasure,
  RepealMeasure,
  SignMeasure,
  VetoMeasure,
  WithdrawMeasure,
} from './measure.commands';
import type { MeasureEvent } from './measure.events';
import {
  assertInOrder,
  actingMayor,
  assertKind,
  assertNewMeasure,
  assertStage,
  enactedOtherMeasure,
  recordedMeasure,
} from './measure.guards';
import { evolveMeasure, initialMeasureState, type MeasureStage, type MeasureState, type RecordedMeasure } from './measure.state';
import { draftExecutiveOrder, issueExecutiveOrder, revokeExecutiveOrder } from './executive-order.decider';
import { recordVote } from './record-vote.decider';
import { correctVote, explainVote, recordQuorumFailure } from './vote-record.decider';

const TITLE_MAX = 500;
const SUMMARY_MAX = 5000;
const REASON_MAX = 1000;
const LEGISLATIVE: readonly RecordedMeasure['kind'][] = ['ORDINANCE', 'RESOLUTION'];
const BEFORE_PASSAGE: readonly MeasureStage[] = ['introduced', 'in-committee', 'reported', 'first-reading-passed'];

/** The measure a command acts on, and the date of the act. */
function actingOn(command: { data: { measureId: string }; metadata: MeasureCommand['metadata'] }, state: MeasureState) {
  const measure = recordedMeasure(state, command.data.measureId);
  return { measure, date: actDate(command.metadata) };
}

/**
 * The sponsors as entered, checked for shape alone: one to LIST_LIMITS.sponsors person ids, each
 * once. The application layer calls it before looking each sponsor up in the directory.
 */
export function checkedSponsorIds(value: unknown): string[] {
  const sponsorIds = boundedList(value, 'sponsorIds', LIST_LIMITS.sponsors, 1);
  sponsorIds.forEach((id) => assertPersonId(id));
  const duplicate = firstDuplicate(sponsorIds as string[]);
  if (duplicate !== undefined) throw badInput(`sponsorIds list ${duplicate} twice`, 'sponsorIds');
  return sponsorIds as string[];
}

function sponsors(value: unknown, unknownPersonIds: string[]): string[] {
  const sponsorIds = checkedSponsorIds(value);
  const unknown = sponsorIds.filter((id) => unknownPersonIds.includes(id));
  if (unknown.length > 0) throw notFound(`sponsors not registered: ${unknown.join(', ')}`, 'sponsorIds');
  return sponsorIds;
}

function introduce(command: IntroduceMeasure, state: MeasureState): MeasureEvent[] {
  const { measureId, kind, bodyId } = command.data;
  assertNewMeasure(state, measureId);
  // The first act fixes the date every later act is checked against, so it must have one.
  actDate(command.metadata);
  if (!LEGISLATIVE.includes(kind)) throw badInput(`kind must be ORDINANCE or RESOLUTION (executive orders are drafted), got ${JSON.stringify(kind)}`, 'kind');
  const title = requiredText(command.data.title, 'title', TITLE_MAX);
  const summary = optionalText(command.data.summary, 'summary', SUMMARY_MAX);
  const body = namedOrganization(command.facts.body, bodyId, 'bodyId');
  if (body.kind !== 'LEGISLATURE') throw badInput(`a measure is introduced in a LEGISLATURE; ${bodyId} is a ${body.kind}`, 'bodyId');
  const sponsorIds = sponsors(command.data.sponsorIds, command.facts.unknownPersonIds);
  const clauses = introducedClauses(command.data.clauses);
  return [{ type: 'MeasureIntroduced', data: { measureId, kind, title, summary, bodyId, sponsorIds, clauses } }];
}

function refer(command: ReferMeasure, state: MeasureState): MeasureEvent[] {
  const { measure, date } = actingOn(command, state);
  assertKind(measure, LEGISLATIVE, 'refer');
  assertStage(measure, ['introduced'], 'refer');
  assertInOrder(measure, date);
  const committee = namedOrganization(command.facts.committee, command.data.committeeId, 'committeeId');
  if (committee.kind !== 'COMMITTEE') throw badInput(`${committee.orgId} is a ${committee.kind}, not a COMMITTEE`, 'committeeId');
  if (committee.parentId !== measure.bodyId) {
    throw badInput(`${committee.orgId} is a committee of ${committee.parentId}, not of ${measure.bodyId}`, 'committeeId');
  }
  return [{ type: 'MeasureReferred', data: { measureId: measure.measureId, committeeId: committee.orgId } }];
}

function sign(command: SignMeasure, state: MeasureState): MeasureEvent[] {
  const { measure, date } = actingOn(command, state);
  assertKind(measure, ['ORDINANCE'], 'sign');
  const signedBy = actingMayor(command, 'sign an ordinance');
  assertStage(measure, ['passed'], 'sign');
  assertInOrder(measure, date);
  return [{ type: 'MeasureSigned', data: { measureId: measure.measureId, signedBy } }];
}

function veto(command: VetoMeasure, state: MeasureState): MeasureEvent[] {
  const { measure, date } = actingOn(command, state);
  assertKind(measure, ['ORDINANCE'], 'veto');
  const vetoedBy = actingMayor(command, 'veto an ordinance');
  assertStage(measure, ['passed'], 'veto');
  assertInOrder(measure, date);
  const reason = requiredText(command.data.reason, 'reason', REASON_MAX);
  return [{ type: 'MeasureVetoed', data: { measureId: measure.measureId, vetoedBy, reason } }];
}

function enact(command: EnactMeasure, state: MeasureState): MeasureEvent[] {
  const { measure, date } = actingOn(command, state);
  assertKind(measure, ['ORDINANCE'], 'enact');
  assertStage(measure, ['signed', 'overridden'], 'enact');
  assertInOrder(measure, date);
  const effectiveFrom = calendarDate(command.data.effectiveFrom, 'effectiveFrom');
  // At stage signed or overridden the last act is the signature or the override.
  const approvedOn = measure.lastActionDate;
  if (approvedOn !== null && effectiveFrom < approvedOn) {
    throw badInput(`effectiveFrom ${effectiveFrom} is before the ${measure.stage === 'signed' ? 'signature' : 'override'} on ${approvedOn}`, 'effectiveFrom');
  }
  return [{ type: 'MeasureEnacted', data: { measureId: measure.measureId, effectiveFrom } }];
}

function withdraw(command: WithdrawMeasure, state: MeasureState): MeasureEvent[] {
  const { measure, date } = actingOn(command, state);
  assertStage(measure, BEFORE_PASSAGE, 'withdraw');
  assertInOrder(measure, date);
  const reason = requiredText(command.data.reason, 'reason', REASON_MAX);
  return [{ type: 'MeasureWithdrawn', data: { measureId: measure.measureId, reason } }];
}

// An executive order ends by the mayor's revocation; only ordinances and resolutions are repealed or amended by measure.
function assertChangedByMeasure(measure: RecordedMeasure, action: string): void {
  if (measure.kind === 'EXECUTIVE_ORDER') throw conflict(`cannot ${action} ${measure.measureId}: an executive order changes only by the mayor's own acts`);
}

function assertNotBefore(date: string, earliest: string | null, field: string, what: string): void {
  if (earliest !== null && date < earliest) throw badInput(`${field} ${date} is before ${what} ${earliest}`, field);
}

function repeal(command: RepealMeasure, state: MeasureState): MeasureEvent[] {
  const { measure, date } = actingOn(command, state);
  assertChangedByMeasure(measure, 'repeal');
  assertStage(measure, ['enacted'], 'repeal');
  assertInOrder(measure, date);
  const by = enactedOtherMeasure(command.facts.byMeasure, command.data.byMeasureId, measure);
  const effectiveUntil = calendarDate(command.data.effectiveUntil, 'effectiveUntil');
  if (measure.effectiveFrom !== null && effectiveUntil <= measure.effectiveFrom) {
    throw badInput(`effectiveUntil ${effectiveUntil} must be after ${measure.measureId}'s effectiveFrom ${measure.effectiveFrom}`, 'effectiveUntil');
  }
  assertNotBefore(effectiveUntil, by.effectiveFrom, 'effectiveUntil', `${by.measureId} is in force from`);
  return [{ type: 'MeasureRepealed', data: { measureId: measure.measureId, byMeasureId: by.measureId, effectiveUntil } }];
}

function amendByMeasure(command: AmendByMeasure, state: MeasureState): MeasureEvent[] {
  const { measure, date } = actingOn(command, state);
  assertChangedByMeasure(measure, 'amend');
  if (BEFORE_PASSAGE.includes(measure.stage)) {
    throw conflict(`${measure.measureId} is not enacted (it is ${measure.stage}): before enactment it is amended by an amendment vote`);
  }
  assertStage(measure, ['enacted'], 'amend');
  assertInOrder(measure, date);
  const by = enactedOtherMeasure(command.facts.byMeasure, command.data.byMeasureId, measure);
  const effectiveFrom = calendarDate(command.data.effectiveFrom, 'effectiveFrom');
  assertNotBefore(effectiveFrom, measure.effectiveFrom, 'effectiveFrom', `${measure.measureId} is in force from`);
  assertNotBefore(effectiveFrom, by.effectiveFrom, 'effectiveFrom', `${by.measureId} is in force from`);
  const change = validClauseChange(command.data, measure.clauses, measure.measureId, '');
  return [clauseEvent(measure.measureId, change, measure.clauses, { adoptedByVoteId: null, byMeasureId: by.measureId, effectiveFrom })];
}

export const measureDecider: Decider<MeasureCommand, MeasureEvent, MeasureState> = {
  initialState: initialMeasureState,
  evolve: evolveMeasure,
  decide(command, state) {
    switch (command.type) {
      case 'IntroduceMeasure':
        return introduce(command, state);
      case 'ReferMeasure':
        return refer(command, state);
      case 'RecordVote':
        return recordVote(command, state);
      case 'CorrectVote':
        return correctVote(command, state);
      case 'ExplainVote':
        return explainVote(command, state);
      case 'RecordQuorumFailure':
        return recordQuorumFailure(command, state);
      case 'SignMeasure':
        return sign(command, state);
      case 'VetoMeasure':
        return veto(command, state);
      case 'EnactMeasure':
        return enact(command, state);
      case 'WithdrawMeasure':
        return withdraw(command, state);
      case 'RepealMeasure':
        return repeal(command, state);
      case 'AmendByMeasure':
        return amendByMeasure(command, state);
      case 'DraftExecutiveOrder':
        return draftExecutiveOrder(command, state);
      case 'IssueExecutiveOrder':
        return issueExecutiveOrder(command, state);
      case 'RevokeExecutiveOrder':
        return revokeExecutiveOrder(command, state);
      default:
        return assertNever(command);
    }
  },
};
