import { Field, ObjectType } from '@nestjs/graphql';
import { ClauseVersionModel } from './clause-version.model';
import { ActorModel, LedgerEventModel } from './ledger-event.model';
import { VoteModel } from './vote.model';

@ObjectType('Trace', { description: 'Everything that led to a node: its own events and those of the clauses, votes and signatures it rests on.' })
export class TraceModel {
  @Field(() => [LedgerEventModel], { description: 'oldest first, by sequence' }) events!: LedgerEventModel[];
  @Field(() => [ActorModel], { description: 'who recorded those events, each account once' }) actors!: ActorModel[];
  @Field(() => [ClauseVersionModel]) clauses!: ClauseVersionModel[];
  @Field(() => [VoteModel]) votes!: VoteModel[];
  /** not served: resolved to `subject` through the node dispatch */
  subjectId!: string;
}
