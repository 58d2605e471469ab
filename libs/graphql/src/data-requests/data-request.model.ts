import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { EncryptedDetailsRow } from '@ledger/projections';
import { DateTimeScalar } from '../scalars';
import { NodeInterface } from '../relay/node.interface';

/**
 * An outside agency's request to a city department. Organizations, the decision, history and the
 * restricted fields are resolver fields: subjectRef and personalDetails are served only to the
 * oversight role, so they are kept on the model under `restricted`, which is never a field.
 */
@ObjectType('DataRequest', { implements: () => [NodeInterface] })
export class DataRequestModel implements NodeInterface {
  readonly __typename = 'DataRequest';
  @Field(() => ID, { description: 'data-request:<uuid>' }) id!: string;
  @Field(() => DateTimeScalar) receivedAt!: string;
  @Field(() => [String], { description: 'what is asked for, e.g. release-date-time, immigration-status, address' }) dataCategories!: string[];
  @Field({ description: 'what granting it would do: share | notify | allow-access' }) action!: string;
  @Field(() => [String], { description: 'what kind of recipient the agency is, e.g. federal-immigration-enforcement' })
  recipientCategories!: string[];
  @Field({ description: 'e.g. civil-immigration-enforcement, criminal-investigation' }) purpose!: string;
  @Field({ description: 'none | detainer | administrative-warrant | judicial-warrant | court-order' }) legalBasis!: string;
  @Field({ description: 'how it arrived, e.g. email, fax, phone, in-person' }) channel!: string;
  /** not served: resolved to the organizations and `history` */
  requestingOrgId!: string;
  receivingOrgId!: string;
  streamId!: string;
  /** not served: released only by the restricted resolver fields */
  restricted!: { subjectRef: string; personalDetails: EncryptedDetailsRow | null };
}
