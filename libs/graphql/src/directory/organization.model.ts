import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { OrganizationKindValue } from '@ledger/projections';
import { NodeInterface } from '../relay/node.interface';

export enum OrganizationKind {
  LEGISLATURE = 'LEGISLATURE',
  COMMITTEE = 'COMMITTEE',
  EXECUTIVE = 'EXECUTIVE',
  DEPARTMENT = 'DEPARTMENT',
  EXTERNAL_AGENCY = 'EXTERNAL_AGENCY',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

// Fails to compile if the read model and the GraphQL enum ever disagree on a value.
const _sameKinds: [OrganizationKindValue, `${OrganizationKind}`] extends [`${OrganizationKind}`, OrganizationKindValue] ? true : never = true;

@ObjectType('VotingRules', { description: "A voting body's rules, from which the ledger computes quorum, threshold and result of each vote." })
export class VotingRulesModel {
  @Field(() => Int) seats!: number;
  @Field(() => Int, { description: 'members present needed for any vote' }) quorum!: number;
  @Field({ description: 'how an ordinary motion passes: majority-of-present' }) passage!: string;
  @Field(() => Int, { nullable: true, description: 'YES votes needed to override a veto; null where the body cannot override one' }) overrideVotes!: number | null;
  @Field({ description: 'how an abstention counts: present (in the base of a majority of those present) or not-voting (for the quorum only; a motion needs a majority of YES and NO votes)' })
  abstentions!: string;
}

/** An organization of the directory; parent, members and history are resolver fields. */
@ObjectType('Organization', { implements: () => [NodeInterface] })
export class OrganizationModel implements NodeInterface {
  readonly __typename = 'Organization';
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => OrganizationKind) kind!: OrganizationKind;
  @Field(() => VotingRulesModel, { nullable: true, description: 'for a LEGISLATURE or COMMITTEE: its voting rules as recorded (corrections included); null for bodies that do not vote' })
  votingRules!: VotingRulesModel | null;
  /** not served: resolved to `parent` */
  parentId!: string | null;
  /** not served: where history is read from */
  streamId!: string;
}
