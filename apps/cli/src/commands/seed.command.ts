import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { parseArgs } from 'node:util';
import { ApplicationModule, COMMANDS_BY_NAME } from '@ledger/application';
import { LedgerCoreModule, RAW_EVENT_STORE } from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import type { EventStore } from '@ledger/event-store';
import { ProjectionRunner } from '@ledger/projections';
import { UsageError } from '../cli-errors';
import { progressBar } from '../progress';
import { denver2017Steps } from '../seed/denver-2017.demo';

export const seedUsage = 'seed demo                                  record the Denver 2017 case into an empty ledger';

const SEEDS: Record<string, () => ReturnType<typeof denver2017Steps>> = { demo: denver2017Steps };

/**
 * Records a seed through the same command bus, deciders and checks as the GraphQL mutations, each
 * step as the account that would issue it (the clerk, the mayor), so the demo is a real history.
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
    const bus = app.get(CommandBus);
    const bar = progressBar('seed');
    for (const [i, step] of steps.entries()) {
      const CommandClass = COMMANDS_BY_NAME[step.command];
      if (!CommandClass) throw new Error(`seed step ${i}: unknown command ${step.command}`);
      try {
        await bus.execute(new CommandClass(step.data as never, { actor: step.actor, occurredAt: step.occurredAt }));
      } catch (error) {
        throw new Error(`seed step ${i} (${step.command} ${JSON.stringify(step.data).slice(0, 120)}): ${(error as Error).message}`);
      }
      bar.update(i + 1, steps.length);
    }
    bar.stop();
    console.log(`seeded ${positionals[0]}: ${steps.length} commands, ${(await store.lastSequence()) + 1} events in ${config.dataDir}`);
  } finally {
    await app.close();
  }
}
