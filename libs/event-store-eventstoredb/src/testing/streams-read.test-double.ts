/**
 * TEST DOUBLE of EventStoreDB's `Streams.Read` gRPC method, only the cases the adapter uses:
 * forward reads of one stream from a revision, forward reads of `$all` from a position, and
 * catch-up-then-live subscriptions to `$all` with a stream-name or event-type filter.
 * Everything else (backward reads, stream subscriptions, link resolution) answers UNIMPLEMENTED.
 */
import { Empty as EmptyMessage, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import type { InMemoryTransactionLog, LogPosition, LogRecord } from './transaction-log.test-double';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;
type RecordFilter = (record: LogRecord) => boolean;

export function readHandler(log: InMemoryTransactionLog) {
  return (call: ReadCall): void => {
    read(call, log).catch((error: unknown) => fail(call, status.INTERNAL, String(error)));
  };
}

async function read(call: ReadCall, log: InMemoryTransactionLog): Promise<void> {
  const options = call.request.getOptions();
  if (!options) return fail(call, status.INVALID_ARGUMENT, 'read options are required');
  if (options.getReadDirection() !== ReadReq.Options.ReadDirection.FORWARDS) {
    return fail(call, status.UNIMPLEMENTED, 'the test double reads forwards only');
  }
  if (options.getResolveLinks()) return fail(call, status.UNIMPLEMENTED, 'the test double has no link events to resolve');
  const filter = recordFilter(options);
  const all = options.getAll();

  if (options.hasSubscription()) {
    if (!all) return fail(call, status.UNIMPLEMENTED, 'the test double subscribes to $all only');
    return subscribeToAll(call, log, startOf(all), filter);
  }
  const count = Number(options.getCount() || '0');
  const stream = options.getStream();
  if (stream) return readStream(call, log, stream, count);
  if (all) return readAll(call, log, all, count, filter);
  return fail(call, status.INVALID_ARGUMENT, 'read needs a stream or $all');
}

async function readStream(call: ReadCall, log: InMemoryTransactionLog, options: ReadReq.Options.StreamOptions, count: number): Promise<void> {
  const identifier = options.getStreamIdentifier();
  const streamName = Buffer.from(identifier?.getStreamName_asU8() ?? []).toString('utf8');
  const existing = log.readStream(streamName, 0, Number.MAX_SAFE_INTEGER);
  if (!existing) {
    const notFound = new ReadResp.StreamNotFound();
    notFound.setStreamIdentifier(identifier);
    const response = new ReadResp();
    response.setStreamNotFound(notFound);
    if (await send(call, response)) call.end();
    return;
  }
  const from = options.hasRevision() ? Number(options.getRevision()) : options.hasEnd() ? existing.length : 0;
  for (const record of log.readStream(streamName, from, count) ?? []) {
    if (!(await send(call, eventResponse(record, false)))) return;
  }
  call.end();
}

async function readAll(
  call: ReadCall,
  log: InMemoryTransactionLog,
  options: ReadReq.Options.AllOptions,
  count: number,
  filter: RecordFilter,
): Promise<void> {
  const start = startOf(options);
  let next = start === 'start' ? 0 : start === 'end' ? log.length : log.indexFrom(start);
  for (let sent = 0; sent < count && next < log.length; next++) {
    const record = log.recordAt(next) as LogRecord;
    if (!filter(record)) continue;
    if (!(await send(call, eventResponse(record, true)))) return;
    sent++;
  }
  call.end();
}

/**
 * Catch-up, then live, like the server: it reads the log from just after the start position and,
 * once at the end, waits for the next append. It writes only while the client keeps reading
 * (gRPC flow control), so a slow subscriber holds the double back instead of being buffered.
 */
async function subscribeToAll(call: ReadCall, log: InMemoryTransactionLog, start: LogPosition | 'start' | 'end', filter: RecordFilter): Promise<void> {
  const confirmation = new ReadResp.SubscriptionConfirmation();
  confirmation.setSubscriptionId(randomUUID());
  const confirmed = new ReadResp();
  confirmed.setConfirmation(confirmation);
  if (!(await send(call, confirmed))) return;

  let next = start === 'start' ? 0 : start === 'end' ? log.length : log.indexAfter(start);
  let caughtUp = false;
  while (!call.cancelled) {
    if (next < log.length) {
      const record = log.recordAt(next++) as LogRecord;
      if (filter(record) && !(await send(call, eventResponse(record, true)))) return;
    } else if (!caughtUp) {
      caughtUp = true;
      const response = new ReadResp();
      response.setCaughtUp(new ReadResp.CaughtUp());
      if (!(await send(call, response))) return;
    } else {
      // Entered right after seeing the end, with no await in between, so no append is missed.
      await appendedOrCancelled(log, call);
    }
  }
}

function startOf(options: ReadReq.Options.AllOptions): LogPosition | 'start' | 'end' {
  const position = options.getPosition();
  if (position) return { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
  return options.hasEnd() ? 'end' : 'start';
}

/** A filter matches on one field, by regular expression or by any of a list of prefixes. */
function recordFilter(options: ReadReq.Options): RecordFilter {
  const filter = options.getFilter();
  if (!filter) return () => true;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  const regex = expression?.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const prefixes = expression?.getPrefixList() ?? [];
  return (record) => {
    const value = onStream ? record.streamName : record.type;
    return regex ? regex.test(value) : prefixes.some((prefix) => value.startsWith(prefix));
  };
}

function eventResponse(record: LogRecord, withAllPosition: boolean): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  const id = new UUID();
  id.setString(record.eventId);
  recorded.setId(id);
  const stream = new StreamIdentifier();
  stream.setStreamName(Buffer.from(record.streamName, 'utf8'));
  recorded.setStreamIdentifier(stream);
  recorded.setStreamRevision(String(record.revision));
  recorded.setCommitPosition(String(record.position.commit));
  recorded.setPreparePosition(String(record.position.prepare));
  const metadata = recorded.getMetadataMap();
  metadata.set('type', record.type);
  metadata.set('content-type', record.contentType);
  metadata.set('created', String(record.createdTicks));
  recorded.setData(record.data);
  recorded.setCustomMetadata(record.customMetadata);

  const event = new ReadResp.ReadEvent();
  event.setEvent(recorded);
  if (withAllPosition) event.setCommitPosition(String(record.position.commit));
  else event.setNoPosition(new EmptyMessage());
  const response = new ReadResp();
  response.setEvent(event);
  return response;
}

/** Writes one message, waiting while gRPC's buffer is full; false once the client has gone. */
async function send(call: ReadCall, message: ReadResp): Promise<boolean> {
  if (call.cancelled) return false;
  if (!call.write(message)) await once(call, ['drain', 'cancelled', 'close']);
  return !call.cancelled;
}

function appendedOrCancelled(log: InMemoryTransactionLog, call: ReadCall): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      removeListener();
      call.off('cancelled', done);
      resolve();
    };
    const removeListener = log.onAppend(done);
    call.once('cancelled', done);
  });
}

function once(call: ReadCall, events: string[]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const event of events) call.off(event, done);
      resolve();
    };
    for (const event of events) call.once(event, done);
  });
}

function fail(call: ReadCall, code: status, details: string): void {
  if (!call.cancelled) call.emit('error', { code, details });
}
