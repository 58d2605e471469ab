import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { parseArgs } from 'node:util';
import { ApplicationModule, COMMANDS_BY_NAME, type RecordReceipt } from '@ledger/application';
import { requestIdOfStream } from '@ledger/domain';
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
 * step as the account that would issue it (the demo's clerk, recording office holders' acts on
 * their behalf), so the demo is a real history.
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
    const saved = new Map<string, string>();
    for (const [i, step] of steps.entries()) {
      const CommandClass = COMMANDS_BY_NAME[step.command];
      if (!CommandClass) throw new Error(`seed step ${i}: unknown command ${step.command}`);
      try {
        const data = resolveSaved(step.data, saved);
        const receipt: RecordReceipt = await bus.execute(new CommandClass(data as never, { actor: step.actor, occurredAt: step.occurredAt }));
        if (step.saveAs) saved.set(step.saveAs, requestIdOfStream(receipt.streamId) ?? receipt.streamId);
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

/** Replaces "$name" strings (top-level data values) by the id a step saved under that name. */
function resolveSaved(data: Record<string, unknown>, saved: Map<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => {
      if (typeof value !== 'string' || !value.startsWith('$')) return [key, value];
      const id = saved.get(value.slice(1));
      if (!id) throw new Error(`${value} names no earlier step`);
      return [key, id];
    }),
  );
}
