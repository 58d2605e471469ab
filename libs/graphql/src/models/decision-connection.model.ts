import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from './connection.models';
import { DecisionModel } from './decision.model';

@ObjectType('DecisionEdge')
export class DecisionEdgeModel {
  @Field() cursor!: string;
  @Field(() => DecisionModel) node!: DecisionModel;
}

@ObjectType('DecisionConnection')
export class DecisionConnectionModel {
  @Field(() => [DecisionEdgeModel]) edges!: DecisionEdgeModel[];
  @Field(() => PageInfoModel) pageInfo!: PageInfoModel;
  @Field(() => Int) totalCount!: number;
}
