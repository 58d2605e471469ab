import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../scalars';
import { OrganizationKind } from './organization.model';

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

@InputType('VotingRulesInput', { description: "A voting body's rules: the ledger computes quorum and results from them." })
export class VotingRulesInput {
  @Field(() => Int) seats!: number;
  @Field(() => Int) quorum!: number;
  @Field({ defaultValue: 'majority-of-present', description: 'how an ordinary motion passes; only majority-of-present for now' })
  passage!: string;
  @Field(() => Int, { nullable: true, description: 'YES votes needed to override a veto' }) overrideVotes?: number | null;
  @Field({
    defaultValue: 'present',
    description:
      'how an abstention counts: present (in the base of a majority-of-present) or not-voting (present for the quorum, but a motion needs a majority of the YES and NO votes: majority-of-votes-cast)',
  })
  abstentions!: string;
}

@InputType('RegisterOrganizationInput')
export class RegisterOrganizationInput {
  @Field(() => ID, { description: 'org:slug' }) id!: string;
  @Field() name!: string;
  @Field(() => OrganizationKind) kind!: OrganizationKind;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => VotingRulesInput, { nullable: true, description: 'required for LEGISLATURE and COMMITTEE' }) rules?: VotingRulesInput | null;
  @Field(() => DateTimeScalar, { nullable: true }) occurredAt?: string | null;
}

@InputType('CorrectOrganizationInput')
export class CorrectOrganizationInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => VotingRulesInput, { nullable: true }) rules?: VotingRulesInput | null;
  @Field() reason!: string;
  @Field(() => Int, { nullable: true }) expectedRevision?: number | null;
  @Field(() => DateTimeScalar, { nullable: true }) occurredAt?: string | null;
}

@InputType('StartMembershipInput')
export class StartMembershipInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID) personId!: string;
  @Field({ description: 'e.g. member, chair, mayor, officer' }) role!: string;
  @Field(() => DateScalar) startDate!: string;
  @Field(() => DateTimeScalar, { nullable: true }) occurredAt?: string | null;
}

@InputType('EndMembershipInput')
export class EndMembershipInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID) personId!: string;
  @Field() role!: string;
  @Field(() => DateScalar, { description: 'last day in the role' }) endDate!: string;
  @Field(() => DateTimeScalar, { nullable: true }) occurredAt?: string | null;
}

@InputType('CorrectMembershipInput')
export class CorrectMembershipInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID) personId!: string;
  @Field() role!: string;
  @Field(() => DateScalar, { description: 'the recorded start date that identifies the membership' }) startDate!: string;
  @Field(() => DateScalar, { nullable: true }) newStartDate?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'the corrected last day' }) newEndDate?: string | null;
  @Field({ defaultValue: false, description: 'true to record that the membership has not ended' }) reopen!: boolean;
  @Field() reason!: string;
  @Field(() => DateTimeScalar, { nullable: true }) occurredAt?: string | null;
}
