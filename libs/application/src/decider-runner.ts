import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Command, Decider, DomainEvent } from '@ledger/domain';
import {
  EVENT_STORE,
  WrongExpectedRevision,
  newEventId,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@ledger/event-store';
import {
  COMMAND_AVAILABILITY,
  EVENT_TYPE_VERSIONS,
  READ_MODEL_SYNC,
  type CommandAvailability,
  type EventTypeVersions,
  type ReadModelSync,
} from './application.ports';
import type { ActTime } from './act-time';
import type { CommandContext } from './command-context';
import { idempotentCorrelationId } from './idempotency-key';
import { LedgerUnavailable } from './ledger-unavailable';
import { StreamFolds, deciderFolder } from './stream-folds';
import type { RecordReceipt } from './record-receipt';

/**
 * The one write path of every command (LedgerCommands runs it): load the stream, fold it, decide,
 * append with the expected revision, then wait until the read models show the new events.
 *
 * It answers truthfully when storage fails: while the ledger cannot take commands (its read models
 * cannot follow the log, its disk is nearly full) it refuses before appending (LedgerUnavailable),
 * and once an append has committed the command is answered
 * as recorded even if the read models then fail to show it (`readModelsUpToDate: false`).
 */
@Injectable()
export class DeciderRunner {
  private readonly logger = new Logger('Commands');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
    @Inject(EVENT_TYPE_VERSIONS) private readonly versions: EventTypeVersions,
    @Inject(COMMAND_AVAILABILITY) private readonly availability: CommandAvailability,
    private readonly folds: StreamFolds,
  ) {}

  async run<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: Omit<C, 'metadata'>,
    context: CommandContext,
    { occurredAt, now }: ActTime,
  ): Promise<RecordReceipt> {
    const correlationId = context.idempotencyKey
      ? idempotentCorrelationId(context.actor.id, streamId, context.idempotencyKey)
      : (context.correlationId ?? randomUUID());

    // A retry with the same Idempotency-Key looks for the first attempt's events in the stream.
    const earlier = context.idempotencyKey ? recordedBefore(await this.store.readStream(streamId), correlationId, streamId) : null;
    if (earlier) return earlier;
    const refusal = this.availability.refusal();
    if (refusal) throw new LedgerUnavailable(`the ledger takes no commands now: ${refusal}; nothing was recorded, retry later`);
    // The stream's state, folded from what was read before plus what was appended since.
    const { state, revision } = await this.folds.fold(streamId, deciderFolder(decider as Decider<never, DomainEvent, S>));
    const decided = decider.decide({ ...command, metadata: { actor: context.actor, occurredAt, now } } as C, state);
    const loadedRevision = revision >= 0 ? revision : 'no-stream';

    const events: NewEvent[] = decided.map((event) => ({
      eventId: newEventId(),
      type: event.type,
      schemaVersion: this.versions.latestVersion(event.type),
      occurredAt,
      recordedBy: context.actor,
      correlationId,
      causationId: null,
      data: event.data,
    }));
    let result;
    try {
      result = await this.store.append(streamId, events, context.expectedRevision ?? loadedRevision);
    } catch (error) {
      // Two attempts of one command raced: the one that lost finds the winner's events.
      if (error instanceof WrongExpectedRevision && context.idempotencyKey) {
        const winner = recordedBefore(await this.store.readStream(streamId), correlationId, streamId);
        if (winner) return winner;
      }
      throw error;
    }
    const readModelsUpToDate = context.readYourWrites === false ? false : await this.readModelsShow(result.sequences[result.sequences.length - 1]);
    return { streamId, revision: result.revision, events: result.events, replayed: false, readModelsUpToDate };
  }

  /**
   * Waits for read-your-writes. The events are already committed, so a failure here must not turn
   * into an error answer (a client would retry and record twice): the receipt says so instead.
   */
  private async readModelsShow(sequence: number): Promise<boolean> {
    try {
      await this.readModels.waitFor(sequence);
      return true;
    } catch (error) {
      this.logger.warn(`recorded through sequence ${sequence}, but the read models do not show it yet: ${error instanceof Error ? error.message : error}`);
      return false;
    }
  }
}

/** The receipt of an earlier attempt of the same command (same Idempotency-Key), if it was recorded. */
function recordedBefore(history: RecordedEvent[], correlationId: string, streamId: string): RecordReceipt | null {
  const events = history.filter((event) => event.correlationId === correlationId);
  if (events.length === 0) return null;
  return { streamId, revision: events[events.length - 1].streamRevision, events, replayed: true, readModelsUpToDate: true };
}
