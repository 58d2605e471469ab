import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { CastVote, ClauseRuleInput, VoteMotion } from '@ledger/domain';
import { LedgerCommands } from '@ledger/application';
import { CurrentCaller, type Caller } from '../auth/current-actor.decorator';
import { CommandRoles } from '../auth/roles.guard';
import {
  AmendByMeasureInput,
  CastVoteInput,
  ClauseChangeInput,
  ClauseInput,
  CorrectVoteInput,
  DraftExecutiveOrderInput,
  EnactMeasureInput,
  ExplainVoteInput,
  IntroduceMeasureInput,
  IssueExecutiveOrderInput,
  RecordQuorumFailureInput,
  RecordVoteInput,
  ReferMeasureInput,
  RepealMeasureInput,
  RevokeExecutiveOrderInput,
  SignMeasureInput,
  VetoMeasureInput,
  WithdrawMeasureInput,
} from './legislation.inputs';
import { RecordReceiptModel } from '../mutations/record-receipt.model';
import { contextOf, receiptOf } from '../mutations/mutation-command';

// The domain checks effect and motion against their allowed values (BAD_USER_INPUT otherwise);
// GraphQL takes them as strings so the error names the value and the allowed ones.
const ruleOf = (rule: ClauseInput['rule']) => (rule ?? null) as ClauseRuleInput | null;
const clauseOf = (clause: ClauseInput) => ({ eId: clause.eId, heading: clause.heading ?? null, text: clause.text, rule: ruleOf(clause.rule) });
const changeOf = (change: ClauseChangeInput) => ({
  change: change.change as 'amend' | 'add' | 'strike',
  eId: change.eId,
  heading: change.heading ?? null,
  text: change.text ?? null,
  rule: ruleOf(change.rule),
});
const castVoteOf = (v: CastVoteInput): CastVote => ({ personId: v.personId, choice: v.choice as CastVote['choice'] });

// The catalogue lets both roles send it; who acted, and whether they held the office that day, is the
// domain's rule (shared/officeholder.ts).
const MAYORS_ACT = "(the mayor in office on that date and today; or a clerk recording the act of that date's mayor, onBehalfOf)";

/** Clerk and mayor mutations of measures: each a command through the same deciders as the seed. */
@Resolver()
export class LegislationMutationsResolver {
  constructor(private readonly commands: LedgerCommands) {}

  @CommandRoles('IntroduceMeasure')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: introduce an ordinance or resolution with its sponsors and clauses' })
  introduceMeasure(@Args('input') input: IntroduceMeasureInput, @CurrentCaller() caller: Caller) {
    const data = {
      measureId: input.id, kind: input.kind as 'ORDINANCE' | 'RESOLUTION', title: input.title, summary: input.summary ?? null,
      bodyId: input.bodyId, sponsorIds: input.sponsorIds, clauses: input.clauses.map(clauseOf),
    };
    return receiptOf(this.commands.execute('IntroduceMeasure', data, contextOf(caller, input)));
  }

  @CommandRoles('ReferMeasure')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: refer a measure to a committee' })
  referMeasure(@Args('input') input: ReferMeasureInput, @CurrentCaller() caller: Caller) {
    const data = { measureId: input.measureId, committeeId: input.committeeId };
    return receiptOf(this.commands.execute('ReferMeasure', data, contextOf(caller, input)));
  }

  @CommandRoles('RecordVote')
  @Mutation(() => RecordReceiptModel, { description: "clerk: record a body's vote; the roll call, tally and result are computed from the body's members and rules" })
  recordVote(@Args('input') input: RecordVoteInput, @CurrentCaller() caller: Caller) {
    const data = {
      measureId: input.measureId, bodyId: input.bodyId, motion: input.motion as VoteMotion,
      votes: input.votes.map(castVoteOf), amendment: input.amendment ? changeOf(input.amendment) : null, reconsidersVoteId: input.reconsidersVoteId ?? null,
    };
    return receiptOf(this.commands.execute('RecordVote', data, contextOf(caller, input)));
  }

  @CommandRoles('CorrectVote')
  @Mutation(() => RecordReceiptModel, {
    description: 'clerk: correct a mis-recorded roll call, saying why; the original stays, the tally, result and the measure\'s status follow the corrected one',
  })
  correctVote(@Args('input') input: CorrectVoteInput, @CurrentCaller() caller: Caller) {
    const data = { measureId: input.measureId, voteId: input.voteId, votes: input.votes.map(castVoteOf), reason: input.reason };
    return receiptOf(this.commands.execute('CorrectVote', data, contextOf(caller, input)));
  }

  @CommandRoles('ExplainVote')
  @Mutation(() => RecordReceiptModel, { description: "clerk: record a member's explanation of their vote" })
  explainVote(@Args('input') input: ExplainVoteInput, @CurrentCaller() caller: Caller) {
    const data = { measureId: input.measureId, voteId: input.voteId, personId: input.personId, explanation: input.explanation };
    return receiptOf(this.commands.execute('ExplainVote', data, contextOf(caller, input)));
  }

