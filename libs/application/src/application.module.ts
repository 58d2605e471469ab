import { Module } from '@nestjs/common';
import { CommandGate } from './command-gate';
import { DeciderRunner } from './decider-runner';
import { FactsService } from './facts/facts.service';
import { LedgerCommands } from './ledger-commands';

/**
 * The write side: LedgerCommands records every command of the catalogue. The composition root
 * provides EVENT_STORE, READ_MODEL_SYNC, EVENT_TYPE_VERSIONS, COMMAND_AVAILABILITY and
 * SUBJECT_VAULT from a global module; this module never chooses an adapter.
 */
@Module({
  providers: [DeciderRunner, CommandGate, FactsService, LedgerCommands],
  exports: [LedgerCommands, CommandGate],
})
export class ApplicationModule {}
