import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../scalars';
import { MeasureKind } from './measure.model';
import { OnBehalfOfField } from '../mutations/on-behalf-of.field';
import { VoteChoice } from './vote.model';

@InputType('PolicyRuleInput', { description: 'What a clause prohibits, permits or requires, machine-readable.' })
export class PolicyRuleInput {
  @Field({ description: 'prohibit | permit | require' }) effect!: string;
  @Field({ description: 'e.g. collect, share, notify, allow-access, advise-of-rights' }) action!: string;
  @Field(() => [String], { defaultValue: [] }) dataCategories!: string[];
  @Field(() => [String], { defaultValue: [] }) recipients!: string[];
  @Field(() => [String], { defaultValue: [], description: 'legal bases that lift the rule, e.g. judicial-warrant' }) unless!: string[];
}

@InputType('ClauseInput')
export class ClauseInput {
  @Field({ description: 'Akoma Ntoso eId, e.g. sec_2__subsec_b' }) eId!: string;
  @Field(() => String, { nullable: true }) heading?: string | null;
  @Field() text!: string;
  @Field(() => PolicyRuleInput, { nullable: true }) rule?: PolicyRuleInput | null;
}

@InputType('ClauseChangeInput', { description: 'An amendment: amend or strike an existing clause, or add a new one.' })
export class ClauseChangeInput {
  @Field({ description: 'amend | add | strike' }) change!: string;
  @Field() eId!: string;
  @Field(() => String, { nullable: true }) heading?: string | null;
  @Field(() => String, { nullable: true, description: 'the whole new text; required for amend and add' }) text?: string | null;
  @Field(() => PolicyRuleInput, { nullable: true }) rule?: PolicyRuleInput | null;
}

@InputType('CastVoteInput')
export class CastVoteInput {
  @Field(() => ID) personId!: string;
  @Field(() => VoteChoice) choice!: VoteChoice;
}

/** Fields every command on an existing measure carries. */
@InputType({ isAbstract: true })
export class MeasureCommandInput {
  @Field(() => ID) measureId!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'when it happened in the world; defaults to now' }) occurredAt?: string | null;
  @Field(() => Int, { nullable: true, description: "the measure's revision you read; CONFLICT if it changed since" })
  expectedRevision?: number | null;
}

@InputType('IntroduceMeasureInput')
export class IntroduceMeasureInput {
  @Field(() => ID, { description: 'e.g. CB17-0766' }) id!: string;
  @Field(() => MeasureKind, { description: 'ORDINANCE or RESOLUTION (executive orders are drafted by the mayor)' }) kind!: MeasureKind;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => ID, { description: 'the legislature' }) bodyId!: string;
  @Field(() => [ID]) sponsorIds!: string[];
  @Field(() => [ClauseInput]) clauses!: ClauseInput[];
  @Field(() => DateTimeScalar, { nullable: true }) occurredAt?: string | null;
}

@InputType('ReferMeasureInput')
export class ReferMeasureInput extends MeasureCommandInput {
  @Field(() => ID) committeeId!: string;
}

@InputType('RecordVoteInput')
export class RecordVoteInput extends MeasureCommandInput {
  @Field(() => ID) bodyId!: string;
  @Field({ description: 'committee-passage | first-reading | final-passage | amendment | veto-override | adoption | reconsideration' }) motion!: string;
  @Field(() => [CastVoteInput], { description: 'members of the body not listed are recorded ABSENT; the result is computed' })
  votes!: CastVoteInput[];
  @Field(() => ClauseChangeInput, { nullable: true, description: 'for an amendment motion' }) amendment?: ClauseChangeInput | null;
  @Field(() => ID, { nullable: true, description: "for a reconsideration motion: the measure's latest vote, by the same body" }) reconsidersVoteId?: string | null;
}

@InputType('CorrectVoteInput')
export class CorrectVoteInput extends MeasureCommandInput {
  @Field(() => ID, { description: 'the vote whose roll call was mis-recorded, e.g. vote:CB17-0766:4' }) voteId!: string;
  @Field(() => [CastVoteInput], { description: 'the roll call as it should have been: members of the body that day not listed are ABSENT' })
  votes!: CastVoteInput[];
  @Field({ description: 'why the recorded roll call was wrong (kept with the correction)' }) reason!: string;
}

@InputType('ExplainVoteInput')
export class ExplainVoteInput extends MeasureCommandInput {
  @Field(() => ID) voteId!: string;
  @Field(() => ID, { description: 'the member explaining their vote (present at it)' }) personId!: string;
  @Field({ description: "the member's explanation, in their words" }) explanation!: string;
}

@InputType('RecordQuorumFailureInput')
export class RecordQuorumFailureInput extends MeasureCommandInput {
  @Field(() => ID) bodyId!: string;
  @Field({ description: 'the motion the body met to vote on' }) motion!: string;
  @Field(() => [ID], { description: 'the members present, fewer than the quorum' }) present!: string[];
}

@InputType('SignMeasureInput')
export class SignMeasureInput extends MeasureCommandInput {
  @Field(() => ID, { description: 'the executive office the mayor acts for' }) officeId!: string;
  @OnBehalfOfField() onBehalfOf?: string | null;
}

@InputType('VetoMeasureInput')
export class VetoMeasureInput extends SignMeasureInput {
  @Field() reason!: string;
}

@InputType('EnactMeasureInput')
export class EnactMeasureInput extends MeasureCommandInput {
  @Field(() => DateScalar, { description: 'first day in force' }) effectiveFrom!: string;
}

@InputType('WithdrawMeasureInput')
export class WithdrawMeasureInput extends MeasureCommandInput {
  @Field() reason!: string;
}

@InputType('RepealMeasureInput')
export class RepealMeasureInput extends MeasureCommandInput {
  @Field(() => ID, { description: 'the enacted measure that repeals it' }) byMeasureId!: string;
  @Field(() => DateScalar, { description: 'first day no longer in force' }) effectiveUntil!: string;
}

@InputType('AmendByMeasureInput')
export class AmendByMeasureInput extends MeasureCommandInput {
  @Field(() => ID, { description: 'the enacted measure that makes the change' }) byMeasureId!: string;
  @Field(() => ClauseChangeInput) amendment!: ClauseChangeInput;
  @Field(() => DateScalar, { description: 'first day the new version is in force' }) effectiveFrom!: string;
}

@InputType('DraftExecutiveOrderInput')
export class DraftExecutiveOrderInput {
  @Field(() => ID, { description: 'e.g. EO-2017-142' }) id!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => ID, { description: 'the executive office issuing it' }) officeId!: string;
  @Field(() => [ClauseInput]) clauses!: ClauseInput[];
  @Field(() => DateTimeScalar, { nullable: true }) occurredAt?: string | null;
  @OnBehalfOfField() onBehalfOf?: string | null;
}

@InputType('IssueExecutiveOrderInput')
export class IssueExecutiveOrderInput extends MeasureCommandInput {
  @Field(() => DateScalar) effectiveFrom!: string;
  @OnBehalfOfField() onBehalfOf?: string | null;
}

@InputType('RevokeExecutiveOrderInput')
export class RevokeExecutiveOrderInput extends MeasureCommandInput {
  @Field(() => DateScalar, { description: 'first day no longer in force' }) effectiveUntil!: string;
  @Field() reason!: string;
  @OnBehalfOfField() onBehalfOf?: string | null;
}
