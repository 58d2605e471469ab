import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../command-context';
import { CommandRecorder } from '../command-recorder';
import type { RecordReceipt } from '../record-receipt';
import { COMMAND_TYPES } from './command-catalogue';
import type { CommandType, DataOf } from './command-entry';

/** A catalogue command as a message on @nestjs/cqrs's CommandBus: its type, data and context. */
export abstract class LedgerCommand<K extends CommandType = CommandType> extends Command<RecordReceipt> {
  abstract readonly type: K;
  constructor(
    readonly data: DataOf<K>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

type LedgerCommandClass<K extends CommandType> = new (data: DataOf<K>, context: CommandContext) => LedgerCommand<K>;

/**
 * The bus finds a handler by the message's class, so each catalogue entry gets one (RecordVote →
 * RecordVoteCommand), derived here rather than written out: a command added to the catalogue is on
 * the bus with nothing else to write.
 */
function messageClassOf<K extends CommandType>(type: K): LedgerCommandClass<K> {
  const named = {
    [`${type}Command`]: class extends LedgerCommand<K> {
      readonly type = type;
    },
  };
  return named[`${type}Command`];
}

export const COMMAND_MESSAGES = Object.fromEntries(COMMAND_TYPES.map((type) => [type, messageClassOf(type)])) as {
  [K in CommandType]: LedgerCommandClass<K>;
};

/** One handler per catalogue entry, each handing its message to the one CommandRecorder. */
function handlerOf<K extends CommandType>(type: K) {
  @CommandHandler(COMMAND_MESSAGES[type])
  class LedgerCommandHandler implements ICommandHandler<LedgerCommand<K>, RecordReceipt> {
    constructor(readonly recorder: CommandRecorder) {}

    execute(message: LedgerCommand<K>): Promise<RecordReceipt> {
      return this.recorder.record(message.type, message.data, message.context);
    }
  }
  Object.defineProperty(LedgerCommandHandler, 'name', { value: `${type}Handler` });
  return LedgerCommandHandler;
}

export const COMMAND_HANDLERS = COMMAND_TYPES.map(handlerOf);
