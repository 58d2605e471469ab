import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandGate } from './command-gate';
import { DeciderRunner } from './decider-runner';
import { CorrectPersonRecordHandler, RegisterPersonHandler } from './person/person.handlers';

/**
 * Command handlers. The composition root provides EVENT_STORE, READ_MODEL_SYNC and
 * EVENT_TYPE_VERSIONS from a global module; this module never chooses an adapter.
 */
@Module({
  imports: [CqrsModule],
  providers: [DeciderRunner, CommandGate, RegisterPersonHandler, CorrectPersonRecordHandler],
  exports: [CqrsModule, CommandGate],
})
export class ApplicationModule {}
