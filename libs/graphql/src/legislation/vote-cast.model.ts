import { Field, ObjectType } from '@nestjs/graphql';
import { Connection } from '../relay/connection';
import { VoteChoice } from './vote.model';

/** One member's choice in one vote; person and vote are resolver fields. */
@ObjectType('VoteCast')
export class VoteCastModel {
  @Field(() => VoteChoice) choice!: VoteChoice;
  @Field(() => String, { nullable: true, description: "the member's explanation of their vote, if they recorded one" }) explanation!: string | null;
  /** not served: resolved to `person` and `vote` */
  personId!: string;
  voteId!: string;
  /** not served: the vote's sequence, a person's votes' page cursor */
  sequence!: number;
}

@ObjectType('VoteCastConnection')
export class VoteCastConnectionModel extends Connection(VoteCastModel, 'VoteCast') {}
