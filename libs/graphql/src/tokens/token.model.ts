import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RecordReceiptModel } from '../mutations/record-receipt.model';
import { Connection } from '../relay/connection';
import { DateTimeScalar } from '../scalars';

@ObjectType('IssuedToken', { description: 'A token issueToken minted: the token itself is in this answer only, never in the ledger.' })
export class IssuedTokenModel {
  @Field({ description: 'the bearer token; shown once: keep it like a password' }) token!: string;
  @Field(() => ID, { description: "token:<uuid>, the token's jti: what revokeToken takes" }) tokenId!: string;
  @Field(() => DateTimeScalar) expiresAt!: string;
  @Field(() => RecordReceiptModel, { description: 'the TokenIssued event that records it' }) receipt!: RecordReceiptModel;
}

export enum TokenStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(TokenStatus, { name: 'TokenStatus', description: 'ACTIVE until it expires or is revoked; REVOKED wins over EXPIRED' });

@ObjectType('TokenRecord', { description: 'A token this ledger minted, as recorded: never the token itself.' })
export class TokenRecordModel {
  @Field(() => ID) tokenId!: string;
  @Field() actorId!: string;
  @Field() name!: string;
  @Field() role!: string;
  @Field(() => TokenStatus) status!: TokenStatus;
  @Field(() => DateTimeScalar) issuedAt!: string;
  @Field(() => DateTimeScalar) expiresAt!: string;
  @Field({ description: 'the account that minted it' }) issuedBy!: string;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt!: string | null;
  @Field(() => String, { nullable: true }) revokedBy!: string | null;
  @Field(() => String, { nullable: true }) revokedReason!: string | null;
}

@ObjectType('TokenRecordConnection')
export class TokenRecordConnectionModel extends Connection(TokenRecordModel, 'TokenRecord') {}
