import type { CommandContext, CommandType, DataOf, RecordReceipt } from '@ledger/application';
import type { Actor } from '@ledger/domain';

/**
 * One command of a scenario, typed by the command catalogue: `data` must be what command K takes,
 * so a misspelt command or a payload of the wrong shape does not compile.
 */
export interface ScenarioStep<K extends CommandType> {
  command: K;
  data: DataOf<K>;
  /** the account that sends it */
  actor: Actor;
  /** when the act happened in the world */
  occurredAt: string;
  /**
   * Keep the id of what this step records (a new data request's id), so that a later step can name
   * it as "$<saveAs>" in a top-level data field: the ledger, not the scenario, makes that id.
   */
  saveAs?: string;
  /**
   * Sent as the command's Idempotency-Key: a request recorded with it gets an id derived from it
   * (the same key, the same id), which keeps a generated city the same for the same seed.
   */
  idempotencyKey?: string;
}

/** A step of any command. */
export type AnyStep = { [K in CommandType]: ScenarioStep<K> }[CommandType];

/** The write side as a scenario needs it: LedgerCommands.execute. */
export interface CommandExecutor {
  execute<K extends CommandType>(type: K, data: DataOf<K>, context: CommandContext): Promise<RecordReceipt>;
}
