import { deciderSpec } from '@ledger/decider-testing';
import type { ActorOffices } from '../organization/organization.facts';
import type { DraftExecutiveOrder, MeasureCommand } from './measure.commands';
import { measureDecider } from './measure.decider';
import type { MeasureEvent } from './measure.events';
import { measureStatus } from './measure.state';
import {
  clauseInputs,
  clerkOn,
  COUNCIL,
  councilFacts,
  EXECUTIVE_ORDER,
  executiveOrder,
  introducedClauses,
  MAYOR,
  mayorFacts,
  mayorOffices,
  MAYORS_OFFICE,
  mayorOn,
  OTHER_MEASURE,
  record,
} from './testing/measure.fixtures';

const spec = deciderSpec(measureDecider);

function draft(data: Partial<DraftExecutiveOrder['data']> = {}, metadata = mayorOn('2017-08-08'), actorOffices: ActorOffices = mayorOffices): MeasureCommand {
  return {
    type: 'DraftExecutiveOrder',
    data: { measureId: EXECUTIVE_ORDER, title: ' Executive Order 142 ', officeId: MAYORS_OFFICE, clauses: clauseInputs, ...data },
    facts: mayorFacts(actorOffices),
    metadata,
  };
}
const issue = (
  effectiveFrom = '2017-08-31',
  metadata = mayorOn('2017-08-31'),
  actorOffices: ActorOffices = mayorOffices,
  measureId = EXECUTIVE_ORDER,
): MeasureCommand => ({
  type: 'IssueExecutiveOrder',
  data: { measureId, effectiveFrom },
  facts: mayorFacts(actorOffices),
  metadata,
});
const revoke = (
  effectiveUntil = '2018-01-11',
  reason = ' superseded by ordinance ',
  metadata = mayorOn('2018-01-10'),
  actorOffices: ActorOffices = mayorOffices,
): MeasureCommand => ({
  type: 'RevokeExecutiveOrder',
  data: { measureId: EXECUTIVE_ORDER, effectiveUntil, reason },
  facts: mayorFacts(actorOffices),
  metadata,
});

