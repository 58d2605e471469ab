import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../scalars';

@ObjectType('PolicyRule', { description: 'A machine-readable statement of what a clause prohibits, permits or requires.' })
export class PolicyRuleModel {
  @Field({ description: 'prohibit | permit | require' }) effect!: string;
  @Field({ description: 'e.g. collect | share | notify | allow-access | advise-of-rights' }) action!: string;
  @Field(() => [String], { description: 'e.g. immigration-status | release-date-time | address' }) dataCategories!: string[];
  @Field(() => [String], { description: 'e.g. federal-immigration-enforcement' }) recipients!: string[];
  @Field(() => [String], { description: 'legal bases that lift the rule, e.g. judicial-warrant' }) unless!: string[];
}

/** One version of a clause; clause, adoptedBy and event are resolver fields. */
@ObjectType('ClauseVersion')
export class ClauseVersionModel {
  @Field(() => Int, { description: '1 is the text as introduced' }) version!: number;
  @Field(() => String, { nullable: true }) heading!: string | null;
  @Field({ description: 'the text; for a struck version, the text it struck' }) text!: string;
  @Field(() => PolicyRuleModel, { nullable: true }) rule!: PolicyRuleModel | null;
  @Field({ description: 'this version strikes the clause: it is never in force and ends the one before' }) struck!: boolean;
  @Field(() => DateScalar, { nullable: true, description: 'first day in force; null while the measure is not in force' })
  validFrom!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'first day no longer in force; null while in force' })
  validUntil!: string | null;
  /** not served: resolved to `clause`, `adoptedBy` and `event` */
  clauseId!: string;
  measureId!: string;
  eId!: string;
  adoptedByVoteId!: string | null;
  /** the enacted measure that made this version (an amendment by another measure), else null */
  byMeasureId!: string | null;
  eventId!: string;
}
