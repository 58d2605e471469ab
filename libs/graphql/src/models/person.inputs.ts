import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar } from '../scalars';

@InputType('RegisterPersonInput')
export class RegisterPersonInput {
  @Field(() => ID, { description: 'person:first-last' }) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'defaults to name' }) sortName?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'when it happened in the world; defaults to now' })
  occurredAt?: string | null;
}

@InputType('CorrectPersonInput')
export class CorrectPersonInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) sortName?: string | null;
  @Field({ description: 'why the record was wrong; kept in the ledger' }) reason!: string;
  @Field(() => Int, { nullable: true, description: 'the revision you read; the correction is refused (CONFLICT) if the record changed since' })
  expectedRevision?: number | null;
  @Field(() => DateTimeScalar, { nullable: true }) occurredAt?: string | null;
}
