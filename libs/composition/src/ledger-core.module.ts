import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { CLERK_OFFICE_ID, COMMAND_AVAILABILITY, EVENT_TYPE_VERSIONS, READ_MODEL_SYNC } from '@ledger/application';
import { TOKEN_SERVICE } from '@ledger/auth';
import { LEDGER_CONFIG, dataPaths, type LedgerConfig } from '@ledger/config';
import { BoundedEventStore, EVENT_STORE, type EventStore } from '@ledger/event-store';
import { EventSchemaRegistry, SchemaCheckedEventStore } from '@ledger/event-schemas';
import { PublicView, TraceService } from '@ledger/investigation';
import { SUBJECT_VAULT } from '@ledger/privacy';
import type { FileSubjectVault } from '@ledger/subject-vault-file';
import { TRANSPARENCY_LOG, TransparencyLog, TransparencyLogConsumer } from '@ledger/transparency-log';
import {
  DataRequestQueries,
  DirectoryQueries,
  EventLogQueries,
  LegislationQueries,
  ProjectionRunner,
  READ_MODEL_DB,
  TokenQueries,
  openReadModelDatabase,
  type ReadModelsDamaged,
  type RunnerLog,
} from '@ledger/projections';
import { createEventStore } from './event-store.factory';
import { LedgerHealth } from './health/ledger-health';
import { StorageWatchingEventStore } from './health/storage-watching-event-store';
import { ledgerReadModelsRunner } from './read-models/ledger-read-models';
import { createSubjectVault } from './subject-vault.factory';
import { createTokenService } from './token-service.factory';

/** The adapter itself, without schema checks: for the projection runner and integrity checks. */
export const RAW_EVENT_STORE = Symbol('RAW_EVENT_STORE');

const runnerLogger = new Logger('ReadModels');
const runnerLog: RunnerLog = {
  error: (message, cause) => runnerLogger.error(message, cause instanceof Error ? cause.stack : undefined),
  info: (message) => runnerLogger.log(message),
};

const warnDamaged = (damage: ReadModelsDamaged) =>
  new Logger('ReadModels').warn(`${damage.message}: recreating it, and rebuilding every read model from the log`);

/** Closes what the core opened, in dependency order: projections, then the store, then the file. */
class LedgerCoreShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(RAW_EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    @Inject(SUBJECT_VAULT) private readonly vault: FileSubjectVault,
    @Inject(TRANSPARENCY_LOG) private readonly transparency: TransparencyLog | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    // A clean stop leaves every event the tree holds in a signed checkpoint (not only those of the last second).
    this.transparency?.signer.signNow();
    this.transparency?.close();
    await this.store.close();
    this.db.close();
    this.vault.close();
    // Operators (and the shutdown test) look for this line to know nothing was cut short.
    new Logger('Ledger').log('event store and read models closed cleanly');
  }
}

export interface LedgerCoreOptions {
  /**
   * Serve a replay instead of the live ledger: the read models come from its file, and the store
   * is seen only through its bound (a BoundedEventStore, which also refuses every append).
   */
  replay?: { readModelsFile: string; lastSequence: number };
  /**
   * Keep the transparency log (its tree follows the events, checkpoints are signed): the live
   * server does; the CLI's commands and a served replay do not (one process writes log.db).
   */
  transparencyLog?: boolean;
}

/**
 * The ledger's wiring, shared by the API and the CLI: configuration, the chosen store wrapped in
 * schema checks, the read models and their runner, and token checking. Only apps import it.
 */
