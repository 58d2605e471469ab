import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CommitmentSalts } from '@ledger/event-store';
import { DateTimeScalar } from '../scalars';
import { Connection } from '../relay/connection';
import { NodeInterface } from '../relay/node.interface';

@ObjectType('Actor', { description: 'Who recorded an event: the authenticated account behind the command.' })
export class ActorModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() role!: string;
}

@ObjectType('LedgerEvent', { implements: () => [NodeInterface], description: 'One immutable event of the ledger, with its provenance.' })
export class LedgerEventModel implements NodeInterface {
  readonly __typename = 'LedgerEvent';
  @Field(() => ID) id!: string;
  @Field() type!: string;
  @Field(() => Int) schemaVersion!: number;
  @Field() streamId!: string;
  @Field(() => Int) streamRevision!: number;
  @Field(() => Int) sequence!: number;
  @Field(() => DateTimeScalar) occurredAt!: string;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field(() => ActorModel) recordedBy!: ActorModel;
  @Field(() => ID, { nullable: true }) correlationId!: string | null;
  @Field(() => ID, { nullable: true }) causationId!: string | null;
  @Field({ description: 'lowercase hex SHA-256 Merkle leaf hash of this event (RFC 9162 section 2.1.1)' })
  leafHash!: string;
  /**
   * The stored payload, not a @Field: GraphQL serves it only through LedgerEventsResolver.data,
   * which asks the public view (libs/investigation), so a LedgerEvent reached by any path cannot bypass it.
   */
  data!: unknown;
  /** The salts of its restricted values, not a @Field either: what the public view commits to them with. */
  commitmentSalts!: CommitmentSalts | null;
}

@ObjectType('LedgerEventConnection')
export class LedgerEventConnectionModel extends Connection(LedgerEventModel, 'LedgerEvent') {}
