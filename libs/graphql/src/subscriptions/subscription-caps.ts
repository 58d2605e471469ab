import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Context } from 'graphql-ws';
import { TOO_MANY_SUBSCRIPTIONS } from '../limits/query-limits';

export type SocketContext = Context<Record<string, unknown> | undefined, unknown>;

/**
 * How many graphql-ws operations each socket, and each client address over all its sockets, may
 * keep open at once. It keeps no count of its own: graphql-ws lists every operation a socket is
 * running in `ctx.subscriptions` (the one being subscribed included, from before onSubscribe until
 * it completes, however it ends), so this only remembers which sockets each address has open.
 */
export class SubscriptionCaps {
  private readonly socketsByAddress = new Map<string, Set<SocketContext>>();

  constructor(
    private readonly perSocket: number,
    private readonly perAddress: number,
  ) {}

  /** A socket was accepted (onConnect). */
  opened(ctx: SocketContext): void {
    const address = addressOf(ctx);
    const sockets = this.socketsByAddress.get(address) ?? new Set();
    sockets.add(ctx);
    this.socketsByAddress.set(address, sockets);
  }

  /** A socket closed, accepted or not (onClose). */
  closed(ctx: SocketContext): void {
    const address = addressOf(ctx);
    const sockets = this.socketsByAddress.get(address);
    sockets?.delete(ctx);
    if (sockets?.size === 0) this.socketsByAddress.delete(address);
  }

  /** Why the operation being subscribed on this socket is one too many, or null. Others are untouched. */
  refusal(ctx: SocketContext): GraphQLError | null {
    if (openOn(ctx) > this.perSocket) return tooMany('subscriptionsPerSocket', this.perSocket, 'on one connection');
    let fromAddress = 0;
    for (const socket of this.socketsByAddress.get(addressOf(ctx)) ?? []) fromAddress += openOn(socket);
    if (fromAddress > this.perAddress) return tooMany('subscriptionsPerAddress', this.perAddress, 'from one address');
    return null;
  }
}

function openOn(ctx: SocketContext): number {
  return Object.keys(ctx.subscriptions).length;
}

/** The client's address, from the upgrade request graphql-ws's ws adapter puts in `extra`. */
function addressOf(ctx: SocketContext): string {
  const request = (ctx.extra as { request?: Pick<IncomingMessage, 'socket'> } | undefined)?.request;
  return request?.socket.remoteAddress ?? 'unknown';
}

function tooMany(limit: string, maximum: number, where: string): GraphQLError {
  return new GraphQLError(`too many subscriptions: at most ${maximum} may be open at once ${where}`, {
    extensions: { code: TOO_MANY_SUBSCRIPTIONS, limit, maximum },
  });
}
