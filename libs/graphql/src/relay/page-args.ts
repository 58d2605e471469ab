import { ArgsType, Field, Int } from '@nestjs/graphql';

/** The arguments of every Relay connection: a page forward (first/after) or backward (last/before). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true }) first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
  @Field(() => Int, { nullable: true }) last?: number | null;
  @Field(() => String, { nullable: true }) before?: string | null;
}
