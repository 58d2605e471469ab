import { EXECUTIVE_ORDER, ORDINANCE, mayor } from '@ledger/scenarios';
import { metadata } from '@ledger/decider-testing';
import { COMMITTEE, COMMITTEE_MEMBERS, COUNCIL, COUNCIL_MEMBERS, MAYOR, MAYORS_OFFICE } from '../../organization/testing/denver.fixtures';
import type { CommandMetadata } from '../../shared/decider';
import type { ActorOffices } from '../../organization/organization.facts';
import type { ClauseInput, MayorFacts, MeasureCommand } from '../measure.commands';
import { measureDecider } from '../measure.decider';
import type { MeasureEvent, RollCallEntry, VoteChoice, VoteMotion, VoteRecorded, VoteResult } from '../measure.events';
import { voteId } from '../measure.ids';
import type { MeasureState } from '../measure.state';

/*
 * Denver's 2017 Public Safety Enforcement Priority Act as a measure stream: introduced and referred
 * on 1 August, through committee on the 9th, first reading on the 21st, final passage (10-0) on the
 * 28th, signed on the 31st. Dates are the acts' UTC days.
 */

export * from '../../organization/testing/denver.fixtures';

export const MEASURE = ORDINANCE;
export const OTHER_MEASURE = 'CB18-0100';
export const RESOLUTION = 'CR17-0800';
export { EXECUTIVE_ORDER };

export function clerkOn(date: string): CommandMetadata {
  return metadata(`${date}T23:40:00Z`);
}

export function mayorOn(date: string): CommandMetadata {
  return { actor: mayor, occurredAt: `${date}T22:00:00Z`, now: '2026-11-22T12:00:00Z' };
}

export const mayorOffices: ActorOffices = [{ orgId: MAYORS_OFFICE, orgKind: 'EXECUTIVE', role: 'mayor' }];

/** The acting person's offices on the act's date and, unless said otherwise, the same on the recording date. */
export function mayorFacts(onActDate: ActorOffices = mayorOffices, now: ActorOffices = onActDate): MayorFacts {
  return { actorOffices: onActDate, actorOfficesNow: now };
}

/** A stored event as the application folds it: the payload with its envelope's occurredAt. */
export function on<E extends MeasureEvent>(date: string, event: E): E {
  return { ...event, occurredAt: `${date}T23:40:00Z` };
}

export const releaseRule = {
  effect: 'prohibit' as const,
  action: 'share',
  dataCategories: ['release-date-time'],
  recipients: ['federal-immigration-enforcement'],
  unless: ['judicial-warrant'],
};

export const clauseInputs: ClauseInput[] = [
  { eId: 'sec_1', heading: ' Short title ', text: ' Public Safety Enforcement Priority Act. ' },
  {
    eId: 'sec_2__subsec_b',
    text: 'No city employee shall share the release date or time of a person in custody for immigration enforcement.',
    rule: releaseRule,
  },
];

export const introducedClauses = [
  { eId: 'sec_1', heading: 'Short title', text: 'Public Safety Enforcement Priority Act.', rule: null },
  { eId: 'sec_2__subsec_b', heading: null, text: clauseInputs[1].text, rule: releaseRule },
];

/** A roll call of the given members: the named choices, everyone else ABSENT, sorted by personId. */
export function roll(members: readonly string[], choices: Partial<Record<VoteChoice, readonly string[]>>): RollCallEntry[] {
  const choiceOf = (personId: string) => (Object.keys(choices) as VoteChoice[]).find((choice) => choices[choice]?.includes(personId)) ?? 'ABSENT';
  return [...members].sort().map((personId) => ({ personId, choice: choiceOf(personId) }));
}

export function voteRecorded(date: string, ordinal: number, motion: VoteMotion, result: VoteResult, measureId = MEASURE): VoteRecorded {
  const bodyId = motion === 'committee-passage' ? COMMITTEE : COUNCIL;
  const members = bodyId === COMMITTEE ? COMMITTEE_MEMBERS : COUNCIL_MEMBERS;
  const rollCall = roll(members, result === 'PASSED' ? { YES: members } : { NO: members });
  const yes = result === 'PASSED' ? members.length : 0;
  return on(date, {
    type: 'VoteRecorded',
    data: {
      measureId,
      voteId: voteId(measureId, ordinal),
      bodyId,
      motion,
      rollCall,
      tally: { yes, no: members.length - yes, abstain: 0, absent: 0, recused: 0 },
      threshold: motion === 'veto-override' ? 'at-least-9-of-13-members' : 'majority-of-present',
      result,
      amendment: null,
      reconsidersVoteId: null,
    },
  });
}

