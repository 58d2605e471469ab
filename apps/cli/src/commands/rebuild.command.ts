import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { parseArgs } from 'node:util';
import { LedgerCoreModule } from '@ledger/composition';
import { dataPaths, type LedgerConfig } from '@ledger/config';
import { ProjectionRunner, discardReadModels } from '@ledger/projections';
import { progressBar } from '../progress';

export const rebuildUsage = 'rebuild                                    drop every read model and replay the whole log';

export async function rebuildCommand(args: string[], config: LedgerConfig): Promise<void> {
  parseArgs({ args, options: {} });
  // From nothing, whatever state the file is in (damaged included); refused while a server owns it.
  discardReadModels(dataPaths(config).readModels);
  @Module({ imports: [LedgerCoreModule.forRoot(config)] })
  class RebuildModule {}
  const app = await NestFactory.createApplicationContext(RebuildModule, { logger: ['error', 'warn'] });
  try {
    const runner = app.get(ProjectionRunner);
    const started = Date.now();
    runner.reset();
    const bar = progressBar('rebuild');
    await runner.catchUp(({ applied, target }) => bar.update(applied, target));
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    console.log(`rebuilt read models from ${runner.appliedThrough + 1} events in ${seconds.toFixed(1)} s`);
  } finally {
    await app.close();
  }
}
