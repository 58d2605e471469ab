import { Inject, Optional } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { EventLogQueries } from '@ledger/projections';
import { OutOfRange, TRANSPARENCY_LOG, type TransparencyLog } from '@ledger/transparency-log';
import { ConsistencyProofModel, InclusionProofModel, SignedTreeHeadModel } from './transparency.models';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const refused = (message: string, code: 'BAD_USER_INPUT' | 'NOT_FOUND') => new GraphQLError(message, { extensions: { code } });

/**
 * The log as a transparency log: its latest signed checkpoint and proofs against any size it has
 * had. Public: the proofs say nothing the tiles under /log/ do not. Sizes default to the latest
 * signed checkpoint's, which is what a client holding it wants a proof against.
 */
@Resolver()
export class TransparencyResolver {
  constructor(
    private readonly eventLog: EventLogQueries,
    @Optional() @Inject(TRANSPARENCY_LOG) private readonly transparency: TransparencyLog | null,
  ) {}

  @Query(() => SignedTreeHeadModel, { description: "the log's latest signed checkpoint" })
  treeHead(): SignedTreeHeadModel {
    return this.log().treeHead();
  }

  @Query(() => InclusionProofModel, { description: "an event's inclusion proof in the tree of treeSize leaves (default: the latest signed checkpoint's size)" })
  inclusionProof(
    @Args('eventId', { type: () => ID }) eventId: string,
    @Args('treeSize', { type: () => Int, nullable: true }) treeSize: number | null,
  ): InclusionProofModel {
    const log = this.log();
    const size = treeSize ?? log.treeHead().treeSize;
    const event = this.eventLog.byEventId(eventId.toLowerCase());
    if (!event) throw refused(`no event ${eventId}`, 'NOT_FOUND');
    if (event.sequence >= size) throw refused(`event ${eventId} (sequence ${event.sequence}) is not in a tree of ${size} leaves`, 'BAD_USER_INPUT');
    const auditPath = withSizeChecked(() => log.log.inclusionProof(event.sequence, size));
    return { sequence: event.sequence, treeSize: size, leafHash: event.leafHash, auditPath: auditPath.map(hex) };
  }

  @Query(() => ConsistencyProofModel, { description: 'a proof that the tree of secondSize leaves extends the tree of firstSize leaves' })
  consistencyProof(
    @Args('firstSize', { type: () => Int }) firstSize: number,
    @Args('secondSize', { type: () => Int }) secondSize: number,
  ): ConsistencyProofModel {
    const path = withSizeChecked(() => this.log().log.consistencyProof(firstSize, secondSize));
    return { firstSize, secondSize, path: path.map(hex) };
  }

  private log(): TransparencyLog {
    if (!this.transparency) throw refused('this server does not keep the transparency log (it serves a replay): ask the live ledger', 'NOT_FOUND');
    return this.transparency;
  }
}

/** A size the log has not reached, or a proof that cannot exist (first > second), is the caller's to fix. */
function withSizeChecked<T>(prove: () => T): T {
  try {
    return prove();
  } catch (error) {
    if (error instanceof OutOfRange) throw refused(error.message, 'BAD_USER_INPUT');
    throw error;
  }
}
