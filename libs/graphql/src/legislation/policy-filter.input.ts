import { Field, ID, InputType } from '@nestjs/graphql';

@InputType('PolicyFilter', { description: 'Which clause versions in force policyInForce lists; every field given must hold.' })
export class PolicyFilterInput {
  @Field(() => ID, { nullable: true, description: 'the clauses of this measure only, e.g. CB17-0766' }) measureId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'clauses whose rule covers this data category (e.g. immigration-status): rules naming it, and rules naming no category, which cover every one',
  })
  dataCategory?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'clauses whose rule covers this recipient category (e.g. federal-immigration-enforcement): rules naming it, and rules naming no recipient',
  })
  recipient?: string | null;
}
