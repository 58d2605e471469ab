import type { CommandMetadata } from '../shared/decider';
import { badInput, conflict, notFound } from '../shared/domain-error';
import { officeholderActing, type OnBehalfOf } from '../shared/officeholder';
import type { ActorOffices } from '../organization/organization.facts';
import type { MayorFacts, MeasureFacts } from './measure.commands';
import { assertMeasureId, assertNewMeasureId } from './measure.ids';
import type { MeasureKind, MeasureStage, MeasureState, RecordedMeasure } from './measure.state';

// The checks most measure commands share; each throws the refusal libs/domain/README.md names.

export function recordedMeasure(state: MeasureState, measureId: unknown): RecordedMeasure {
  assertMeasureId(measureId);
  if (!state.exists) throw notFound(`${measureId} is not recorded`, 'measureId');
  return state;
}

export function assertNewMeasure(state: MeasureState, measureId: unknown): asserts measureId is string {
  assertNewMeasureId(measureId);
  if (state.exists) throw conflict(`${measureId} is already recorded`, 'measureId');
}

/** The record is a history: an act dated before the last recorded one would rewrite it. */
export function assertInOrder(measure: RecordedMeasure, date: string): void {
  if (measure.lastActionDate !== null && date < measure.lastActionDate) {
    throw badInput(`${date} is before the measure's last action on ${measure.lastActionDate}`, 'occurredAt');
  }
}

const KIND_NAMES: Record<MeasureKind, string> = { ORDINANCE: 'an ordinance', RESOLUTION: 'a resolution', EXECUTIVE_ORDER: 'an executive order' };

export function assertKind(measure: RecordedMeasure, kinds: readonly MeasureKind[], action: string): void {
  if (!kinds.includes(measure.kind)) throw conflict(`cannot ${action} ${measure.measureId}: it is ${KIND_NAMES[measure.kind]}`);
}

export function assertStage(measure: RecordedMeasure, stages: readonly MeasureStage[], action: string): void {
  if (!stages.includes(measure.stage)) {
    throw conflict(`cannot ${action} ${measure.measureId}: it is ${measure.stage} (needs ${stages.join(' or ')})`);
  }
}

/**
 * A mayor's act (signature, veto, executive orders): by the mayor in office, or recorded by a clerk
 * on behalf of whoever held the office on the act's date (shared/officeholder.ts). "The mayor" is
 * the role `mayor` in an EXECUTIVE organization (in `officeId` when the act names its office), not
 * the account's role alone. Returns the mayor's person id, which the event names.
 */
export function actingMayor(command: { metadata: CommandMetadata; data: OnBehalfOf; facts: MayorFacts }, action: string, officeId?: string): string {
  const holds = (offices: ActorOffices) =>
    offices.some((office) => office.role === 'mayor' && office.orgKind === 'EXECUTIVE' && (officeId === undefined || office.orgId === officeId));
  return officeholderActing(command.metadata, command.data.onBehalfOf, {
    role: 'mayor',
    refusal: `only the mayor may ${action}`,
    notHeld: (person, date) => `only the mayor may ${action}: ${person} does not hold the office of mayor${officeId ? ` of ${officeId}` : ''} on ${date}`,
    heldOnActDate: holds(command.facts.actorOffices),
    heldWhenRecorded: holds(command.facts.actorOfficesNow),
  });
}

/** The other measure that repeals or amends this one: an enacted ordinance or resolution. */
export function enactedOtherMeasure(fact: MeasureFacts | null, byMeasureId: unknown, measure: RecordedMeasure): MeasureFacts & { effectiveFrom: string } {
  assertMeasureId(byMeasureId, 'byMeasureId');
  if (byMeasureId === measure.measureId) throw badInput(`${byMeasureId} cannot repeal or amend itself`, 'byMeasureId');
  if (fact === null) throw notFound(`${byMeasureId} is not recorded`, 'byMeasureId');
  if (fact.measureId !== byMeasureId) throw new Error(`facts describe ${fact.measureId}, not ${byMeasureId}`);
  if (fact.kind === 'EXECUTIVE_ORDER') {
    throw badInput(`${byMeasureId} is an executive order; only an ordinance or resolution changes ${measure.measureId}`, 'byMeasureId');
  }
  if (fact.stage !== 'enacted' || fact.effectiveFrom === null) throw badInput(`${byMeasureId} is not enacted (it is ${fact.stage})`, 'byMeasureId');
  return { ...fact, effectiveFrom: fact.effectiveFrom };
}
