import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { ApplicationModule, LedgerCommands } from '@ledger/application';
import { LedgerCoreModule, RAW_EVENT_STORE } from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import type { EventStore } from '@ledger/event-store';
import { ProjectionRunner } from '@ledger/projections';
import { recordLanes, syntheticCity } from '@ledger/scenarios';
import { UsageError } from '../cli-errors';
import { progressBar } from '../progress';

export const generateUsage = 'generate --events N [--seed S] [--no-read-models]   record a synthetic city of about N events into an empty ledger';

/** Lanes recorded side by side: enough for the event store's group commit to fill its batches. */
const CONCURRENCY = 128;
const MAX_EVENTS = 20_000_000;

/**
 * Records a synthetic, rule-abiding city (libs/scenarios/src/synthetic) through the real write
 * path: the catalogue's role checks, the facts, the deciders and the schema checks, each command
 * as the clerk recording an office holder's act. Independent lanes are recorded side by side and
 * do not wait for the read models, which are built once at the end (that is the rebuild).
 */
export async function generateCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { values } = parseArgs({ args, options: { events: { type: 'string' }, seed: { type: 'string' }, 'no-read-models': { type: 'boolean' } } });
  const events = wholeNumber('--events', values.events, 1, MAX_EVENTS);
  const seed = values.seed === undefined ? 1 : wholeNumber('--seed', values.seed, 0, 2 ** 31 - 1);

  @Module({ imports: [LedgerCoreModule.forRoot(config), ApplicationModule] })
  class GenerateModule {}
  const app = await NestFactory.createApplicationContext(GenerateModule, { logger: ['error', 'warn'] });
  try {
    const store = app.get<EventStore>(RAW_EVENT_STORE);
    const existing = (await store.lastSequence()) + 1;
    if (existing > 0) throw new UsageError(`the ledger in ${config.dataDir} already holds ${existing} events; generate into an empty one (a fresh LEDGER_DATA_DIR)`);
    const ledger = app.get(LedgerCommands);

    const bar = progressBar('generate');
    const started = Date.now();
    let recorded = 0;
    // The last phase's rate too, which says whether the write path slowed as the ledger grew.
    let last = { label: '', events: 0, seconds: 0 };
    for (const phase of syntheticCity({ events, seed })) {
      const phaseStarted = Date.now();
      const before = recorded;
      try {
        await recordLanes(phase.lanes, ledger, {
          concurrency: CONCURRENCY,
          readYourWrites: false,
          onRecorded: (receipt) => {
            recorded += receipt.events.length;
            bar.update(recorded, Math.max(events, recorded));
          },
        });
      } catch (error) {
        throw new Error(`generate (${phase.label}): ${(error as Error).message}`, { cause: error });
      }
      last = { label: phase.label, events: recorded - before, seconds: (Date.now() - phaseStarted) / 1000 };
    }
    bar.stop();
    const written = (Date.now() - started) / 1000;
    console.log(`generated ${recorded} events (seed ${seed}) in ${written.toFixed(1)} s: ${Math.round(recorded / written)} events/s through the write path`);
    // Every city ends with the same kind of phase (the last year's data requests), whatever its size.
    console.log(`the last phase (${last.label}, ${last.events} events) at ${Math.round(last.events / last.seconds)} events/s`);

    // The server (or `ledger rebuild`) builds them on its own start; a benchmark times that apart.
    if (values['no-read-models']) return;
    const runner = app.get(ProjectionRunner);
    const built = Date.now();
    const readModels = progressBar('read models');
    await runner.catchUp(({ applied, target }) => readModels.update(applied, target));
    readModels.stop();
    const seconds = (Date.now() - built) / 1000;
    console.log(`built the read models from ${runner.appliedThrough + 1} events in ${seconds.toFixed(1)} s: ${Math.round((runner.appliedThrough + 1) / seconds)} events/s`);
  } finally {
    await app.close();
  }
}

function wholeNumber(flag: string, text: string | undefined, min: number, max: number): number {
  if (text === undefined) throw new UsageError(`generate needs ${flag} N`);
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got ${text}`);
  return value;
}
