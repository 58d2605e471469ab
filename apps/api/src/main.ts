import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@ledger/config';
import { ProjectionRunner } from '@ledger/projections';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(AppModule.forRoot(config), { logger: ['log', 'warn', 'error'] });
  // SIGTERM: stop taking commands, let in-flight ones finish their appends, then close the store.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  const runner = app.get(ProjectionRunner);
  // Serve only read models that have caught up with the log; then follow it live.
  await runner.catchUp();
  runner.start();
  await app.listen(config.port, config.host);
  // The bound URL, not the configured one: with LEDGER_PORT=0 the OS picks the port.
  Logger.log(`ledger API on ${await app.getUrl()}/graphql (data: ${config.dataDir}, store: ${config.store})`, 'Ledger');
}

bootstrap().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`configuration: ${error.message}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
