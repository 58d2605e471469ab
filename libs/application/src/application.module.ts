import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandGate } from './command-gate';
import { DATA_REQUEST_HANDLERS } from './data-requests/data-request.handlers';
import { DeciderRunner } from './decider-runner';
import { DIRECTORY_HANDLERS } from './directory/directory.handlers';
import { FactsService } from './facts/facts.service';
import { LEGISLATION_HANDLERS } from './legislation/legislation.handlers';

/**
 * Command handlers. The composition root provides EVENT_STORE, READ_MODEL_SYNC and
 * EVENT_TYPE_VERSIONS from a global module; this module never chooses an adapter.
 */
@Module({
  imports: [CqrsModule],
  providers: [DeciderRunner, CommandGate, FactsService, ...DIRECTORY_HANDLERS, ...LEGISLATION_HANDLERS, ...DATA_REQUEST_HANDLERS],
  exports: [CqrsModule, CommandGate],
})
export class ApplicationModule {}
