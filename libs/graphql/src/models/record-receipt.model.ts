import { Field, Int, ObjectType } from '@nestjs/graphql';
import { LedgerEventModel } from './ledger-event.model';

@ObjectType('RecordReceipt', { description: 'What a mutation appended: the events with their sequences and leaf hashes.' })
export class RecordReceiptModel {
  @Field() streamId!: string;
  @Field(() => Int, { description: "the stream's revision after the append: pass it as expectedRevision next time" })
  revision!: number;
  @Field(() => [LedgerEventModel]) events!: LedgerEventModel[];
}
