import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Command, Decider, DomainEvent } from '@ledger/domain';
import { CommandGate } from './command-gate';
import { DeciderRunner } from './decider-runner';
import { FactsService } from './facts/facts.service';
import type { LedgerCommand } from './ledger-command';
import type { RecordReceipt } from './record-receipt';

export interface FactsContext {
  /** the act's calendar date (UTC), YYYY-MM-DD */
  date: string;
  /** the day the command is recorded (UTC), YYYY-MM-DD: an office holder's own act needs the office then too */
  today: string;
  actorId: string;
}

export interface HandlerSpec<Data> {
  /** the domain command's type, e.g. RecordVote */
  type: string;
  streamIdOf(data: NoInfer<Data>): string;
  /** what the decider must know about other aggregates, read from their streams */
  facts?(facts: FactsService, data: NoInfer<Data>, context: FactsContext): Promise<object>;
  /** the command data the decider sees, when the input carries more (e.g. the mayor's office) */
  domainData?(data: NoInfer<Data>): unknown;
}

/**
 * One CQRS handler per command, all alike: load facts, run the decider on the stream, inside the
 * command gate (so shutdown lets it finish). Generated from a spec rather than written out
 * nineteen times.
 */
export function deciderHandler<Data, C extends Command, E extends DomainEvent, S>(
  CommandClass: new (...args: never[]) => LedgerCommand<Data>,
  decider: Decider<C, E, S>,
  spec: HandlerSpec<Data>,
) {
  @CommandHandler(CommandClass)
  class DeciderCommandHandler implements ICommandHandler<LedgerCommand<Data>, RecordReceipt> {
    constructor(
      readonly runner: DeciderRunner,
      readonly gate: CommandGate,
      readonly factsService: FactsService,
    ) {}

    execute({ data, context }: LedgerCommand<Data>): Promise<RecordReceipt> {
      return this.gate.run(async () => {
        const today = new Date().toISOString().slice(0, 10);
        const date = context.occurredAt?.slice(0, 10) ?? today;
        const facts = spec.facts ? await spec.facts(this.factsService, data, { date, today, actorId: context.actor.id }) : undefined;
        const command = { type: spec.type, data: spec.domainData ? spec.domainData(data) : data, ...(facts && { facts }) };
        return this.runner.run(decider, spec.streamIdOf(data), command as unknown as Omit<C, 'metadata'>, context);
      });
    }
  }
  Object.defineProperty(DeciderCommandHandler, 'name', { value: `${spec.type}Handler` });
  return DeciderCommandHandler;
}
