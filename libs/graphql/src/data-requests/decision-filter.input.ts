import { Field, ID, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../scalars';
import { ClauseRelation } from './clause-relation.enum';
import { ComplianceStatus } from './compliance.model';
import { DecisionOutcome } from './decision.model';

@InputType('DecisionFilter', { description: 'every field given narrows the list' })
export class DecisionFilterInput {
  @Field(() => ID, { nullable: true }) decidingOrganizationId?: string | null;
  @Field(() => ID, { nullable: true }) decidedById?: string | null;
  @Field(() => ID, { nullable: true }) requestingOrganizationId?: string | null;
  @Field(() => DecisionOutcome, { nullable: true }) outcome?: DecisionOutcome | null;
  @Field(() => ComplianceStatus, { nullable: true, description: 'the assessment that counts (Decision.compliance)' }) complianceStatus?: ComplianceStatus | null;
  @Field(() => Boolean, { nullable: true, description: 'true: decisions ever found in violation, by the assessment or by oversight, whatever corrections followed; false: never' })
  everFoundInViolation?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "true: decisions with a correction awaiting oversight's review" }) awaitingReview?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'decisions related to any version of this clause, as clauseRelation says' }) clauseId?: string | null;
  @Field(() => ClauseRelation, {
    nullable: true,
    defaultValue: ClauseRelation.CITED,
    description: 'how a decision relates to clauseId: CITED (the default), JUDGED_AGAINST or EITHER; without clauseId it narrows nothing',
  })
  clauseRelation?: ClauseRelation | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'decided at or after this instant' }) from?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'decided before this instant' }) to?: string | null;
}
