import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import type { CastVote, ClauseRuleInput, VoteMotion } from '@ledger/domain';
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
} from '@ledger/application';
import { CurrentCaller, type Caller } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.guard';
import {
  AmendByMeasureInput,
  ClauseChangeInput,
  ClauseInput,
  DraftExecutiveOrderInput,
  EnactMeasureInput,
  IntroduceMeasureInput,
  IssueExecutiveOrderInput,
  RecordVoteInput,
  ReferMeasureInput,
  RepealMeasureInput,
  RevokeExecutiveOrderInput,
  SignMeasureInput,
  VetoMeasureInput,
  WithdrawMeasureInput,
} from '../models/legislation.inputs';
import { RecordReceiptModel } from '../models/record-receipt.model';
import { dispatch } from './command-dispatch';

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

// Who may do it is the domain's rule (shared/officeholder.ts); the guard only lets both roles reach it.
const MAYORS_ACT = "(the mayor in office on that date and today; or a clerk recording the act of that date's mayor, onBehalfOf)";

/** Clerk and mayor mutations of measures: each a command through the same deciders as the seed. */
@Resolver()
export class LegislationMutationsResolver {
  constructor(private readonly bus: CommandBus) {}

  @Roles('clerk')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: introduce an ordinance or resolution with its sponsors and clauses' })
  introduceMeasure(@Args('input') input: IntroduceMeasureInput, @CurrentCaller() caller: Caller) {
    const data = {
      measureId: input.id, kind: input.kind as 'ORDINANCE' | 'RESOLUTION', title: input.title, summary: input.summary ?? null,
      bodyId: input.bodyId, sponsorIds: input.sponsorIds, clauses: input.clauses.map(clauseOf),
    };
    return dispatch(this.bus, IntroduceMeasureCommand, data, caller, input);
  }

  @Roles('clerk')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: refer a measure to a committee' })
  referMeasure(@Args('input') input: ReferMeasureInput, @CurrentCaller() caller: Caller) {
    return dispatch(this.bus, ReferMeasureCommand, { measureId: input.measureId, committeeId: input.committeeId }, caller, input);
  }

  @Roles('clerk')
  @Mutation(() => RecordReceiptModel, { description: "clerk: record a body's vote; the roll call, tally and result are computed from the body's members and rules" })
  recordVote(@Args('input') input: RecordVoteInput, @CurrentCaller() caller: Caller) {
    const data = {
      measureId: input.measureId, bodyId: input.bodyId, motion: input.motion as VoteMotion,
      votes: input.votes.map((v): CastVote => ({ personId: v.personId, choice: v.choice as CastVote['choice'] })), amendment: input.amendment ? changeOf(input.amendment) : null,
    };
    return dispatch(this.bus, RecordVoteCommand, data, caller, input);
  }

  @Roles('mayor', 'clerk')
  @Mutation(() => RecordReceiptModel, { description: `mayor: sign a passed ordinance ${MAYORS_ACT}` })
  signMeasure(@Args('input') input: SignMeasureInput, @CurrentCaller() caller: Caller) {
    return dispatch(this.bus, SignMeasureCommand, { measureId: input.measureId, officeId: input.officeId, onBehalfOf: input.onBehalfOf }, caller, input);
  }

  @Roles('mayor', 'clerk')
  @Mutation(() => RecordReceiptModel, { description: `mayor: veto a passed ordinance ${MAYORS_ACT}` })
  vetoMeasure(@Args('input') input: VetoMeasureInput, @CurrentCaller() caller: Caller) {
    const data = { measureId: input.measureId, officeId: input.officeId, reason: input.reason, onBehalfOf: input.onBehalfOf };
    return dispatch(this.bus, VetoMeasureCommand, data, caller, input);
  }

  @Roles('clerk')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: record that a signed (or overridden) ordinance is enacted, in force from effectiveFrom' })
  enactMeasure(@Args('input') input: EnactMeasureInput, @CurrentCaller() caller: Caller) {
    return dispatch(this.bus, EnactMeasureCommand, { measureId: input.measureId, effectiveFrom: input.effectiveFrom }, caller, input);
  }

  @Roles('clerk')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: record the withdrawal of a measure before final action' })
  withdrawMeasure(@Args('input') input: WithdrawMeasureInput, @CurrentCaller() caller: Caller) {
    return dispatch(this.bus, WithdrawMeasureCommand, { measureId: input.measureId, reason: input.reason }, caller, input);
  }

  @Roles('clerk')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: record the repeal of an enacted measure by another enacted measure' })
  repealMeasure(@Args('input') input: RepealMeasureInput, @CurrentCaller() caller: Caller) {
    const data = { measureId: input.measureId, byMeasureId: input.byMeasureId, effectiveUntil: input.effectiveUntil };
    return dispatch(this.bus, RepealMeasureCommand, data, caller, input);
  }

  @Roles('clerk')
  @Mutation(() => RecordReceiptModel, { description: 'clerk: record a change to an enacted measure made by another enacted measure' })
  amendByMeasure(@Args('input') input: AmendByMeasureInput, @CurrentCaller() caller: Caller) {
    const data = { ...changeOf(input.amendment), measureId: input.measureId, byMeasureId: input.byMeasureId, effectiveFrom: input.effectiveFrom };
    return dispatch(this.bus, AmendByMeasureCommand, data, caller, input);
  }

  @Roles('mayor', 'clerk')
  @Mutation(() => RecordReceiptModel, { description: `mayor: draft an executive order ${MAYORS_ACT}` })
  draftExecutiveOrder(@Args('input') input: DraftExecutiveOrderInput, @CurrentCaller() caller: Caller) {
    const data = {
      measureId: input.id, title: input.title, summary: input.summary ?? null, officeId: input.officeId, clauses: input.clauses.map(clauseOf), onBehalfOf: input.onBehalfOf,
    };
    return dispatch(this.bus, DraftExecutiveOrderCommand, data, caller, input);
  }

  @Roles('mayor', 'clerk')
  @Mutation(() => RecordReceiptModel, { description: `mayor: issue a drafted executive order, in force from effectiveFrom ${MAYORS_ACT}` })
  issueExecutiveOrder(@Args('input') input: IssueExecutiveOrderInput, @CurrentCaller() caller: Caller) {
    const data = { measureId: input.measureId, effectiveFrom: input.effectiveFrom, onBehalfOf: input.onBehalfOf };
    return dispatch(this.bus, IssueExecutiveOrderCommand, data, caller, input);
  }

  @Roles('mayor', 'clerk')
  @Mutation(() => RecordReceiptModel, { description: `mayor: revoke an executive order ${MAYORS_ACT}` })
  revokeExecutiveOrder(@Args('input') input: RevokeExecutiveOrderInput, @CurrentCaller() caller: Caller) {
    const data = { measureId: input.measureId, effectiveUntil: input.effectiveUntil, reason: input.reason, onBehalfOf: input.onBehalfOf };
    return dispatch(this.bus, RevokeExecutiveOrderCommand, data, caller, input);
  }
}
