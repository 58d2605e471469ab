import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { MeasureKindValue, MeasureStatusValue } from '@ledger/projections';
import { DateScalar, DateTimeScalar } from '../scalars';
import { Connection } from '../relay/connection';
import { NodeInterface } from '../relay/node.interface';

export enum MeasureKind {
  ORDINANCE = 'ORDINANCE',
  EXECUTIVE_ORDER = 'EXECUTIVE_ORDER',
  RESOLUTION = 'RESOLUTION',
}
registerEnumType(MeasureKind, { name: 'MeasureKind' });

export enum MeasureStatus {
  DRAFT = 'DRAFT',
  INTRODUCED = 'INTRODUCED',
  IN_COMMITTEE = 'IN_COMMITTEE',
  PASSED = 'PASSED',
  ENACTED = 'ENACTED',
  VETOED = 'VETOED',
  FAILED = 'FAILED',
  WITHDRAWN = 'WITHDRAWN',
  REPEALED = 'REPEALED',
  REVOKED = 'REVOKED',
  ISSUED = 'ISSUED',
}
registerEnumType(MeasureStatus, { name: 'MeasureStatus', valuesMap: { ISSUED: { description: 'an executive order in force (issued, not revoked)' } } });

// Fail to compile if the read model and the GraphQL enums ever disagree on a value.
const _sameKinds: [MeasureKindValue, `${MeasureKind}`] extends [`${MeasureKind}`, MeasureKindValue] ? true : never = true;
const _sameStatuses: [MeasureStatusValue, `${MeasureStatus}`] extends [`${MeasureStatus}`, MeasureStatusValue] ? true : never = true;

/**
 * An ordinance, resolution or executive order. Sponsors, clauses, votes, actions and history are
 * resolver fields (legislation-measure.resolver.ts), loaded in batches.
 */
@ObjectType('Measure', { implements: () => [NodeInterface] })
export class MeasureModel implements NodeInterface {
  readonly __typename = 'Measure';
  @Field(() => ID) id!: string;
  @Field(() => MeasureKind) kind!: MeasureKind;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => MeasureStatus) status!: MeasureStatus;
  @Field(() => DateTimeScalar, { description: 'when it was introduced (an executive order: drafted)' }) introducedAt!: string;
  @Field(() => DateScalar, { nullable: true, description: 'first day in force' }) effectiveFrom!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'first day no longer in force' }) effectiveUntil!: string | null;
  /** not served: where history is read from */
  streamId!: string;
  /** not served: the page cursor */
  sequence!: number;
}

@ObjectType('MeasureConnection')
export class MeasureConnectionModel extends Connection(MeasureModel, 'Measure') {}
