import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NodeInterface } from '../relay/node.interface';

/**
 * A person of the directory. Relations (memberships, history, and votes from the legislation
 * side) are resolver fields, so this model only carries what the row gives.
 */
@ObjectType('Person', { implements: () => [NodeInterface] })
export class PersonModel implements NodeInterface {
  readonly __typename = 'Person';
  @Field(() => ID) id!: string;
  @Field() name!: string;
  /** not served: where history is read from */
  streamId!: string;
}
