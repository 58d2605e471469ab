import { deciderSpec } from '@ledger/decider-testing';
import type { CommandMetadata } from '../shared/decider';
import type { MayorFacts, MeasureCommand } from './measure.commands';
import { measureDecider } from './measure.decider';
import type { MeasureEvent } from './measure.events';
import {
  clauseInputs,
  clerkOn,
  EXECUTIVE_ORDER,
  executiveOrder,
  introducedClauses,
  MAYOR,
  mayorFacts,
  mayorOffices,
  MAYORS_OFFICE,
  mayorOn,
  MEASURE,
  ordinance,
} from './testing/measure.fixtures';

/*
 * Who may record the mayor's acts (libs/domain/README.md, "Office holders' acts"): the mayor in
 * office, on the act's date and on the day it is recorded; or a clerk, on behalf of whoever held
 * the office on the act's date. The same rules for each of the five acts.
 */

const spec = deciderSpec(measureDecider);
const COUNCIL_MEMBER = 'person:paul-lopez';

interface MayorAct {
  /** the measure's stream before the act */
  given: MeasureEvent[];
  date: string;
  command(metadata: CommandMetadata, facts: MayorFacts, onBehalfOf?: string | null): MeasureCommand;
  /** what the act records, naming the mayor whose act it is */
  recorded(mayor: string): MeasureEvent;
}

const ACTS: Record<string, MayorAct> = {
  'a signature': {
    given: ordinance.passed,
    date: '2017-08-31',
    command: (metadata, facts, onBehalfOf) => ({ type: 'SignMeasure', data: { measureId: MEASURE, onBehalfOf }, facts, metadata }),
    recorded: (mayor) => ({ type: 'MeasureSigned', data: { measureId: MEASURE, signedBy: mayor } }),
  },
  'a veto': {
    given: ordinance.passed,
    date: '2017-08-31',
    command: (metadata, facts, onBehalfOf) => ({ type: 'VetoMeasure', data: { measureId: MEASURE, reason: 'r', onBehalfOf }, facts, metadata }),
    recorded: (mayor) => ({ type: 'MeasureVetoed', data: { measureId: MEASURE, vetoedBy: mayor, reason: 'r' } }),
  },
  'an executive order drafted': {
    given: [],
    date: '2017-08-08',
    command: (metadata, facts, onBehalfOf) => ({
      type: 'DraftExecutiveOrder',
      data: { measureId: EXECUTIVE_ORDER, title: 'Executive Order 142', officeId: MAYORS_OFFICE, clauses: clauseInputs, onBehalfOf },
      facts,
      metadata,
    }),
    recorded: (mayor) => ({
      type: 'ExecutiveOrderDrafted',
      data: { measureId: EXECUTIVE_ORDER, title: 'Executive Order 142', summary: null, officeId: MAYORS_OFFICE, issuerId: mayor, clauses: introducedClauses },
    }),
  },
  'an executive order issued': {
    given: executiveOrder.drafted,
    date: '2017-08-31',
    command: (metadata, facts, onBehalfOf) => ({ type: 'IssueExecutiveOrder', data: { measureId: EXECUTIVE_ORDER, effectiveFrom: '2017-08-31', onBehalfOf }, facts, metadata }),
    recorded: (mayor) => ({ type: 'ExecutiveOrderIssued', data: { measureId: EXECUTIVE_ORDER, issuedBy: mayor, effectiveFrom: '2017-08-31' } }),
  },
  'an executive order revoked': {
    given: executiveOrder.issued,
    date: '2018-01-10',
    command: (metadata, facts, onBehalfOf) => ({
      type: 'RevokeExecutiveOrder',
      data: { measureId: EXECUTIVE_ORDER, effectiveUntil: '2018-01-11', reason: 'r', onBehalfOf },
      facts,
      metadata,
    }),
    recorded: (mayor) => ({ type: 'ExecutiveOrderRevoked', data: { measureId: EXECUTIVE_ORDER, revokedBy: mayor, effectiveUntil: '2018-01-11', reason: 'r' } }),
  },
};

// The record: the mayor held the office on the act's date, and no longer does today.
const termEnded = mayorFacts(mayorOffices, []);

describe.each(Object.entries(ACTS))("who may record %s, the mayor's act", (_, act) => {
  it('refuses the mayor in person once the term has ended, however the act is dated', () => {
    spec
      .given(act.given)
      .when(act.command(mayorOn(act.date), termEnded))
      .thenRefuses('FORBIDDEN', /person:michael-hancock does not hold the office of mayor.* on 2026-11-22, the day this is recorded/);
  });

  it('records it from a clerk on behalf of the mayor of that date, naming the mayor, though the term has ended', () => {
    spec.given(act.given).when(act.command(clerkOn(act.date), termEnded, MAYOR)).then([act.recorded(MAYOR)]);
  });

  it('refuses a clerk on behalf of someone who did not hold the office that day', () => {
    spec
      .given(act.given)
      .when(act.command(clerkOn(act.date), mayorFacts([], []), COUNCIL_MEMBER))
      .thenRefuses('FORBIDDEN', new RegExp(`only the mayor may .*: ${COUNCIL_MEMBER} does not hold the office of mayor.* on ${act.date}`));
  });

  it('refuses a clerk acting without naming the mayor', () => {
    spec
      .given(act.given)
      .when(act.command(clerkOn(act.date), mayorFacts([], [])))
      .thenRefuses('FORBIDDEN', /only the mayor may .*; person:test-clerk acts as clerk, who records it on behalf of whoever held the office that day \(onBehalfOf\)/);
  });

  it('refuses onBehalfOf from anyone but a clerk, the mayor included', () => {
    spec
      .given(act.given)
      .when(act.command(mayorOn(act.date), mayorFacts(), COUNCIL_MEMBER))
      .thenRefuses('FORBIDDEN', /only a clerk records an act on behalf of someone else; person:michael-hancock acts as mayor/);
  });

  it('refuses an onBehalfOf that is not a person id', () => {
    spec
      .given(act.given)
      .when(act.command(clerkOn(act.date), mayorFacts(), 'Michael Hancock'))
      .thenRefuses('BAD_USER_INPUT', /person id must look like person:first-last/);
  });
});
