import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { ApplicationModule, LedgerCommands } from '@ledger/application';
import { LedgerCoreModule, RAW_EVENT_STORE } from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import type { EventStore } from '@ledger/event-store';
import { ProjectionRunner } from '@ledger/projections';
import { denver2017Steps, recordScenario, type AnyStep } from '@ledger/scenarios';
import { UsageError } from '../cli-errors';
import { progressBar } from '../progress';

export const seedUsage = 'seed demo                                  record the Denver 2017 case into an empty ledger';

const SEEDS: Record<string, () => AnyStep[]> = { demo: denver2017Steps };

/**
 * Records a seed through the same write path, role checks, deciders and schema checks as the
 * GraphQL mutations, each step as the account that would issue it (the demo's clerk, recording
 * office holders' acts on their behalf), so the demo is a real history.
 */
export async function seedCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  const steps = SEEDS[positionals[0] ?? '']?.();
  if (!steps || positionals.length !== 1) throw new UsageError(`seed needs one of: ${Object.keys(SEEDS).join(', ')}`);

  @Module({ imports: [LedgerCoreModule.forRoot(config), ApplicationModule] })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const store = app.get<EventStore>(RAW_EVENT_STORE);
    const existing = (await store.lastSequence()) + 1;
    if (existing > 0) throw new UsageError(`the ledger in ${config.dataDir} already holds ${existing} events; seed an empty one (a fresh LEDGER_DATA_DIR)`);
    const runner = app.get(ProjectionRunner);
    await runner.catchUp();
    runner.start();
    const bar = progressBar('seed');
    try {
      await recordScenario(steps, app.get(LedgerCommands), (done) => bar.update(done, steps.length));
    } catch (error) {
      throw new Error(`seed ${(error as Error).message}`, { cause: error });
    }
    bar.stop();
    console.log(`seeded ${positionals[0]}: ${steps.length} commands, ${(await store.lastSequence()) + 1} events in ${config.dataDir}`);
  } finally {
    await app.close();
  }
}
