import { Field, ID, InputType } from '@nestjs/graphql';
import { DateScalar } from '../scalars';
import { MeasureKind, MeasureStatus } from './measure.model';

@InputType('MeasureFilter')
export class MeasureFilterInput {
  @Field(() => MeasureKind, { nullable: true }) kind?: MeasureKind | null;
  @Field(() => MeasureStatus, { nullable: true }) status?: MeasureStatus | null;
  @Field(() => ID, { nullable: true }) sponsorId?: string | null;
  @Field(() => String, { nullable: true, description: 'full-text search over titles and clause text' }) text?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'measures in force on that date' }) inForceOn?: string | null;
}
