import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { CLERK_OFFICE_ID, COMMAND_AVAILABILITY, EVENT_TYPE_VERSIONS, READ_MODEL_SYNC, type ReadModelSync } from '@ledger/application';
import type { LedgerConfig } from '@ledger/config';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { EventSchemaRegistry, SchemaCheckedEventStore } from '@ledger/event-schemas';
import { SUBJECT_VAULT } from '@ledger/privacy';
import type { FileSubjectVault } from '@ledger/subject-vault-file';
import { createEventStore } from './event-store.factory';
import { createSubjectVault } from './subject-vault.factory';

// This process keeps no read models: a command that waits for them is told so (its receipt says
// readModelsUpToDate: false) rather than told they show it.
const NO_READ_MODELS: ReadModelSync = {
  waitFor: () => Promise.reject(new Error('this process keeps no read models; the server (or the next one to start) applies the events')),
};

class LedgerWriteShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SUBJECT_VAULT) private readonly vault: FileSubjectVault,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.vault.close();
  }
}

/**
 * The write side's ports without the read models: for a CLI command that records a few events
 * beside a running server (`ledger token`, `ledger revoke-token`), which may not own the read
 * models. The server's projection runner sees the appends (the embedded store is polled for other
 * processes' writes). The store checks every payload against its schema as on the server; the
 * free-disk check is the server's, and the store refuses a write that fails anyway.
 */
@Global()
@Module({})
export class LedgerWriteModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: LedgerWriteModule,
      providers: [
        { provide: EventSchemaRegistry, useFactory: () => EventSchemaRegistry.fromDirectory() },
        {
          provide: EVENT_STORE,
          useFactory: (registry: EventSchemaRegistry) => new SchemaCheckedEventStore(createEventStore(config), registry),
          inject: [EventSchemaRegistry],
        },
        { provide: READ_MODEL_SYNC, useValue: NO_READ_MODELS },
        { provide: EVENT_TYPE_VERSIONS, useExisting: EventSchemaRegistry },
        { provide: COMMAND_AVAILABILITY, useValue: { refusal: () => null } },
        { provide: SUBJECT_VAULT, useFactory: () => createSubjectVault(config) },
        { provide: CLERK_OFFICE_ID, useValue: config.clerkOfficeId },
        LedgerWriteShutdown,
      ],
      exports: [EVENT_STORE, READ_MODEL_SYNC, EVENT_TYPE_VERSIONS, COMMAND_AVAILABILITY, SUBJECT_VAULT, CLERK_OFFICE_ID],
    };
  }
}
