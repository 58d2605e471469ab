import { Inject, Injectable } from '@nestjs/common';
import type { Command, Decider, DomainEvent } from '@ledger/domain';
import { SUBJECT_VAULT, type SubjectVault } from '@ledger/privacy';
import { newEventId } from '@ledger/event-store';
import { AccountsOnRecord } from './accounts/accounts-on-record';
import { actTimeOf } from './act-time';
import { idempotentRecordId } from './idempotency-key';
import { COMMANDS, assertRoleMaySend, commandType } from './catalogue/command-catalogue';
import type { CommandType, DataOf, FactsContext, PrepareTools } from './catalogue/command-entry';
import type { CommandContext } from './command-context';
import { CommandGate } from './command-gate';
import { DeciderRunner } from './decider-runner';
import { FactsService } from './facts/facts.service';
import type { RecordReceipt } from './record-receipt';

/** A catalogue entry as the executor reads it, whatever its command. */
interface AnyEntry {
  decider: Decider<Command, DomainEvent, unknown>;
  streamIdOf(data: unknown): string;
  facts?(facts: FactsService, data: unknown, context: FactsContext): Promise<unknown>;
  prepare?(data: unknown, tools: PrepareTools): unknown;
}

/**
 * Records one command of the catalogue: what every bus handler does (catalogue/command-bus.ts), so
 * the role check and the write path are the same whichever way a command arrives.
 */
@Injectable()
export class CommandRecorder {
  constructor(
    private readonly runner: DeciderRunner,
    private readonly gate: CommandGate,
    private readonly facts: FactsService,
    private readonly accounts: AccountsOnRecord,
    @Inject(SUBJECT_VAULT) private readonly vault: SubjectVault,
  ) {}

  /**
   * Checks the account's role against the catalogue first (FORBIDDEN: nothing is read or
   * written), works out the act's time once, then, inside the command gate (so a shutdown lets it
   * finish): the account against the record (AccountsOnRecord), the decider's data, the facts, and
   * the decision appended to the command's stream.
   */
  async record<K extends CommandType>(type: K, data: DataOf<K>, context: CommandContext): Promise<RecordReceipt> {
    assertRoleMaySend(commandType(type), context.actor);
    const time = actTimeOf(context.occurredAt);
    // The catalogue's types tie each entry's data, facts and decider to its own command; read
    // generically, one entry at a time, they are checked there, not here.
    const entry = COMMANDS[type] as unknown as AnyEntry;
    return this.gate.run(async () => {
      const { idempotencyKey } = context;
      const actor = await this.accounts.actorOnRecord(context.actor, time.today);
      const newId = () => (idempotencyKey ? idempotentRecordId(actor.id, type, idempotencyKey) : newEventId());
      const decided = entry.prepare ? entry.prepare(data, { vault: this.vault, newId }) : data;
      const facts = entry.facts ? await entry.facts(this.facts, data, { date: time.date, today: time.today, actorId: context.actor.id }) : undefined;
      const command = { type, data: decided, ...(facts !== undefined && { facts }) };
      return this.runner.run(entry.decider, entry.streamIdOf(decided), command, { ...context, actor }, time);
    });
  }
}
