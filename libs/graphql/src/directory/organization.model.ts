import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
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

/** An organization of the directory; parent, members and history are resolver fields. */
@ObjectType('Organization', { implements: () => [NodeInterface] })
export class OrganizationModel implements NodeInterface {
  readonly __typename = 'Organization';
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => OrganizationKind) kind!: OrganizationKind;
  /** not served: resolved to `parent` */
  parentId!: string | null;
  /** not served: where history is read from */
  streamId!: string;
}
