import { Field, Int, ObjectType } from '@nestjs/graphql';
import { LedgerEventModel } from './ledger-event.model';

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('LedgerEventEdge')
export class LedgerEventEdgeModel {
  @Field() cursor!: string;
  @Field(() => LedgerEventModel) node!: LedgerEventModel;
}

@ObjectType('LedgerEventConnection')
export class LedgerEventConnectionModel {
  @Field(() => [LedgerEventEdgeModel]) edges!: LedgerEventEdgeModel[];
  @Field(() => PageInfoModel) pageInfo!: PageInfoModel;
  @Field(() => Int) totalCount!: number;
}
