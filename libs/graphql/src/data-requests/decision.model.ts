import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { DecisionOutcomeValue, ViolationFoundVia as ViolationFoundViaValue } from '@ledger/projections';
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

export enum ViolationFoundVia {
  ASSESSMENT = 'ASSESSMENT',
  OVERSIGHT_REVIEW = 'OVERSIGHT_REVIEW',
}
registerEnumType(ViolationFoundVia, {
  name: 'ViolationFoundVia',
  valuesMap: {
    ASSESSMENT: { description: "the ledger's assessment against the rules in force" },
    OVERSIGHT_REVIEW: { description: "oversight's review found it in violation" },
  },
});
const _sameVia: [ViolationFoundViaValue, `${ViolationFoundVia}`] extends [`${ViolationFoundVia}`, ViolationFoundViaValue] ? true : never = true;

@ObjectType('ViolationFound', { description: 'The first time a decision was found in violation. No correction or later review clears it.' })
export class ViolationFoundModel {
  @Field(() => DateTimeScalar, { description: 'when the act that found it took place' }) foundAt!: string;
  @Field(() => ViolationFoundVia) via!: ViolationFoundVia;
  /** not served: resolved to `foundBy` */
  foundById!: string | null;
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
  @Field(() => ComplianceAssessmentModel, {
    description: "the assessment that counts: a correction of a decision oversight reviewed or that was found in violation counts only once oversight reviews it (unless it finds a violation)",
  })
  compliance!: ComplianceAssessmentModel;
  @Field(() => ComplianceAssessmentModel, { nullable: true, description: "the corrected decision's assessment, awaiting oversight's review before it counts" })
  correctionAwaitingReview!: ComplianceAssessmentModel | null;
  @Field(() => ViolationFoundModel, { nullable: true, description: 'the first time it was found in violation, whatever followed; the history shows what did' })
  violationFound!: ViolationFoundModel | null;
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
