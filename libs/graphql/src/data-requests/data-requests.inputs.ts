import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { DateTimeScalar } from '../scalars';
import { DecisionOutcome } from './decision.model';
import { OnBehalfOfField } from '../mutations/on-behalf-of.field';

@InputType('ReceiveDataRequestInput', { description: 'officer: a request from an outside agency to your department' })
export class ReceiveDataRequestInput {
  @Field(() => ID) requestingOrganizationId!: string;
  @Field(() => ID, { description: 'your department' }) receivingOrganizationId!: string;
  @Field(() => [String], { description: 'e.g. release-date-time, immigration-status, address' }) dataCategories!: string[];
  @Field({ description: 'share | notify | allow-access: what granting it would do' }) action!: string;
  @Field(() => [String], { description: 'what kind of recipient the agency is, e.g. federal-immigration-enforcement' })
  recipientCategories!: string[];
  @Field({ description: 'e.g. civil-immigration-enforcement, criminal-investigation' }) purpose!: string;
  @Field({ description: 'none | detainer | administrative-warrant | judicial-warrant | court-order' }) legalBasis!: string;
  @Field({ description: 'how it arrived, e.g. email, fax, phone' }) channel!: string;
  @Field({ description: 'the identifier of the resident concerned (e.g. a booking number); never stored: the ledger keeps a keyed HMAC of it' })
  subjectIdentifier!: string;
  @Field(() => String, { nullable: true, description: "personal details, encrypted under the resident's own key; erasable" })
  personalDetails?: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) occurredAt?: string | null;
  @OnBehalfOfField() onBehalfOf?: string | null;
}

@InputType('CitationInput')
export class CitationInput {
  @Field(() => ID, { description: '<measure id>#<eId>' }) clauseId!: string;
  @Field(() => Int, { nullable: true, description: "default: the version in force on the decision's date" }) version?: number | null;
}

@InputType({ isAbstract: true })
export class RequestCommandInput {
  @Field(() => ID) requestId!: string;
  @Field(() => DateTimeScalar, { nullable: true }) occurredAt?: string | null;
  @Field(() => Int, { nullable: true, description: "the request's revision you read; CONFLICT if it changed since" }) expectedRevision?: number | null;
  @OnBehalfOfField() onBehalfOf?: string | null;
}

@InputType('DecideDataRequestInput')
export class DecideDataRequestInput extends RequestCommandInput {
  @Field(() => DecisionOutcome) outcome!: DecisionOutcome;
  @Field(() => [String], { defaultValue: [], description: 'the categories granted (empty when denied)' }) disclosedCategories!: string[];
  @Field(() => [CitationInput], { description: 'the clause versions relied on; each must be in force that day' }) citations!: CitationInput[];
  @Field() rationale!: string;
  @Field(() => [String], { defaultValue: [], description: 'conditions met before disclosure, e.g. advise-of-rights' }) actionsTaken!: string[];
}

@InputType('RecordDisclosureInput')
export class RecordDisclosureInput extends RequestCommandInput {
  @Field(() => [String], { description: 'what was actually handed over' }) disclosedCategories!: string[];
  @Field() channel!: string;
}

@InputType('ReviewDecisionInput')
export class ReviewDecisionInput extends RequestCommandInput {
  @Field({ description: 'upheld | violation' }) finding!: string;
  @Field() reasons!: string;
}

@InputType('CorrectDecisionInput')
export class CorrectDecisionInput extends RequestCommandInput {
  @Field(() => DecisionOutcome, { nullable: true }) outcome?: DecisionOutcome | null;
  @Field(() => [String], { nullable: true }) disclosedCategories?: string[] | null;
  @Field(() => [CitationInput], { nullable: true }) citations?: CitationInput[] | null;
  @Field(() => String, { nullable: true }) rationale?: string | null;
  @Field(() => [String], { nullable: true }) actionsTaken?: string[] | null;
  @Field({ description: 'why the recorded decision was wrong' }) reason!: string;
}
