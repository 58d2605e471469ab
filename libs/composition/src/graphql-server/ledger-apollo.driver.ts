import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Injectable, Logger } from '@nestjs/common';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ServerOptions } from 'graphql-ws';
import { WebSocket, WebSocketServer } from 'ws';
import { QUERY_LIMITS } from '@ledger/graphql';

// graphql-ws publishes its adapter for `ws` only through its package "exports", which this
// project's module resolution (node10) does not read for types; Node reads them at run time.
const { useServer } = require('graphql-ws/use/ws') as typeof import('graphql-ws/dist/use/ws');

const logger = new Logger('GraphQL');

/**
 * Nest's Apollo driver, serving graphql-ws itself. Nest's GqlSubscriptionService creates its
 * WebSocketServer with ws's defaults (a message may be 100 MiB) and takes no option to change
 * that, so a 10 MB subscribe message went through while HTTP bodies are capped at 100 KB. This
 * driver lets Nest set up Apollo over HTTP as usual, without `subscriptions`, and serves the
 * `subscriptions['graphql-ws']` options the way GqlSubscriptionService does (graphql-ws's
 * `useServer`, the same path, the same routing of HTTP upgrades), on a WebSocketServer of its own
 * whose messages are capped at QUERY_LIMITS.maxMessageBytes. Written against @nestjs/apollo 13:
 * it relies on ApolloDriver.start creating no subscription server when `subscriptions` is absent.
 */
@Injectable()
export class LedgerApolloDriver extends ApolloDriver {
  private graphqlWs?: { dispose(): Promise<void> };

  override async start(options: ApolloDriverConfig): Promise<void> {
    const { subscriptions, ...http } = options;
    await super.start(http);
    const graphqlWs = subscriptions?.['graphql-ws'];
    if (!graphqlWs) return;
    const { path = options.path ?? '/graphql', ...wsOptions } = graphqlWs === true ? {} : graphqlWs;
    this.graphqlWs = serveGraphqlWs(this.httpAdapterHost.httpAdapter.getHttpServer(), path, { schema: options.schema, ...wsOptions });
  }

  /** Closes every socket (1001 Going Away) before Apollo stops. */
  override async stop(): Promise<void> {
    await this.graphqlWs?.dispose();
    await super.stop();
  }
}

function serveGraphqlWs(httpServer: Server, path: string, options: ServerOptions): { dispose(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, path, maxPayload: QUERY_LIMITS.maxMessageBytes, WebSocket: ClientSocket });
  const server = useServer(options, wss);
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!request.url?.startsWith(path)) return; // another path: left to other listeners, as Nest does
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  httpServer.on('upgrade', onUpgrade);
  return {
    async dispose() {
      httpServer.off('upgrade', onUpgrade);
      await server.dispose();
    },
  };
}

/**
 * A server-side socket whose protocol errors are the client's: ws emits 'error' when a client
 * breaks the protocol (every such error has a `WS_ERR_…` code), above all a message over
 * maxPayload, after it has already closed the socket (1009 Message Too Big for that one).
 * graphql-ws would log it as an internal error with its stack; it is one warning line instead.
 */
class ClientSocket extends WebSocket {
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    const error = args[0] as { code?: unknown; message?: unknown } | undefined;
    if (event === 'error' && typeof error?.code === 'string' && error.code.startsWith('WS_ERR_')) {
      logger.warn(`closed a graphql-ws connection: ${String(error.message)} (${error.code})`);
      return true;
    }
    return super.emit(event, ...args);
  }
}
