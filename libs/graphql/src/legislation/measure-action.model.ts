import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../scalars';
import { ActorModel } from '../event-log/ledger-event.model';

/** One step of a measure's legislative history; organization, vote and event are resolver fields. */
@ObjectType('MeasureAction')
export class MeasureActionModel {
  @Field(() => DateTimeScalar) occurredAt!: string;
  @Field({
    description:
      'Open Civic Data style: introduction, referral-committee, committee-passage, committee-failure, reading-1, passage, failure, ' +
      'amendment-passage, amendment-failure, amended, executive-signature, executive-veto, veto-override-passage, ' +
      'veto-override-failure, became-law, repeal, withdrawal, executive-order-drafted, executive-order-issued, executive-order-revoked',
  })
  classification!: string;
  @Field({ description: 'one sentence, with the names as they were on that day' }) description!: string;
  @Field(() => ActorModel, { description: 'who recorded it' }) actor!: ActorModel;
  /** not served: resolved to `organization`, `vote` and `event` */
  organizationId!: string | null;
  voteId!: string | null;
  eventId!: string;
}
