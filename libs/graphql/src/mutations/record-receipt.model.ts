import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LedgerEventModel } from '../event-log/ledger-event.model';

@ObjectType('RecordReceipt', { description: 'What a mutation appended: the events with their sequences and leaf hashes.' })
export class RecordReceiptModel {
  @Field() streamId!: string;
  @Field(() => ID, { nullable: true, description: 'the node the command created or changed (a person, organization, measure, clause, vote, data request or decision): read it back with node(id)' })
  nodeId!: string | null;
  @Field(() => Int, { description: "the stream's revision after the append: pass it as expectedRevision next time" })
  revision!: number;
  @Field(() => [LedgerEventModel]) events!: LedgerEventModel[];
  @Field({ description: 'true when the Idempotency-Key header named a command recorded before: these are its events, and nothing new was written' })
  replayed!: boolean;
  @Field({ description: 'false when the events are recorded but the read models could not show them yet (see /healthz); queries will, once they recover' })
  readModelsUpToDate!: boolean;
}
