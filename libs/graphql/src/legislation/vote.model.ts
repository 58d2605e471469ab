import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { VoteChoiceValue, VoteResultValue } from '@ledger/projections';
import { DateTimeScalar } from '../scalars';
import { NodeInterface } from '../relay/node.interface';

export enum VoteChoice {
  YES = 'YES',
  NO = 'NO',
  ABSTAIN = 'ABSTAIN',
  ABSENT = 'ABSENT',
  RECUSED = 'RECUSED',
}
registerEnumType(VoteChoice, { name: 'VoteChoice' });

export enum VoteResult {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}
registerEnumType(VoteResult, { name: 'VoteResult' });

const _sameChoices: [VoteChoiceValue, `${VoteChoice}`] extends [`${VoteChoice}`, VoteChoiceValue] ? true : never = true;
const _sameResults: [VoteResultValue, `${VoteResult}`] extends [`${VoteResult}`, VoteResultValue] ? true : never = true;

@ObjectType('Tally')
export class TallyModel {
  @Field(() => Int) yes!: number;
  @Field(() => Int) no!: number;
  @Field(() => Int) abstain!: number;
  @Field(() => Int) absent!: number;
  @Field(() => Int) recused!: number;
}

/** A body's vote on a motion about a measure; measure, body, rollCall and history are resolver fields. */
@ObjectType('Vote', { implements: () => [NodeInterface] })
export class VoteModel implements NodeInterface {
  readonly __typename = 'Vote';
  @Field(() => ID, { description: 'vote:<measure id>:<n>' }) id!: string;
  @Field({ description: 'committee-passage | first-reading | final-passage | amendment | veto-override | adoption | reconsideration' }) motion!: string;
  @Field(() => DateTimeScalar) occurredAt!: string;
  @Field(() => TallyModel) tally!: TallyModel;
  @Field({ description: 'the rule the result was computed with, e.g. majority-of-present, two-thirds-of-members' }) threshold!: string;
  @Field(() => VoteResult, { description: 'as computed from the roll call, the corrected one when a clerk corrected it' }) result!: VoteResult;
  @Field({ description: 'true once a clerk corrected the roll call; the history holds the vote as first recorded and each correction with its reason' })
  corrected!: boolean;
  @Field(() => Int, { description: 'members present: voting yes, no or abstaining, or recused (in the room, not voting)' }) present!: number;
  @Field(() => Int, { description: 'how many YES votes the motion needed under its threshold' }) needed!: number;
  /** not served: resolved to `measure`, `body`, `reconsiders` and `reconsideredBy` */
  measureId!: string;
  bodyId!: string;
  reconsidersVoteId!: string | null;
  reconsideredByVoteId!: string | null;
}
