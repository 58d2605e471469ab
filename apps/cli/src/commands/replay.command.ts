import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ReplayRefused, describeBound, replayReadModels, type ReplayBound } from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import { UsageError } from '../cli-errors';
import { progressBar } from '../progress';

export const replayUsage = 'replay (--until-sequence N | --until-time ISO) --out DIR   build every read model as the ledger knew it then, into DIR';

/**
 * "As the ledger knew it": --until-sequence N keeps events 0..N; --until-time keeps what had been
 * recorded (recordedAt, not occurredAt) by then. Only reads the event store, so it runs beside a
 * live server; `serve --read-models DIR` then serves the result read-only.
 */
export async function replayCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { 'until-sequence': { type: 'string' }, 'until-time': { type: 'string' }, out: { type: 'string' } },
  });
  const untilSequence = values['until-sequence'];
  const untilTime = values['until-time'];
  if ((untilSequence === undefined) === (untilTime === undefined)) {
    throw new UsageError('replay needs exactly one of --until-sequence N (inclusive) or --until-time ISO-8601 (what the ledger had recorded by then)');
  }
  if (!values.out) throw new UsageError('replay needs --out DIR (a new or empty directory, or a previous replay to replace)');
  if (untilSequence !== undefined && !/^\d+$/.test(untilSequence)) throw new UsageError(`--until-sequence must be a sequence number, got ${untilSequence}`);
  const bound: ReplayBound = untilSequence !== undefined ? { untilSequence: Number(untilSequence) } : { untilTime: untilTime! };
  const outDir = resolve(values.out);

  const bar = progressBar('replay');
  const started = Date.now();
  let manifest;
  try {
    manifest = await replayReadModels({ config, bound, outDir, onProgress: ({ applied, target }) => bar.update(applied, target) });
  } catch (error) {
    if (error instanceof ReplayRefused) throw new UsageError(error.message);
    throw error;
  } finally {
    bar.stop();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`replayed ${manifest.lastSequenceApplied + 1} events, through ${describeBound(manifest)}, into ${outDir} in ${seconds} s`);
  console.log(`serve it read-only with: npm run ledger -- serve --read-models ${outDir}`);
}
