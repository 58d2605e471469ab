import { actingPersonId, checkedSponsorIds, measureDecider, measureStreamId, type MayorFacts, type MeasureCommand, type OnBehalfOf } from '@ledger/domain';
import type { CatalogueOf, FactsContext } from '../catalogue/command-entry';
import type { FactsService } from '../facts/facts.service';

/** The office (an EXECUTIVE organization) in whose name the mayor signs or vetoes; checked on the act's date. */
export interface InOffice {
  officeId: string;
}

const streamOfMeasure = (d: { measureId: string }) => measureStreamId(d.measureId);

/**
 * The acting person's roles in the office they act for (the account's person, or whoever a clerk
 * records for), on the act's date and on the recording date.
 */
const officeFacts = <D extends OnBehalfOf>(officeOf: (facts: FactsService, data: D) => Promise<string | null>) =>
  async (facts: FactsService, data: D, context: FactsContext): Promise<MayorFacts> => {
    const officeId = await officeOf(facts, data);
    if (!officeId) return { actorOffices: [], actorOfficesNow: [] };
    const { org, onActDate, now } = await facts.tenure(actingPersonId(data.onBehalfOf, { id: context.actorId }), officeId, context);
    const offices = (roles: string[]) => (org ? roles.map((role) => ({ orgId: org.orgId, orgKind: org.kind, role })) : []);
    return { actorOffices: offices(onActDate), actorOfficesNow: offices(now) };
  };
const givenOffice = officeFacts(async (_, data: InOffice & OnBehalfOf) => data.officeId);
// Issuing or revoking acts for the office that drafted the order.
const draftingOffice = officeFacts(async (facts, data: { measureId: string } & OnBehalfOf) => facts.officeOfExecutiveOrder(data.measureId));
const byMeasureFacts = async (facts: FactsService, data: { byMeasureId: string }) => ({ byMeasure: await facts.measure(data.byMeasureId) });
// The decider needs no office for a signature or veto: the facts already name it.
const withoutOffice = <D extends InOffice>({ officeId: _office, ...rest }: D) => rest;

/** Measures and executive orders: the clerk's record of the council's work, and the mayor's acts. */
export const LEGISLATION_COMMANDS: CatalogueOf<MeasureCommand> = {
  IntroduceMeasure: {
    decider: measureDecider,
    roles: ['clerk'],
    streamIdOf: streamOfMeasure,
    // The sponsor list is checked before each sponsor is looked up: every one costs a read.
    facts: async (facts, d, { date }) => ({ body: await facts.organization(d.bodyId, date), unknownPersonIds: await facts.unknownPersonIds(checkedSponsorIds(d.sponsorIds)) }),
  },
  ReferMeasure: {
    decider: measureDecider,
    roles: ['clerk'],
    streamIdOf: streamOfMeasure,
    facts: async (facts, d, { date }) => ({ committee: await facts.organization(d.committeeId, date) }),
  },
  RecordVote: {
    decider: measureDecider,
    roles: ['clerk'],
    streamIdOf: streamOfMeasure,
    facts: async (facts, d, { date }) => ({ body: await facts.organization(d.bodyId, date) }),
  },
  CorrectVote: {
    decider: measureDecider,
    roles: ['clerk'],
    streamIdOf: streamOfMeasure,
    // The body as it was on the vote's date: its members then are the roll call.
    facts: async (facts, d) => {
      const vote = await facts.voteOf(d.measureId, d.voteId);
      return { body: vote && (await facts.organization(vote.bodyId, vote.date)) };
    },
  },
  ExplainVote: { decider: measureDecider, roles: ['clerk'], streamIdOf: streamOfMeasure },
  RecordQuorumFailure: {
    decider: measureDecider,
    roles: ['clerk'],
    streamIdOf: streamOfMeasure,
    facts: async (facts, d, { date }) => ({ body: await facts.organization(d.bodyId, date) }),
  },
  SignMeasure: { decider: measureDecider, roles: ['mayor', 'clerk'], streamIdOf: streamOfMeasure, facts: givenOffice, prepare: withoutOffice },
  VetoMeasure: { decider: measureDecider, roles: ['mayor', 'clerk'], streamIdOf: streamOfMeasure, facts: givenOffice, prepare: withoutOffice },
  EnactMeasure: { decider: measureDecider, roles: ['clerk'], streamIdOf: streamOfMeasure },
  WithdrawMeasure: { decider: measureDecider, roles: ['clerk'], streamIdOf: streamOfMeasure },
  RepealMeasure: { decider: measureDecider, roles: ['clerk'], streamIdOf: streamOfMeasure, facts: byMeasureFacts },
  AmendByMeasure: { decider: measureDecider, roles: ['clerk'], streamIdOf: streamOfMeasure, facts: byMeasureFacts },
  DraftExecutiveOrder: { decider: measureDecider, roles: ['mayor', 'clerk'], streamIdOf: streamOfMeasure, facts: givenOffice },
  IssueExecutiveOrder: { decider: measureDecider, roles: ['mayor', 'clerk'], streamIdOf: streamOfMeasure, facts: draftingOffice },
  RevokeExecutiveOrder: { decider: measureDecider, roles: ['mayor', 'clerk'], streamIdOf: streamOfMeasure, facts: draftingOffice },
};
