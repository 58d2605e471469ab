import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AccountsOnRecord } from './accounts/accounts-on-record';
import { COMMAND_HANDLERS } from './catalogue/command-bus';
import { CommandGate } from './command-gate';
import { CommandRecorder } from './command-recorder';
import { DeciderRunner } from './decider-runner';
import { FactsService } from './facts/facts.service';
import { LedgerCommands } from './ledger-commands';
import { StreamFolds } from './stream-folds';

/**
 * The write side: LedgerCommands sends every command of the catalogue on the CQRS bus, to a
 * handler derived from the catalogue that records it. The composition root provides EVENT_STORE,
 * READ_MODEL_SYNC, EVENT_TYPE_VERSIONS, COMMAND_AVAILABILITY, SUBJECT_VAULT and CLERK_OFFICE_ID from a global
 * module; this module never chooses an adapter.
 */
@Module({
  imports: [CqrsModule],
  providers: [StreamFolds, DeciderRunner, CommandGate, FactsService, AccountsOnRecord, CommandRecorder, LedgerCommands, ...COMMAND_HANDLERS],
  exports: [LedgerCommands, CommandGate],
})
export class ApplicationModule {}
