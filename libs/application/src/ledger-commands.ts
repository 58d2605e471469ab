import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { COMMAND_MESSAGES } from './catalogue/command-bus';
import { commandType } from './catalogue/command-catalogue';
import type { CommandType, DataOf } from './catalogue/command-entry';
import type { CommandContext } from './command-context';
import type { RecordReceipt } from './record-receipt';

/**
 * The one way into the write side for every entry point (GraphQL, the seed, scenarios, the coming
 * generator): `execute('RecordVote', data, context)`, typed by the catalogue, sent on the CQRS
 * command bus to the handler derived from the catalogue entry (catalogue/command-bus.ts), which
 * checks the role and records it (CommandRecorder).
 */
@Injectable()
export class LedgerCommands {
  constructor(private readonly bus: CommandBus) {}

  async execute<K extends CommandType>(type: K, data: DataOf<K>, context: CommandContext): Promise<RecordReceipt> {
    // Untyped callers (scripts) may name anything: refused before the bus looks for a handler.
    const Message = COMMAND_MESSAGES[commandType(type) as K];
    return this.bus.execute(new Message(data, context));
  }
}
