import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { LedgerCommands } from '@ledger/application';
import { TOKEN_SERVICE, TokenLifetimeRefused, TokenLifetimeTooLong, type TokenService } from '@ledger/auth';
import type { Role, TokenIssued } from '@ledger/domain';
import { TokenQueries, type TokenRow } from '@ledger/projections';
import { CurrentCaller, type Caller } from '../auth/current-actor.decorator';
import { CommandRoles, Roles } from '../auth/roles.guard';
import { contextOf, receiptOf } from '../mutations/mutation-command';
import { RecordReceiptModel } from '../mutations/record-receipt.model';
import { toConnection, type ConnectionOf } from '../relay/connection';
import { PageArgs } from '../relay/page-args';
import { sequenceCursor, sequencePageArgs } from '../relay/pagination';
import { IssueTokenInput, RevokeTokenInput } from './tokens.inputs';
import { IssuedTokenModel, TokenRecordConnectionModel, TokenStatus, type TokenRecordModel } from './token.model';

/**
 * The admin's job: minting and revoking this ledger's tokens, each recorded (TokenIssued,
 * TokenRevoked), and the list of them. A token is signed only once its TokenIssued is recorded,
 * with the very id and lifetime recorded, so no token exists that the record does not know.
 */
@Resolver()
export class TokensResolver {
  constructor(
    private readonly commands: LedgerCommands,
    @Inject(TOKEN_SERVICE) private readonly tokenService: TokenService,
    private readonly queries: TokenQueries,
  ) {}

  @CommandRoles('IssueToken')
  @Mutation(() => IssuedTokenModel, { description: 'admin: mint a bearer token for an account, recorded as TokenIssued (the token is in this answer only)' })
  async issueToken(@Args('input') input: IssueTokenInput, @CurrentCaller() caller: Caller): Promise<IssuedTokenModel> {
    const { issuedAt, expiresAt } = this.lifetimeOf(input.ttl ?? undefined);
    const data = { actorId: input.actorId, name: input.name ?? input.actorId, role: input.role as Role, expiresAt: new Date(expiresAt).toISOString() };
    // The issue time is the act's time, so the record states the token's iat as its occurredAt.
    const recorded = await this.commands.execute('IssueToken', data, { ...contextOf(caller), occurredAt: new Date(issuedAt).toISOString() });
    // A retried request (same Idempotency-Key) gets the first attempt's token: same claims, same signature.
    const [event] = recorded.events;
    const issued = event.data as TokenIssued['data'];
    const token = await this.tokenService.sign(
      { id: issued.actorId, name: issued.name, role: issued.role },
      { tokenId: issued.tokenId, issuedAt: Date.parse(event.occurredAt), expiresAt: Date.parse(issued.expiresAt) },
    );
    return { token, tokenId: issued.tokenId, expiresAt: issued.expiresAt, receipt: await receiptOf(Promise.resolve(recorded)) };
  }

  @CommandRoles('RevokeToken')
  @Mutation(() => RecordReceiptModel, {
    description: 'admin: refuse a token of this ledger from now on, before it expires (recorded as TokenRevoked); the very next request with it is refused',
  })
  revokeToken(@Args('input') input: RevokeTokenInput, @CurrentCaller() caller: Caller): Promise<RecordReceiptModel> {
    return receiptOf(this.commands.execute('RevokeToken', { tokenId: input.tokenId, reason: input.reason }, contextOf(caller)));
  }

  @Roles('admin')
  @Query(() => TokenRecordConnectionModel, { description: 'admin: the tokens this ledger minted, in the order they were issued, with their status' })
  tokens(@Args() pageArgs: PageArgs): ConnectionOf<TokenRecordModel> {
    const page = sequencePageArgs(pageArgs);
    if (page.direction === 'backward') throw new GraphQLError('tokens pages forward only (first/after)', { extensions: { code: 'BAD_USER_INPUT' } });
    const found = this.queries.page(page.size, page.cursor);
    const now = Date.now();
    return toConnection(found.tokens, { hasNextPage: found.hasNextPage, totalCount: found.totalCount }, (row) => sequenceCursor(row.sequence), (row) => toTokenRecord(row, now));
  }

  private lifetimeOf(ttl: string | undefined): { issuedAt: number; expiresAt: number } {
    try {
      return this.tokenService.lifetimeOf(ttl);
    } catch (error) {
      if (!(error instanceof TokenLifetimeRefused)) throw error;
      const message = error instanceof TokenLifetimeTooLong ? `ttl ${ttl} is too long: ${error.message}` : `ttl ${error.message}`;
      throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field: 'ttl' } });
    }
  }
}

function toTokenRecord(row: TokenRow, now: number): TokenRecordModel {
  const status = row.revokedAt !== null ? TokenStatus.REVOKED : Date.parse(row.expiresAt) <= now ? TokenStatus.EXPIRED : TokenStatus.ACTIVE;
  const { id, sequence: _sequence, ...rest } = row;
  return { tokenId: id, status, ...rest };
}
