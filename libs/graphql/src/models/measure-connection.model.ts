import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from './connection.models';
import { MeasureModel } from './measure.model';

@ObjectType('MeasureEdge')
export class MeasureEdgeModel {
  @Field() cursor!: string;
  @Field(() => MeasureModel) node!: MeasureModel;
}

@ObjectType('MeasureConnection')
export class MeasureConnectionModel {
  @Field(() => [MeasureEdgeModel]) edges!: MeasureEdgeModel[];
  @Field(() => PageInfoModel) pageInfo!: PageInfoModel;
  @Field(() => Int) totalCount!: number;
}
