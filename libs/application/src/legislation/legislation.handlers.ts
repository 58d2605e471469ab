import { actingPersonId, checkedSponsorIds, measureDecider, measureStreamId, type MayorFacts, type OnBehalfOf } from '@ledger/domain';
import { deciderHandler, type FactsContext } from '../decider-handler.factory';
import type { FactsService } from '../facts/facts.service';
import {
  AmendByMeasureCommand,
  DraftExecutiveOrderCommand,
  EnactMeasureCommand,
  IntroduceMeasureCommand,
  IssueExecutiveOrderCommand,
  RecordVoteCommand,
  ReferMeasureCommand,
  RepealMeasureCommand,
  RevokeExecutiveOrderCommand,
  SignMeasureCommand,
  VetoMeasureCommand,
  WithdrawMeasureCommand,
} from './legislation.commands';

const streamOfMeasure = (d: { measureId: string }) => measureStreamId(d.measureId);

/**
 * The acting person's roles in the office they act for (the account's person, or whoever a clerk
 * records for), on the act's date and on the recording date.
 */
const officeFacts = (officeOf: (facts: FactsService, data: never) => Promise<string | null>) =>
  async (facts: FactsService, data: OnBehalfOf, context: FactsContext): Promise<MayorFacts> => {
    const officeId = await officeOf(facts, data as never);
    if (!officeId) return { actorOffices: [], actorOfficesNow: [] };
    const { org, onActDate, now } = await facts.tenure(actingPersonId(data.onBehalfOf, { id: context.actorId }), officeId, context);
    const offices = (roles: string[]) => (org ? roles.map((role) => ({ orgId: org.orgId, orgKind: org.kind, role })) : []);
    return { actorOffices: offices(onActDate), actorOfficesNow: offices(now) };
  };
const givenOffice = officeFacts(async (_, data: { officeId: string }) => data.officeId);
// Issuing or revoking acts for the office that drafted the order.
const draftingOffice = officeFacts(async (facts, data: { measureId: string }) => (await facts.officeOfExecutiveOrder(data.measureId)) ?? null);
const byMeasureFacts = async (facts: FactsService, data: { byMeasureId: string }) => ({ byMeasure: await facts.measure(data.byMeasureId) });
const withoutOffice = <D extends { officeId: string }>({ officeId: _office, ...rest }: D) => rest;

export const LEGISLATION_HANDLERS = [
  deciderHandler(IntroduceMeasureCommand, measureDecider, {
    type: 'IntroduceMeasure',
    streamIdOf: streamOfMeasure,
    // The sponsor list is checked before each sponsor is looked up: every one costs a read.
    facts: async (facts, d, { date }) => ({ body: await facts.organization(d.bodyId, date), unknownPersonIds: await facts.unknownPersonIds(checkedSponsorIds(d.sponsorIds)) }),
  }),
  deciderHandler(ReferMeasureCommand, measureDecider, {
    type: 'ReferMeasure',
    streamIdOf: streamOfMeasure,
    facts: async (facts, d, { date }) => ({ committee: await facts.organization(d.committeeId, date) }),
  }),
  deciderHandler(RecordVoteCommand, measureDecider, {
    type: 'RecordVote',
    streamIdOf: streamOfMeasure,
    facts: async (facts, d, { date }) => ({ body: await facts.organization(d.bodyId, date) }),
  }),
  deciderHandler(SignMeasureCommand, measureDecider, { type: 'SignMeasure', streamIdOf: streamOfMeasure, facts: givenOffice, domainData: withoutOffice }),
  deciderHandler(VetoMeasureCommand, measureDecider, { type: 'VetoMeasure', streamIdOf: streamOfMeasure, facts: givenOffice, domainData: withoutOffice }),
  deciderHandler(EnactMeasureCommand, measureDecider, { type: 'EnactMeasure', streamIdOf: streamOfMeasure }),
  deciderHandler(WithdrawMeasureCommand, measureDecider, { type: 'WithdrawMeasure', streamIdOf: streamOfMeasure }),
  deciderHandler(RepealMeasureCommand, measureDecider, { type: 'RepealMeasure', streamIdOf: streamOfMeasure, facts: byMeasureFacts }),
  deciderHandler(AmendByMeasureCommand, measureDecider, { type: 'AmendByMeasure', streamIdOf: streamOfMeasure, facts: byMeasureFacts }),
  deciderHandler(DraftExecutiveOrderCommand, measureDecider, { type: 'DraftExecutiveOrder', streamIdOf: streamOfMeasure, facts: givenOffice }),
  deciderHandler(IssueExecutiveOrderCommand, measureDecider, { type: 'IssueExecutiveOrder', streamIdOf: streamOfMeasure, facts: draftingOffice }),
  deciderHandler(RevokeExecutiveOrderCommand, measureDecider, { type: 'RevokeExecutiveOrder', streamIdOf: streamOfMeasure, facts: draftingOffice }),
];