describe('executive orders', () => {
  describe('DraftExecutiveOrder', () => {
    it('lets the mayor draft an order for the office held, as its issuer', () => {
      spec
        .given([])
        .when(draft({ summary: ' Warrants before jail access. ' }))
        .then([
          {
            type: 'ExecutiveOrderDrafted',
            data: {
              measureId: EXECUTIVE_ORDER,
              title: 'Executive Order 142',
              summary: 'Warrants before jail access.',
              officeId: MAYORS_OFFICE,
              issuerId: MAYOR,
              clauses: introducedClauses,
            },
          },
        ]);
    });

    it('refuses a clerk', () => {
      spec
        .given([])
        .when(draft({}, clerkOn('2017-08-08'), []))
        .thenRefuses('FORBIDDEN', /only the mayor may draft an executive order; person:test-clerk acts as clerk/);
    });

    it('refuses a mayor who does not hold that office on the date', () => {
      spec
        .given([])
        .when(draft({}, mayorOn('2017-08-08'), []))
        .thenRefuses('FORBIDDEN', /does not hold the office of mayor of org:denver-mayors-office on 2017-08-08/);
    });

    it('refuses a mayor drafting in the name of another office', () => {
      spec
        .given([])
        .when(draft({ officeId: 'org:aurora-mayors-office' }))
        .thenRefuses('FORBIDDEN', /does not hold the office of mayor of org:aurora-mayors-office/);
    });

    it('refuses someone holding another role in the office', () => {
      spec
        .given([])
        .when(draft({}, mayorOn('2017-08-08'), [{ orgId: MAYORS_OFFICE, orgKind: 'EXECUTIVE', role: 'chief-of-staff' }]))
        .thenRefuses('FORBIDDEN', /does not hold the office of mayor/);
    });

    it('refuses a measure id already recorded', () => {
      spec
        .given(executiveOrder.drafted)
        .when(draft())
        .thenRefuses('CONFLICT', /EO-2017-142 is already recorded/);
    });

    it.each<[string, Partial<DraftExecutiveOrder['data']>, RegExp]>([
      ['no clauses', { clauses: [] }, /clauses must list at least one entry/],
      ['an empty title', { title: ' ' }, /title must not be empty/],
      ['a malformed office id', { officeId: "Mayor's Office" }, /officeId must look like org:/],
      ['an order number shaped like a uuid', { measureId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }, /measureId must be the clerk's own number such as CB17-0766, not shaped like a uuid/],
    ])('refuses %s', (_, data, message) => {
      spec.given([]).when(draft(data)).thenRefuses('BAD_USER_INPUT', message);
    });
  });

  describe('IssueExecutiveOrder', () => {
    it('issues a draft, in force from the given date', () => {
      spec
        .given(executiveOrder.drafted)
        .when(issue())
        .then([{ type: 'ExecutiveOrderIssued', data: { measureId: EXECUTIVE_ORDER, issuedBy: MAYOR, effectiveFrom: '2017-08-31' } }]);
    });

    it('refuses a clerk', () => {
      spec
        .given(executiveOrder.drafted)
        .when(issue('2017-08-31', clerkOn('2017-08-31'), []))
        .thenRefuses('FORBIDDEN', /only the mayor may issue an executive order/);
    });

    it("refuses a mayor who no longer holds the order's office", () => {
      spec
        .given(executiveOrder.drafted)
        .when(issue('2017-08-31', mayorOn('2017-08-31'), []))
        .thenRefuses('FORBIDDEN', /of org:denver-mayors-office on 2017-08-31/);
    });

    it('refuses an order already issued', () => {
      spec
        .given(executiveOrder.issued)
        .when(issue('2017-09-01', mayorOn('2017-09-01')))
        .thenRefuses('CONFLICT', /cannot issue EO-2017-142: it is enacted \(needs draft\)/);
    });

    it('refuses an effective date before the order is issued', () => {
      spec
        .given(executiveOrder.drafted)
        .when(issue('2017-08-30'))
        .thenRefuses('BAD_USER_INPUT', /effectiveFrom 2017-08-30 is before the order is issued on 2017-08-31/);
    });

    it('refuses an effective date that does not exist', () => {
      spec
        .given(executiveOrder.drafted)
        .when(issue('2017-08-32'))
        .thenRefuses('BAD_USER_INPUT', /effectiveFrom must be a calendar date/);
    });

    it('refuses an issue dated before the draft', () => {
      spec
        .given(executiveOrder.drafted)
        .when(issue('2017-08-07', mayorOn('2017-08-07')))
        .thenRefuses('BAD_USER_INPUT', /before the measure's last action on 2017-08-08/);
    });

    it('refuses to issue an ordinance', () => {
      const ordinanceIntroduced = {
        type: 'MeasureIntroduced',
        data: {
          measureId: OTHER_MEASURE,
          kind: 'ORDINANCE',
          title: 't',
          summary: null,
          bodyId: COUNCIL,
          sponsorIds: ['person:paul-lopez'],
          clauses: introducedClauses,
        },
      } as MeasureEvent;
      spec
        .given([ordinanceIntroduced])
        .when(issue('2017-08-31', mayorOn('2017-08-31'), mayorOffices, OTHER_MEASURE))
        .thenRefuses('CONFLICT', /cannot issue CB18-0100: it is an ordinance/);
    });

    it('refuses an order never drafted', () => {
      spec
        .given([])
        .when(issue())
        .thenRefuses('NOT_FOUND', /EO-2017-142 is not recorded/);
    });
  });

  describe('RevokeExecutiveOrder', () => {
    it('revokes an issued order from the given date, with the reason', () => {
      spec
        .given(executiveOrder.issued)
        .when(revoke())
        .then([
          {
            type: 'ExecutiveOrderRevoked',
            data: { measureId: EXECUTIVE_ORDER, revokedBy: MAYOR, effectiveUntil: '2018-01-11', reason: 'superseded by ordinance' },
          },
        ]);
    });

    it('refuses a clerk', () => {
      spec
        .given(executiveOrder.issued)
        .when(revoke('2018-01-11', 'r', clerkOn('2018-01-10'), []))
        .thenRefuses('FORBIDDEN', /only the mayor may revoke an executive order/);
    });

    it('refuses a draft, which was never in force', () => {
      spec
        .given(executiveOrder.drafted)
        .when(revoke())
        .thenRefuses('CONFLICT', /cannot revoke EO-2017-142: it is draft \(needs enacted\)/);
    });

    it('refuses an order already revoked', () => {
      spec
        .given(executiveOrder.revoked)
        .when(revoke('2018-02-01', 'again', mayorOn('2018-02-01')))
        .thenRefuses('CONFLICT', /it is revoked/);
    });

    it('refuses an end on or before the first day in force', () => {
      spec
        .given(executiveOrder.issued)
        .when(revoke('2017-08-31'))
        .thenRefuses('BAD_USER_INPUT', /effectiveUntil 2017-08-31 must be after the order's effectiveFrom 2017-08-31/);
    });

    it('refuses a revocation without a reason', () => {
      spec
        .given(executiveOrder.issued)
        .when(revoke('2018-01-11', ''))
        .thenRefuses('BAD_USER_INPUT', /reason must not be empty/);
    });
  });

  describe('what does not apply to an executive order', () => {
    const onOrder = { measureId: EXECUTIVE_ORDER };
    it.each<[string, MeasureEvent[], MeasureCommand, RegExp]>([
      [
        'a referral',
        executiveOrder.drafted,
        { type: 'ReferMeasure', data: { ...onOrder, committeeId: 'org:x' }, facts: { committee: null }, metadata: clerkOn('2017-09-01') },
        /cannot refer EO-2017-142: it is an executive order/,
      ],
      [
        'a vote',
        executiveOrder.drafted,
        {
          type: 'RecordVote',
          data: { ...onOrder, bodyId: COUNCIL, motion: 'adoption', votes: [] },
          facts: { body: councilFacts },
          metadata: clerkOn('2017-09-01'),
        },
        /votes do not apply to executive orders/,
      ],
      [
        'a signature',
        executiveOrder.drafted,
        { type: 'SignMeasure', data: onOrder, facts: mayorFacts(), metadata: mayorOn('2017-09-01') },
        /cannot sign EO-2017-142: it is an executive order/,
      ],
      [
        'a veto',
        executiveOrder.drafted,
        { type: 'VetoMeasure', data: { ...onOrder, reason: 'r' }, facts: mayorFacts(), metadata: mayorOn('2017-09-01') },
        /cannot veto EO-2017-142/,
      ],
      [
        'an enactment',
        executiveOrder.drafted,
        { type: 'EnactMeasure', data: { ...onOrder, effectiveFrom: '2017-09-01' }, metadata: clerkOn('2017-09-01') },
        /cannot enact EO-2017-142/,
      ],
      [
        'a withdrawal by the clerk',
        executiveOrder.drafted,
        { type: 'WithdrawMeasure', data: { ...onOrder, reason: 'r' }, metadata: clerkOn('2017-09-01') },
        /cannot withdraw EO-2017-142: it is draft/,
      ],
      [
        'a repeal by an ordinance',
        executiveOrder.issued,
        {
          type: 'RepealMeasure',
          data: { ...onOrder, byMeasureId: OTHER_MEASURE, effectiveUntil: '2018-07-01' },
          facts: { byMeasure: null },
          metadata: clerkOn('2018-06-01'),
        },
        /an executive order changes only by the mayor's own acts/,
      ],
      [
        'an amendment by an ordinance',
        executiveOrder.issued,
        {
          type: 'AmendByMeasure',
          data: { ...onOrder, byMeasureId: OTHER_MEASURE, change: 'strike', eId: 'sec_1', effectiveFrom: '2018-07-01' },
          facts: { byMeasure: null },
          metadata: clerkOn('2018-06-01'),
        },
        /cannot amend EO-2017-142: an executive order changes only by the mayor's own acts/,
      ],
    ])('refuses %s', (_, history, command, message) => {
      spec.given(history).when(command).thenRefuses('CONFLICT', message);
    });
  });

  it('walks draft -> issue -> revoke, DRAFT -> ISSUED -> REVOKED', () => {
    const { state } = record([], [draft()]);
    expect(state.exists && measureStatus(state.stage, state.kind)).toBe('DRAFT');
    const issued = record([], [draft(), issue()]).state;
    expect(issued).toMatchObject({ kind: 'EXECUTIVE_ORDER', stage: 'enacted', officeId: MAYORS_OFFICE, bodyId: null, effectiveFrom: '2017-08-31' });
    // In force like an enacted ordinance, but issued by the mayor, not enacted.
    expect(issued.exists && measureStatus(issued.stage, issued.kind)).toBe('ISSUED');
    const revoked = record([], [draft(), issue(), revoke()]).state;
    expect(revoked).toMatchObject({ stage: 'revoked', effectiveUntil: '2018-01-11', lastActionDate: '2018-01-10' });
    expect(revoked.exists && measureStatus(revoked.stage, revoked.kind)).toBe('REVOKED');
  });
});