const introducedEvent = on<MeasureEvent>('2017-08-01', {
  type: 'MeasureIntroduced',
  data: {
    measureId: MEASURE,
    kind: 'ORDINANCE',
    title: 'Public Safety Enforcement Priority Act',
    summary: null,
    bodyId: COUNCIL,
    sponsorIds: ['person:paul-lopez', 'person:robin-kniech'],
    clauses: introducedClauses,
  },
});

/** The ordinance's stream at each stage of its life, each list extending the one before. */
export const ordinance = (() => {
  const introduced = [introducedEvent];
  const inCommittee = [...introduced, on<MeasureEvent>('2017-08-01', { type: 'MeasureReferred', data: { measureId: MEASURE, committeeId: COMMITTEE } })];
  const reported = [...inCommittee, voteRecorded('2017-08-09', 1, 'committee-passage', 'PASSED')];
  const firstReadingPassed = [...reported, voteRecorded('2017-08-21', 2, 'first-reading', 'PASSED')];
  const passed = [...firstReadingPassed, voteRecorded('2017-08-28', 3, 'final-passage', 'PASSED')];
  const signed = [...passed, on<MeasureEvent>('2017-08-31', { type: 'MeasureSigned', data: { measureId: MEASURE, signedBy: MAYOR } })];
  const enacted = [...signed, on<MeasureEvent>('2017-08-31', { type: 'MeasureEnacted', data: { measureId: MEASURE, effectiveFrom: '2017-09-01' } })];
  const vetoed = [...passed, on<MeasureEvent>('2017-08-31', { type: 'MeasureVetoed', data: { measureId: MEASURE, vetoedBy: MAYOR, reason: 'r' } })];
  const overridden = [...vetoed, voteRecorded('2017-09-11', 4, 'veto-override', 'PASSED')];
  const withdrawn = [...introduced, on<MeasureEvent>('2017-08-02', { type: 'MeasureWithdrawn', data: { measureId: MEASURE, reason: 'r' } })];
  const failed = [...firstReadingPassed, voteRecorded('2017-08-28', 3, 'final-passage', 'FAILED')];
  const repealed = [
    ...enacted,
    on<MeasureEvent>('2018-06-01', { type: 'MeasureRepealed', data: { measureId: MEASURE, byMeasureId: OTHER_MEASURE, effectiveUntil: '2018-07-01' } }),
  ];
  return { introduced, inCommittee, reported, firstReadingPassed, passed, signed, enacted, vetoed, overridden, withdrawn, failed, repealed };
})();

export const executiveOrder = (() => {
  const drafted = [
    on<MeasureEvent>('2017-08-08', {
      type: 'ExecutiveOrderDrafted',
      data: { measureId: EXECUTIVE_ORDER, title: 'Executive Order 142', summary: null, officeId: MAYORS_OFFICE, issuerId: MAYOR, clauses: introducedClauses },
    }),
  ];
  const issued = [
    ...drafted,
    on<MeasureEvent>('2017-08-31', { type: 'ExecutiveOrderIssued', data: { measureId: EXECUTIVE_ORDER, issuedBy: MAYOR, effectiveFrom: '2017-08-31' } }),
  ];
  const revoked = [
    ...issued,
    on<MeasureEvent>('2018-01-10', {
      type: 'ExecutiveOrderRevoked',
      data: { measureId: EXECUTIVE_ORDER, revokedBy: MAYOR, effectiveUntil: '2018-01-11', reason: 'r' },
    }),
  ];
  return { drafted, issued, revoked };
})();

/** Runs commands as the application layer would: decide on the folded stream, append with the act's time. */
export function record(history: MeasureEvent[], commands: MeasureCommand[]): { events: MeasureEvent[]; state: MeasureState } {
  const events = [...history];
  for (const command of commands) {
    const state = events.reduce(measureDecider.evolve, measureDecider.initialState);
    events.push(...measureDecider.decide(command, state).map((event) => ({ ...event, occurredAt: command.metadata.occurredAt })));
  }
  return { events, state: events.reduce(measureDecider.evolve, measureDecider.initialState) };
}

export function stateOf(history: MeasureEvent[]): MeasureState {
  return history.reduce(measureDecider.evolve, measureDecider.initialState);
}
