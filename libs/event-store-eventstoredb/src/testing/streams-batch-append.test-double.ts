/**
 * TEST DOUBLE of EventStoreDB's `Streams.BatchAppend` gRPC method, the append path the client
 * takes against every server that advertises it through ServerFeatures (current servers do).
 * One bidirectional call carries many appends, told apart by correlation id; an append may span
 * several requests and is written when its final request arrives, all or nothing. Failures come back as google.rpc.Status with
 * the same details the server packs (WrongExpectedVersion, MaximumAppendSizeExceeded, BadRequest).
 */
import { AllStreamPosition, BadRequest, MaximumAppendSizeExceeded, StreamIdentifier, UUID, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { ServerDuplexStream } from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty } from 'google-protobuf/google/protobuf/empty_pb';
import type { AppendOutcome, ExpectedState, InMemoryTransactionLog, ProposedEvent } from './transaction-log.test-double';

type BatchAppendCall = ServerDuplexStream<BatchAppendReq, BatchAppendResp>;

interface PendingAppend {
  streamName: string;
  expected: ExpectedState;
  events: ProposedEvent[];
  /** as the server counts it: data + metadata bytes + 2 per character of the event type */
  size: number;
}

export function batchAppendHandler(log: InMemoryTransactionLog, maxAppendSize: number) {
  return (call: BatchAppendCall): void => {
    const pending = new Map<string, PendingAppend>();
    call.on('data', (request: BatchAppendReq) => {
      const correlationId = request.getCorrelationId() ?? new UUID();
      const key = correlationId.getString();
      const options = request.getOptions();
      if (options) {
        const identifier = options.getStreamIdentifier();
        if (!identifier) return call.write(failure(correlationId, '', badRequest('Required field StreamIdentifier not set.')));
        pending.set(key, { streamName: streamNameOf(identifier), expected: expectedOf(options), events: [], size: 0 });
      }
      const append = pending.get(key);
      if (!append) return;

      for (const message of request.getProposedMessagesList()) {
        const metadata = message.getMetadataMap();
        const type = metadata.get('type');
        const contentType = metadata.get('content-type');
        if (!type || !contentType) {
          pending.delete(key);
          return call.write(failure(correlationId, append.streamName, badRequest('type and content-type metadata are required')));
        }
        const event: ProposedEvent = {
          // The server parses ids into GUIDs and answers in lowercase.
          eventId: (message.getId()?.getString() ?? '').toLowerCase(),
          type,
          contentType,
          data: message.getData_asU8(),
          customMetadata: message.getCustomMetadata_asU8(),
        };
        append.events.push(event);
        append.size += event.data.length + event.customMetadata.length + type.length * 2;
      }
      if (append.size > maxAppendSize) {
        pending.delete(key);
        return call.write(failure(correlationId, append.streamName, maximumAppendSizeExceeded(maxAppendSize)));
      }
      if (!request.getIsFinal()) return;
      pending.delete(key);
      call.write(outcomeResponse(correlationId, append, log.append(append.streamName, append.expected, append.events)));
    });
    call.on('end', () => call.end());
  };
}

function expectedOf(options: BatchAppendReq.Options): ExpectedState {
  if (options.hasStreamPosition()) return { kind: 'revision', revision: Number(options.getStreamPosition()) };
  if (options.hasNoStream()) return { kind: 'no-stream' };
  if (options.hasStreamExists()) return { kind: 'stream-exists' };
  return { kind: 'any' };
}

function outcomeResponse(correlationId: UUID, append: PendingAppend, outcome: AppendOutcome): BatchAppendResp {
  if (!outcome.ok) return failure(correlationId, append.streamName, wrongExpectedVersion(outcome.currentRevision, append.expected));
  const success = new BatchAppendResp.Success();
  if (outcome.currentRevision >= 0) success.setCurrentRevision(String(outcome.currentRevision));
  else success.setNoStream(new Empty());
  if (outcome.position) {
    const position = new AllStreamPosition();
    position.setCommitPosition(String(outcome.position.commit));
    position.setPreparePosition(String(outcome.position.prepare));
    success.setPosition(position);
  } else {
    success.setNoPosition(new Empty());
  }
  const response = new BatchAppendResp();
  response.setCorrelationId(correlationId);
  response.setStreamIdentifier(streamIdentifier(append.streamName));
  response.setSuccess(success);
  return response;
}

function failure(correlationId: UUID, streamName: string, error: Status): BatchAppendResp {
  const response = new BatchAppendResp();
  response.setCorrelationId(correlationId);
  response.setStreamIdentifier(streamIdentifier(streamName));
  response.setError(error);
  return response;
}

function wrongExpectedVersion(currentRevision: number, expected: ExpectedState): Status {
  const details = new WrongExpectedVersion();
  if (currentRevision >= 0) details.setCurrentStreamRevision(String(currentRevision));
  else details.setCurrentNoStream(new Empty());
  switch (expected.kind) {
    case 'revision':
      details.setExpectedStreamPosition(String(expected.revision));
      break;
    case 'no-stream':
      details.setExpectedNoStream(new Empty());
      break;
    case 'stream-exists':
      details.setExpectedStreamExists(new Empty());
      break;
    case 'any':
      details.setExpectedAny(new Empty());
      break;
  }
  return status(Code.ALREADY_EXISTS, 'WrongExpectedVersion', details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
}

function maximumAppendSizeExceeded(maxAppendSize: number): Status {
  const details = new MaximumAppendSizeExceeded();
  details.setMaxappendsize(maxAppendSize);
  return status(Code.INVALID_ARGUMENT, 'MaximumAppendSizeExceeded', details.serializeBinary(), 'event_store.client.MaximumAppendSizeExceeded');
}

function badRequest(message: string): Status {
  const details = new BadRequest();
  details.setMessage(message);
  return status(Code.INVALID_ARGUMENT, 'BadRequest', details.serializeBinary(), 'event_store.client.BadRequest');
}

function status(code: Code, message: string, details: Uint8Array, typeName: string): Status {
  const any = new Any();
  any.pack(details, typeName);
  const result = new Status();
  result.setCode(code);
  result.setMessage(message);
  result.setDetails(any);
  return result;
}

function streamNameOf(identifier: StreamIdentifier): string {
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

function streamIdentifier(streamName: string): StreamIdentifier {
  const identifier = new StreamIdentifier();
  identifier.setStreamName(Buffer.from(streamName, 'utf8'));
  return identifier;
}
