import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from './connection.models';
import { VoteChoice } from './vote.model';

/** One member's choice in one vote; person and vote are resolver fields. */
@ObjectType('VoteCast')
export class VoteCastModel {
  @Field(() => VoteChoice) choice!: VoteChoice;
  /** not served: resolved to `person` and `vote` */
  personId!: string;
  voteId!: string;
  /** not served: the vote's sequence, a person's votes' page cursor */
  sequence!: number;
}

@ObjectType('VoteCastEdge')
export class VoteCastEdgeModel {
  @Field() cursor!: string;
  @Field(() => VoteCastModel) node!: VoteCastModel;
}

@ObjectType('VoteCastConnection')
export class VoteCastConnectionModel {
  @Field(() => [VoteCastEdgeModel]) edges!: VoteCastEdgeModel[];
  @Field(() => PageInfoModel) pageInfo!: PageInfoModel;
  @Field(() => Int) totalCount!: number;
}
