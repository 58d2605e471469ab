import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { badInput, type Command, type Decider, type DomainEvent } from '@ledger/domain';
import { EVENT_STORE, isIsoInstant, newEventId, type EventStore, type NewEvent } from '@ledger/event-store';
import { EVENT_TYPE_VERSIONS, READ_MODEL_SYNC, type EventTypeVersions, type ReadModelSync } from './application.ports';
import type { CommandContext } from './command-context';
import type { RecordReceipt } from './record-receipt';

// Clocks drift; an act dated a few minutes ahead is a skewed clock, further ahead is a mistake.
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * The one write path of every command handler: load the stream, fold it, decide, append with the
 * expected revision, then wait until the read models show the new events.
 */
@Injectable()
export class DeciderRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SYNC) private readonly readModels: ReadModelSync,
    @Inject(EVENT_TYPE_VERSIONS) private readonly versions: EventTypeVersions,
  ) {}

  async run<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    command: Omit<C, 'metadata'>,
    context: CommandContext,
  ): Promise<RecordReceipt> {
    const now = new Date().toISOString();
    const occurredAt = context.occurredAt ?? now;
    if (!isIsoInstant(occurredAt)) throw badInput(`occurredAt must be an ISO-8601 instant, got ${JSON.stringify(occurredAt)}`, 'occurredAt');
    if (Date.parse(occurredAt) > Date.now() + FUTURE_TOLERANCE_MS) throw badInput('occurredAt is in the future', 'occurredAt');

    const history = await this.store.readStream(streamId);
    const state = history.reduce((s, e) => decider.evolve(s, e as unknown as E), decider.initialState);
    const decided = decider.decide({ ...command, metadata: { actor: context.actor, occurredAt, now } } as C, state);
    const loadedRevision = history.length ? history[history.length - 1].streamRevision : 'no-stream';

    const correlationId = context.correlationId ?? randomUUID();
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
    const result = await this.store.append(streamId, events, context.expectedRevision ?? loadedRevision);
    await this.readModels.waitFor(result.sequences[result.sequences.length - 1]);
    return { streamId, revision: result.revision, events: result.events };
  }
}
