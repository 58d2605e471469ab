import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { DecisionOutcomeValue } from '@ledger/projections';
import { DateTimeScalar } from '../scalars';
import { ComplianceAssessmentModel } from './compliance.model';
import { Connection } from '../relay/connection';
import { NodeInterface } from '../relay/node.interface';

export enum DecisionOutcome {
  GRANTED = 'GRANTED',
  PARTIALLY_GRANTED = 'PARTIALLY_GRANTED',
  DENIED = 'DENIED',
}
registerEnumType(DecisionOutcome, { name: 'DecisionOutcome' });

// Fails to compile if the read model and the GraphQL enum ever disagree on a value.
const _sameOutcomes: [DecisionOutcomeValue, `${DecisionOutcome}`] extends [`${DecisionOutcome}`, DecisionOutcomeValue] ? true : never = true;

@ObjectType('DecisionReview', { description: "Oversight's latest finding on a decision." })
export class DecisionReviewModel {
  @Field({ description: 'upheld | violation' }) finding!: string;
  @Field() reasons!: string;
  @Field({ description: 'the oversight account that reviewed it' }) reviewedBy!: string;
  @Field(() => DateTimeScalar) reviewedAt!: string;
}

@ObjectType('Disclosure', { description: 'What was actually disclosed under a decision, which may differ from what it granted.' })
export class DisclosureModel {
  @Field(() => [String]) disclosedCategories!: string[];
  @Field({ description: 'e.g. email, phone' }) channel!: string;
  @Field(() => DateTimeScalar) disclosedAt!: string;
}

/**
 * A decision on a data request, as corrected. The request, people, organizations, citations,
 * disclosures and history are resolver fields; the compliance assessment is stored with the row.
 */
@ObjectType('Decision', { implements: () => [NodeInterface] })
export class DecisionModel implements NodeInterface {
  readonly __typename = 'Decision';
  @Field(() => ID, { description: 'decision:<uuid of the request>' }) id!: string;
  @Field(() => DecisionOutcome) outcome!: DecisionOutcome;
  @Field(() => [String], { description: 'the categories granted (empty when denied)' }) disclosedCategories!: string[];
  @Field(() => DateTimeScalar) decidedAt!: string;
  @Field({ description: "why, in the officer's words" }) rationale!: string;
  @Field(() => [String], { description: 'conditions the officer states were met before disclosure, e.g. advise-of-rights' })
  actionsTaken!: string[];
  @Field(() => ComplianceAssessmentModel) compliance!: ComplianceAssessmentModel;
  @Field({ description: 'true once a correction changed it; the history says what and why' }) corrected!: boolean;
  @Field(() => DecisionReviewModel, { nullable: true, description: "oversight's latest review, if any" }) review!: DecisionReviewModel | null;
  /** not served: resolved to `request`, `decidedBy`, `decidingOrganization` and `history` */
  requestId!: string;
  decidedById!: string;
  decidingOrgId!: string;
  streamId!: string;
  /** not served: the page cursor */
  sequence!: number;
}

@ObjectType('DecisionConnection')
export class DecisionConnectionModel extends Connection(DecisionModel, 'Decision') {}
