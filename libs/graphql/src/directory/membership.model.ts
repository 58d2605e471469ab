import { Field, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../scalars';

/** A role held in an organization over a period; person and organization are resolver fields. */
@ObjectType('Membership')
export class MembershipModel {
  @Field() role!: string;
  @Field(() => DateScalar, { description: 'first day in the role' }) startDate!: string;
  @Field(() => DateScalar, { nullable: true, description: 'last day in the role (inclusive); null while serving' })
  endDate!: string | null;
  /** not served: resolved to `person` and `organization` */
  personId!: string;
  orgId!: string;
}
