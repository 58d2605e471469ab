import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ComplianceStatusValue } from '@ledger/projections';

export enum ComplianceStatus {
  COMPLIANT = 'COMPLIANT',
  VIOLATION = 'VIOLATION',
  NO_APPLICABLE_RULE = 'NO_APPLICABLE_RULE',
}
registerEnumType(ComplianceStatus, { name: 'ComplianceStatus' });

// Fails to compile if the read model and the GraphQL enum ever disagree on a value.
const _sameStatuses: [ComplianceStatusValue, `${ComplianceStatus}`] extends [`${ComplianceStatus}`, ComplianceStatusValue] ? true : never = true;

/** One rule in force held against a decision; clause is a resolver field (the version assessed). */
@ObjectType('ComplianceFinding')
export class ComplianceFindingModel {
  @Field(() => ComplianceStatus) status!: ComplianceStatus;
  @Field({ description: 'one sentence naming the clause version and what the decision did' }) explanation!: string;
  /** not served: resolved to `clause` */
  clauseId!: string;
  version!: number;
}

@ObjectType('ComplianceAssessment', { description: 'The decision held against every rule in force when it was taken.' })
export class ComplianceAssessmentModel {
  @Field(() => ComplianceStatus) status!: ComplianceStatus;
  @Field(() => [ComplianceFindingModel], { description: 'one per rule that applied' }) findings!: ComplianceFindingModel[];
  @Field(() => [String], { description: 'violations tied to no clause, e.g. a disclosure beyond what the decision granted' })
  notes!: string[];
}
