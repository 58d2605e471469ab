import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createEventStore, ledgerExists } from '@ledger/composition';
import type { LedgerConfig } from '@ledger/config';
import type { EventStore } from '@ledger/event-store';
import { toNdjsonLine } from '@ledger/ndjson';
import { UsageError } from '../cli-errors';
import { progressBar, type Progress } from '../progress';
import { exportOcdCommand, exportOcdUsage } from './export-ocd.command';

export const exportUsage =
  'export --format ndjson [--out FILE]        every event with its envelope and leaf hash, one JSON object per line (stdout by default)' +
  `\n  ${exportOcdUsage}`;

const PAGE = 1000;

/** Where the lines go: a file (written aside, renamed into place when complete) or stdout. */
interface Sink {
  write(text: string): Promise<void>;
  /** the export is complete: make it visible */
  finish(): Promise<void>;
  /** the export failed: leave nothing that looks complete */
  abandon(): void;
}

type Exporter = (store: EventStore, through: number, sink: Sink, progress: Progress) => Promise<void>;

const FORMATS: Record<string, Exporter> = { ndjson: exportNdjson };

/**
 * The whole log as stored (old schema versions are not upcast, so every leaf hash recomputes), in
 * sequence order, up to the last event at the moment the export starts. Only reads the store, so
 * it runs beside a live server.
 */
export async function exportCommand(args: string[], config: LedgerConfig): Promise<void> {
  const { values } = parseArgs({ args, options: { format: { type: 'string' }, out: { type: 'string' } } });
  // OCD objects, not events: its own module (export-ocd.command.ts), with --out naming a directory.
  if (values.format === 'ocd') return exportOcdCommand(args, config);
  const exporter = FORMATS[values.format ?? ''];
  if (!exporter) throw new UsageError(`export needs --format, one of: ${[...Object.keys(FORMATS), 'ocd'].join(', ')}`);
  if (!ledgerExists(config)) throw new UsageError(`there is no ledger in ${config.dataDir} (no events.db)`);
  const out = values.out === undefined ? undefined : resolve(values.out);
  // An export is evidence: never overwrite one.
  if (out && existsSync(out)) throw new UsageError(`${out} already exists; export to a new file`);

  const store = createEventStore(config);
  try {
    const through = await store.lastSequence();
    const sink = out ? fileSink(out) : stdoutSink();
    const progress = out ? progressBar('export') : { update: () => undefined, stop: () => undefined };
    try {
      await exporter(store, through, sink, progress);
      await sink.finish();
    } catch (error) {
      sink.abandon();
      throw error;
    } finally {
      progress.stop();
    }
    const summary = `exported ${through + 1} events (sequences 0..${through}) as ${values.format}${out ? ` to ${out}` : ''}`;
    // On stdout only when stdout is not the export itself.
    if (out) console.log(summary);
    else console.error(summary);
  } finally {
    await store.close();
  }
}

async function exportNdjson(store: EventStore, through: number, sink: Sink, progress: Progress): Promise<void> {
  for (let next = 0; next <= through; ) {
    const page = await store.readAll(next, Math.min(PAGE, through - next + 1));
    if (page.length === 0) throw new Error(`the store returned no event at sequence ${next}, before its last sequence ${through}`);
    await sink.write(page.map((event) => `${toNdjsonLine(event)}\n`).join(''));
    next = page[page.length - 1].sequence + 1;
    progress.update(next, through + 1);
  }
}

function fileSink(file: string): Sink {
  const partial = join(dirname(file), `.${basename(file)}.partial-${process.pid}`);
  const fd = openSync(partial, 'wx');
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    closeSync(fd);
  };
  return {
    async write(text) {
      writeSync(fd, text);
    },
    async finish() {
      fsyncSync(fd);
      close();
      renameSync(partial, file);
    },
    abandon() {
      close();
      rmSync(partial, { force: true });
    },
  };
}

function stdoutSink(): Sink {
  const write = (text: string) =>
    new Promise<void>((done, failed) => {
      process.stdout.write(text, (error) => (error ? failed(error) : done()));
    });
  return { write, finish: async () => undefined, abandon: () => undefined };
}