@Global()
@Module({})
export class LedgerCoreModule {
  static forRoot(config: LedgerConfig, options: LedgerCoreOptions = {}): DynamicModule {
    const paths = dataPaths(config);
    const { replay } = options;
    return {
      module: LedgerCoreModule,
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        { provide: EventSchemaRegistry, useFactory: () => EventSchemaRegistry.fromDirectory() },
        {
          provide: RAW_EVENT_STORE,
          useFactory: () => (replay ? new BoundedEventStore(createEventStore(config), replay.lastSequence) : createEventStore(config)),
        },
        {
          provide: EVENT_STORE,
          // The write path's store: payloads checked against their schemas, append outcomes told to the health check.
          useFactory: (raw: EventStore, registry: EventSchemaRegistry, health: LedgerHealth) =>
            new SchemaCheckedEventStore(new StorageWatchingEventStore(raw, health), registry),
          inject: [RAW_EVENT_STORE, EventSchemaRegistry, LedgerHealth],
        },
        {
          provide: READ_MODEL_DB,
          // This process owns the read models it opens (other processes may read them beside it). A
          // replay's read models are its record of a past state: never silently recreated.
          useFactory: () => (replay ? openReadModelDatabase(replay.readModelsFile) : openReadModelDatabase(paths.readModels, { onDamaged: warnDamaged })),
        },
        {
          provide: TRANSPARENCY_LOG,
          useFactory: () =>
            options.transparencyLog && !replay
              ? TransparencyLog.open({ file: paths.log, origin: config.logOrigin, keyFile: config.signingKeyFile, generatedFile: paths.logSigningKey })
              : null,
        },
        {
          provide: ProjectionRunner,
          useFactory: (store: EventStore, db: Database.Database, registry: EventSchemaRegistry, transparency: TransparencyLog | null) =>
            ledgerReadModelsRunner(store, db, registry, { log: runnerLog, alsoFollowing: transparency ? [new TransparencyLogConsumer(transparency)] : [] }),
          inject: [RAW_EVENT_STORE, READ_MODEL_DB, EventSchemaRegistry, TRANSPARENCY_LOG],
        },
        { provide: READ_MODEL_SYNC, useExisting: ProjectionRunner },
        {
          provide: LedgerHealth,
          useFactory: (runner: ProjectionRunner) => new LedgerHealth({ runner, dataDir: config.dataDir, minFreeDiskBytes: config.minFreeDiskBytes }),
          inject: [ProjectionRunner],
        },
        { provide: COMMAND_AVAILABILITY, useExisting: LedgerHealth },
        { provide: EVENT_TYPE_VERSIONS, useExisting: EventSchemaRegistry },
        { provide: EventLogQueries, useFactory: (db: Database.Database) => new EventLogQueries(db), inject: [READ_MODEL_DB] },
        { provide: DirectoryQueries, useFactory: (db: Database.Database) => new DirectoryQueries(db), inject: [READ_MODEL_DB] },
        { provide: LegislationQueries, useFactory: (db: Database.Database) => new LegislationQueries(db), inject: [READ_MODEL_DB] },
        { provide: DataRequestQueries, useFactory: (db: Database.Database) => new DataRequestQueries(db), inject: [READ_MODEL_DB] },
        // Who may see which restricted value: every read path that answers a caller asks it.
        { provide: PublicView, useFactory: (registry: EventSchemaRegistry) => new PublicView(registry), inject: [EventSchemaRegistry] },
        {
          provide: TraceService,
          useFactory: (e: EventLogQueries, d: DirectoryQueries, l: LegislationQueries, r: DataRequestQueries, view: PublicView) => new TraceService(e, d, l, r, view),
          inject: [EventLogQueries, DirectoryQueries, LegislationQueries, DataRequestQueries, PublicView],
        },
        { provide: TokenQueries, useFactory: (db: Database.Database) => new TokenQueries(db), inject: [READ_MODEL_DB] },
        // Every presented token of this ledger is checked against the tokens read model (revoked?).
        { provide: TOKEN_SERVICE, useFactory: (revoked: TokenQueries) => createTokenService(config, revoked), inject: [TokenQueries] },
        { provide: SUBJECT_VAULT, useFactory: () => createSubjectVault(config) },
        { provide: CLERK_OFFICE_ID, useValue: config.clerkOfficeId },
        LedgerCoreShutdown,
      ],
      exports: [
        LEDGER_CONFIG, EventSchemaRegistry, RAW_EVENT_STORE, EVENT_STORE, READ_MODEL_DB,
        ProjectionRunner, READ_MODEL_SYNC, LedgerHealth, COMMAND_AVAILABILITY, EVENT_TYPE_VERSIONS, EventLogQueries, DirectoryQueries, LegislationQueries, DataRequestQueries, PublicView, TraceService, TokenQueries, TOKEN_SERVICE,
        SUBJECT_VAULT, TRANSPARENCY_LOG, CLERK_OFFICE_ID,
      ],
    };
  }
}
