import { Field, ID, InputType } from '@nestjs/graphql';

@InputType('IssueTokenInput')
export class IssueTokenInput {
  @Field({ description: 'the account the token speaks for, e.g. person:city-clerk' }) actorId!: string;
  @Field(() => String, { nullable: true, description: "the account's display name; defaults to actorId" }) name?: string | null;
  @Field({ description: 'clerk, mayor, officer, oversight or admin' }) role!: string;
  @Field(() => String, { nullable: true, description: 'how long the token lives, e.g. 30m, 8h, 7d: at most LEDGER_TOKEN_MAX_TTL; default the shorter of 8h and it' })
  ttl?: string | null;
}

@InputType('RevokeTokenInput')
export class RevokeTokenInput {
  @Field(() => ID, { description: 'token:<uuid>, as issueToken answered it (the token\'s jti claim)' }) tokenId!: string;
  @Field({ description: 'why; kept in the ledger' }) reason!: string;
}
