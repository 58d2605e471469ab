import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { DataRequestAction, DecisionOutcome, LegalBasis, ReviewFinding } from '@ledger/domain';
import { LedgerCommands } from '@ledger/application';
import { CurrentCaller, type Caller } from '../auth/current-actor.decorator';
import { CommandRoles } from '../auth/roles.guard';
import {
  CitationInput,
  CorrectDecisionInput,
  DecideDataRequestInput,
  ReceiveDataRequestInput,
  RecordDisclosureInput,
  ReviewDecisionInput,
} from './data-requests.inputs';
import { RecordReceiptModel } from '../mutations/record-receipt.model';
import { contextOf, present, receiptOf } from '../mutations/mutation-command';

// Enumerated strings (action, legal basis, finding) are checked by the domain, whose refusal names
// the allowed values; GraphQL passes them through as entered.
const citationsOf = (citations: CitationInput[]) => citations.map((c) => ({ clauseId: c.clauseId, version: c.version ?? null }));

// The catalogue lets both roles send it; who acted, and whether they held the office that day, is the
// domain's rule (shared/officeholder.ts).
const OFFICERS_ACT = "(an officer of that department on that date and today; or a clerk recording the act of that date's officer, onBehalfOf)";

/** Officer and oversight mutations of data requests. */
@Resolver()
export class DataRequestMutationsResolver {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoles('ReceiveDataRequest')
  @Mutation(() => RecordReceiptModel, { description: `officer: record a request an outside agency made to the officer's own department ${OFFICERS_ACT}` })
  receiveDataRequest(@Args('input') input: ReceiveDataRequestInput, @CurrentCaller() caller: Caller) {
    const data = {
      requestingOrgId: input.requestingOrganizationId, receivingOrgId: input.receivingOrganizationId,
      dataCategories: input.dataCategories, action: input.action as DataRequestAction, recipientCategories: input.recipientCategories,
      purpose: input.purpose, legalBasis: input.legalBasis as LegalBasis, channel: input.channel,
      subjectIdentifier: input.subjectIdentifier, personalDetails: input.personalDetails ?? null, onBehalfOf: input.onBehalfOf,
    };
    return receiptOf(this.commands.execute('ReceiveDataRequest', data, contextOf(caller, input)));
  }

  @CommandRoles('DecideDataRequest')
  @Mutation(() => RecordReceiptModel, { description: `officer: decide a request of your department, citing the clause versions in force ${OFFICERS_ACT}` })
  decideDataRequest(@Args('input') input: DecideDataRequestInput, @CurrentCaller() caller: Caller) {
    const data = {
      requestId: input.requestId, outcome: `${input.outcome}` as DecisionOutcome, disclosedCategories: input.disclosedCategories,
      citations: citationsOf(input.citations), rationale: input.rationale, actionsTaken: input.actionsTaken, onBehalfOf: input.onBehalfOf,
    };
    return receiptOf(this.commands.execute('DecideDataRequest', data, contextOf(caller, input)));
  }

  @CommandRoles('RecordDisclosure')
  @Mutation(() => RecordReceiptModel, { description: `officer: record what was actually disclosed under a decision ${OFFICERS_ACT}` })
  recordDisclosure(@Args('input') input: RecordDisclosureInput, @CurrentCaller() caller: Caller) {
    const data = { requestId: input.requestId, disclosedCategories: input.disclosedCategories, channel: input.channel, onBehalfOf: input.onBehalfOf };
    return receiptOf(this.commands.execute('RecordDisclosure', data, contextOf(caller, input)));
  }

  @CommandRoles('ReviewDecision')
  @Mutation(() => RecordReceiptModel, {
    description:
      "oversight: uphold a decision or find it in violation, with reasons (the department's oversight, holding the role oversight in it on that date and today; or a clerk recording the review of that date's, onBehalfOf)",
  })
  reviewDecision(@Args('input') input: ReviewDecisionInput, @CurrentCaller() caller: Caller) {
    const data = { requestId: input.requestId, finding: input.finding as ReviewFinding, reasons: input.reasons, onBehalfOf: input.onBehalfOf };
    return receiptOf(this.commands.execute('ReviewDecision', data, contextOf(caller, input)));
  }

  @CommandRoles('CorrectDecision')
  @Mutation(() => RecordReceiptModel, { description: `officer: correct a recorded decision, saying why (a new event; the original stays) ${OFFICERS_ACT}` })
  correctDecision(@Args('input') input: CorrectDecisionInput, @CurrentCaller() caller: Caller) {
    const data = {
      requestId: input.requestId, reason: input.reason, onBehalfOf: input.onBehalfOf,
      ...present({ disclosedCategories: input.disclosedCategories, rationale: input.rationale, actionsTaken: input.actionsTaken }),
      ...(input.outcome != null && { outcome: `${input.outcome}` as DecisionOutcome }),
      ...(input.citations != null && { citations: citationsOf(input.citations) }),
    };
    return receiptOf(this.commands.execute('CorrectDecision', data, contextOf(caller, input)));
  }
}
