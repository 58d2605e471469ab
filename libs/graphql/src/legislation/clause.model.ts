import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NodeInterface } from '../relay/node.interface';

/** A clause of a measure across all its versions; measure, versions and inForce are resolver fields. */
@ObjectType('Clause', { implements: () => [NodeInterface] })
export class ClauseModel implements NodeInterface {
  readonly __typename = 'Clause';
  @Field(() => ID, { description: '<measure id>#<eId>' }) id!: string;
  @Field({ description: 'Akoma Ntoso eId, e.g. sec_2__subsec_b' }) eId!: string;
  @Field(() => String, { nullable: true, description: 'the heading of its newest version' }) heading!: string | null;
  /** not served: resolved to `measure` */
  measureId!: string;
}
