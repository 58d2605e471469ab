import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType('EventFilter')
export class EventFilterInput {
  @Field(() => String, { nullable: true }) streamId?: string | null;
  @Field(() => String, { nullable: true }) type?: string | null;
  @Field(() => ID, { nullable: true }) recordedById?: string | null;
  @Field(() => Int, { nullable: true }) fromSequence?: number | null;
  @Field(() => Int, { nullable: true }) toSequence?: number | null;
}
