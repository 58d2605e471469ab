import 'reflect-metadata';
import { ConfigError, loadConfig } from '@ledger/config';
import { assertSecretsPresent, createLedgerHttpApp, listenLedgerHttpApp } from '@ledger/composition';
import { portalAssets } from '@ledger/portal';
import { DataRequestQueries, ProjectionRunner } from '@ledger/projections';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createLedgerHttpApp(AppModule.forRoot(config), config);
  app.use(portalAssets());
  // SIGTERM: stop taking commands, let in-flight ones finish their appends, then close the store.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  const runner = app.get(ProjectionRunner);
  // Serve only read models that have caught up with the log; then follow it live.
  await runner.catchUp();
  assertSecretsPresent(config, app.get(DataRequestQueries));
  runner.start();
  await listenLedgerHttpApp(app, config, `data: ${config.dataDir}, store: ${config.store}`);
}

bootstrap().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`cannot start: ${error.message}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