  @CommandRoles('RecordQuorumFailure')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: record that a body met to vote but lacked a quorum (no vote was taken)' })
  recordQuorumFailure(@Args('input') input: RecordQuorumFailureInput, @CurrentCaller() caller: Caller) {
    const data = { measureId: input.measureId, bodyId: input.bodyId, motion: input.motion as VoteMotion, present: input.present };
    return receiptOf(this.commands.execute('RecordQuorumFailure', data, contextOf(caller, input)));
  }

  @CommandRoles('SignMeasure')
  @Mutation(() => RecordReceiptModel, { description: `mayor: sign a passed ordinance ${MAYORS_ACT}` })
  signMeasure(@Args('input') input: SignMeasureInput, @CurrentCaller() caller: Caller) {
    const data = { measureId: input.measureId, officeId: input.officeId, onBehalfOf: input.onBehalfOf };
    return receiptOf(this.commands.execute('SignMeasure', data, contextOf(caller, input)));
  }

  @CommandRoles('VetoMeasure')
  @Mutation(() => RecordReceiptModel, { description: `mayor: veto a passed ordinance ${MAYORS_ACT}` })
  vetoMeasure(@Args('input') input: VetoMeasureInput, @CurrentCaller() caller: Caller) {
    const data = { measureId: input.measureId, officeId: input.officeId, reason: input.reason, onBehalfOf: input.onBehalfOf };
    return receiptOf(this.commands.execute('VetoMeasure', data, contextOf(caller, input)));
  }

  @CommandRoles('EnactMeasure')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: record that a signed (or overridden) ordinance is enacted, in force from effectiveFrom' })
  enactMeasure(@Args('input') input: EnactMeasureInput, @CurrentCaller() caller: Caller) {
    const data = { measureId: input.measureId, effectiveFrom: input.effectiveFrom };
    return receiptOf(this.commands.execute('EnactMeasure', data, contextOf(caller, input)));
  }

  @CommandRoles('WithdrawMeasure')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: record the withdrawal of a measure before final action' })
  withdrawMeasure(@Args('input') input: WithdrawMeasureInput, @CurrentCaller() caller: Caller) {
    const data = { measureId: input.measureId, reason: input.reason };
    return receiptOf(this.commands.execute('WithdrawMeasure', data, contextOf(caller, input)));
  }

  @CommandRoles('RepealMeasure')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: record the repeal of an enacted measure by another enacted measure' })
  repealMeasure(@Args('input') input: RepealMeasureInput, @CurrentCaller() caller: Caller) {
    const data = { measureId: input.measureId, byMeasureId: input.byMeasureId, effectiveUntil: input.effectiveUntil };
    return receiptOf(this.commands.execute('RepealMeasure', data, contextOf(caller, input)));
  }

  @CommandRoles('AmendByMeasure')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: record a change to an enacted measure made by another enacted measure' })
  amendByMeasure(@Args('input') input: AmendByMeasureInput, @CurrentCaller() caller: Caller) {
    const data = { ...changeOf(input.amendment), measureId: input.measureId, byMeasureId: input.byMeasureId, effectiveFrom: input.effectiveFrom };
    return receiptOf(this.commands.execute('AmendByMeasure', data, contextOf(caller, input)));
  }

  @CommandRoles('DraftExecutiveOrder')
  @Mutation(() => RecordReceiptModel, { description: `mayor: draft an executive order ${MAYORS_ACT}` })
  draftExecutiveOrder(@Args('input') input: DraftExecutiveOrderInput, @CurrentCaller() caller: Caller) {
    const data = {
      measureId: input.id, title: input.title, summary: input.summary ?? null, officeId: input.officeId, clauses: input.clauses.map(clauseOf), onBehalfOf: input.onBehalfOf,
    };
    return receiptOf(this.commands.execute('DraftExecutiveOrder', data, contextOf(caller, input)));
  }

  @CommandRoles('IssueExecutiveOrder')
  @Mutation(() => RecordReceiptModel, { description: `mayor: issue a drafted executive order, in force from effectiveFrom ${MAYORS_ACT}` })
  issueExecutiveOrder(@Args('input') input: IssueExecutiveOrderInput, @CurrentCaller() caller: Caller) {
    const data = { measureId: input.measureId, effectiveFrom: input.effectiveFrom, onBehalfOf: input.onBehalfOf };
    return receiptOf(this.commands.execute('IssueExecutiveOrder', data, contextOf(caller, input)));
  }

  @CommandRoles('RevokeExecutiveOrder')
  @Mutation(() => RecordReceiptModel, { description: `mayor: revoke an executive order ${MAYORS_ACT}` })
  revokeExecutiveOrder(@Args('input') input: RevokeExecutiveOrderInput, @CurrentCaller() caller: Caller) {
    const data = { measureId: input.measureId, effectiveUntil: input.effectiveUntil, reason: input.reason, onBehalfOf: input.onBehalfOf };
    return receiptOf(this.commands.execute('RevokeExecutiveOrder', data, contextOf(caller, input)));
  }
}
