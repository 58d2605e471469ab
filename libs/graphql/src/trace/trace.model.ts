import { Field, ObjectType } from '@nestjs/graphql';
import { ClauseVersionModel } from '../legislation/clause-version.model';
import { ActorModel, LedgerEventModel } from '../event-log/ledger-event.model';
import { VoteModel } from '../legislation/vote.model';
import type { NodeInterface } from '../relay/node.interface';

@ObjectType('Trace', { description: 'Everything that led to a node: its own events and those of the clauses, votes and signatures it rests on.' })
export class TraceModel {
  @Field(() => [LedgerEventModel], { description: 'oldest first, by sequence' }) events!: LedgerEventModel[];
  @Field(() => [ActorModel], { description: 'who recorded those events, each account once' }) actors!: ActorModel[];
  @Field(() => [ClauseVersionModel]) clauses!: ClauseVersionModel[];
  @Field(() => [VoteModel]) votes!: VoteModel[];
  /** not served: resolved to `subject` through the node dispatch */
  subjectId!: string;
  /** not served: the subject when the trace already read its row (a decision), so `subject` need not read it again */
  subjectNode?: NodeInterface;
}
