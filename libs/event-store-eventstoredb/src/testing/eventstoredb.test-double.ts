/**
 * TEST DOUBLE of an EventStoreDB node: NOT a server, NOT a database. An in-process gRPC endpoint
 * (@grpc/grpc-js, built from the service definitions @eventstore/db-client ships) that speaks the
 * small part of the protocol the ledger's adapter uses, over in-memory storage, so the adapter's
 * conformance suite runs where no EventStoreDB can (see README.md beside this file).
 *
 * Implemented: ServerFeatures.GetSupportedMethods, Streams.Read (see streams-read.test-double.ts),
 * Streams.BatchAppend (see streams-batch-append.test-double.ts). Every other method of these
 * services answers UNIMPLEMENTED, and other services (Gossip, Operations, Users, Projections,
 * PersistentSubscriptions, ...) are not registered, which gRPC also reports as UNIMPLEMENTED.
 * No authentication, no TLS, no clustering, no deadlines, no checkpoints on filtered subscriptions.
 */
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import { batchAppendHandler } from './streams-batch-append.test-double';
import { readHandler } from './streams-read.test-double';
import { InMemoryTransactionLog } from './transaction-log.test-double';

export interface EventStoreDbTestDoubleOptions {
  /**
   * Largest append accepted, counted as the server counts it. EventStoreDB's default is 1 MiB
   * (1_048_576); the ledger's conformance suite appends a 1 MB payload, which needs more, and so
   * does a real server running the suite (EVENTSTORE_MAX_APPEND_SIZE).
   */
  maxAppendSize?: number;
  /**
   * Write a system event (`$statsCollected` in a `$stats-` stream, as a server writing its
   * statistics to the database does) after every N appends; 0 for never. One is always written
   * at start, before any client connects.
   */
  systemEventEvery?: number;
}

const DEFAULT_MAX_APPEND_SIZE = 1_048_576;
const STATS_STREAM = '$stats-127.0.0.1:2113';

export class EventStoreDbTestDouble {
  private appendsSinceSystemEvent = 0;

  private constructor(
    private readonly server: Server,
    readonly log: InMemoryTransactionLog,
    readonly port: number,
  ) {}

  /** `esdb://127.0.0.1:<port>?tls=false`: a single node, so the client does no gossip discovery. */
  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  static async start(options: EventStoreDbTestDoubleOptions = {}): Promise<EventStoreDbTestDouble> {
    const log = new InMemoryTransactionLog();
    const server = new Server();
    server.addService(ServerFeaturesService, { getSupportedMethods });
    server.addService(StreamsService, {
      read: readHandler(log),
      batchAppend: batchAppendHandler(log, options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE),
    });
    const port = await new Promise<number>((resolve, reject) => {
      server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
    });
    const double = new EventStoreDbTestDouble(server, log, port);
    double.writeSystemEvent();
    const every = options.systemEventEvery ?? 0;
    if (every > 0) {
      log.onAppend(() => {
        const last = log.recordAt(log.length - 1);
        if (last?.streamName === STATS_STREAM) return;
        if (++double.appendsSinceSystemEvent < every) return;
        double.appendsSinceSystemEvent = 0;
        double.writeSystemEvent();
      });
    }
    return double;
  }

  /** Drops every connection at once, as a node going down would. */
  async stop(): Promise<void> {
    this.server.forceShutdown();
  }

  private writeSystemEvent(): void {
    const data = Buffer.from(JSON.stringify({ 'proc-cpu': 0.5, 'sys-freeMem': 1 << 30 }), 'utf8');
    this.log.append(STATS_STREAM, { kind: 'any' }, [
      { eventId: randomUUID(), type: '$statsCollected', contentType: 'application/json', data, customMetadata: new Uint8Array() },
    ]);
  }
}

/** What the client asks before its first append to choose the append path: BatchAppend is offered, as by current servers. */
function getSupportedMethods(_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>): void {
  const method = (serviceName: string, methodName: string, features: string[] = []) => {
    const supported = new SupportedMethod();
    supported.setServiceName(serviceName);
    supported.setMethodName(methodName);
    supported.setFeaturesList(features);
    return supported;
  };
  const methods = new SupportedMethods();
  methods.setEventStoreServerVersion('0.0.0-test-double');
  methods.setMethodsList([
    method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
    method('event_store.client.streams.streams', 'read', ['position', 'events']),
    method('event_store.client.streams.streams', 'batchappend', ['deadline_duration']),
  ]);
  callback(null, methods);
}
