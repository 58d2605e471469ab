/**
 * Rebuild throughput of the read models against the limit reading the events sets.
 *
 * A benchmark, never a test: it prints figures and PASS/FAIL against the target, and exits 0 either
 * way (non-zero only when it crashes, 2 on bad arguments). Run after `npm run build` with
 * `node dist/bench/rebuild.bench.js [DATA_DIR]` (default: LEDGER_DATA_DIR), on a ledger made with
 * `npm run ledger -- generate`. bench/README.md explains each line. `runRebuildBench` and
 * `formatRebuildBench` are what a driver that runs several benchmarks calls.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createEventStore, rebuildReadModels } from '@ledger/composition';
import { dataPaths, loadConfig } from '@ledger/config';
import { EventSchemaRegistry } from '@ledger/event-schemas';

/** Rebuild must run at no less than this share of the raw read-and-parse rate (issue 10). */
export const TARGET_REBUILD_VS_RAW = 0.3;

export interface Figure {
  events: number;
  seconds: number;
  perSecond: number;
}

export interface RebuildBenchResult {
  dataDir: string;
  events: number;
  /** plain better-sqlite3 reading every row of the events table and JSON.parse of its data: the limit */
  raw: Figure;
  /** every read model rebuilt into a fresh file, as `ledger rebuild` does */
  rebuild: Figure;
  /** rebuild / raw */
  ratio: number;
  /**
   * The finished read models copied table by table into an empty file inside SQLite (INSERT …
   * SELECT with the same tables and indexes, same pragmas as a build, no JavaScript): what writing
   * these rows costs SQLite alone, a floor no rebuild of the same read models can go under.
   */
  writeFloor: Figure;
  /** the rebuilt read-model file */
  fileBytes: number;
  bytesPerEvent: number;
}

export interface RebuildBenchOptions {
  /** draw a progress line on stderr (default: when stderr is a terminal) */
  progress?: boolean;
}

// Progress goes to stderr and only on a terminal, so piped or CI output holds just the results.
class Progress {
  private lastDraw = 0;
  constructor(private readonly enabled: boolean) {}

  update(label: string, done: number, total: number, began: number): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.lastDraw < 200) return;
    this.lastDraw = now;
    const seconds = (now - began) / 1000;
    const line = `  ${label}: ${done}/${total} events, ${seconds.toFixed(1)} s, ${rate(done / Math.max(seconds, 1e-9))} events/s`;
    process.stderr.write(`\r${line.padEnd(78).slice(0, 78)}`);
  }

  clear(): void {
    if (this.enabled) process.stderr.write(`\r${' '.repeat(78)}\r`);
    this.lastDraw = 0;
  }
}

/**
 * What reading the events costs without the ledger: every row of the events table through plain
 * better-sqlite3, the payload parsed, nothing else. A rebuild cannot be faster than this.
 */
function measureRaw(eventsFile: string, progress: Progress, total: number): Figure {
  const db = new Database(eventsFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT * FROM events ORDER BY sequence').iterate() as IterableIterator<{ data: string }>;
    const began = performance.now();
    let events = 0;
    let keep = 0;
    for (const row of rows) {
      // Touch the parsed payload, so the parse cannot be optimized away.
      keep += Object.keys(JSON.parse(row.data) as object).length;
      events++;
      if ((events & 1023) === 0) progress.update('raw read and parse', events, total, began);
    }
    const seconds = (performance.now() - began) / 1000;
    progress.clear();
    if (keep < 0) console.log(keep);
    return { events, seconds, perSecond: events / seconds };
  } finally {
    db.close();
  }
}

/**
 * Copies every table of the rebuilt read models into an empty file, inside SQLite: the schema as
 * the build made it (tables, indexes, the full-text index; its shadow tables fill themselves), the
 * rows with one INSERT … SELECT per table in one transaction, with the pragmas of a build
 * (buildReadModelFile). Generated columns are left to SQLite, as in the build.
 */
function measureWriteFloor(built: string, copy: string, events: number): Figure {
  const source = new Database(built, { readonly: true, fileMustExist: true });
  let schema: Array<{ type: string; name: string; sql: string }>;
  try {
    schema = source.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all() as typeof schema;
  } finally {
    source.close();
  }
  const virtualTables = schema.filter((entry) => /^CREATE VIRTUAL TABLE/i.test(entry.sql)).map((entry) => entry.name);
  const isShadow = (name: string) => virtualTables.some((table) => name.startsWith(`${table}_`));
  const created = schema.filter((entry) => !isShadow(entry.name));
  const db = new Database(copy);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('main.locking_mode = EXCLUSIVE');
    db.pragma('cache_size = -262144');
    db.prepare('ATTACH DATABASE ? AS built').run(built);
    const tables = created.filter((entry) => entry.type === 'table').map((entry) => entry.name);
    const columnsOf = (table: string) =>
      (db.prepare(`SELECT name FROM pragma_table_xinfo(?, 'built') WHERE hidden = 0`).pluck().all(table) as string[]).map((name) => `"${name}"`).join(', ');
    const copies = tables.map((table) => `INSERT INTO main."${table}" (${columnsOf(table)}) SELECT ${columnsOf(table)} FROM built."${table}"`);
    const began = performance.now();
    db.transaction(() => {
      for (const entry of created) db.exec(entry.sql);
      for (const sql of copies) db.exec(sql);
    })();
    const seconds = (performance.now() - began) / 1000;
    return { events, seconds, perSecond: events / seconds };
  } finally {
    db.close();
  }
}

function countEvents(eventsFile: string): number {
  const db = new Database(eventsFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
  } finally {
    db.close();
  }
}

function fileSize(file: string): number {
  return ['', '-wal'].reduce((bytes, suffix) => bytes + (existsSync(`${file}${suffix}`) ? statSync(`${file}${suffix}`).size : 0), 0);
}

/**
 * Measures, on the ledger in dataDir (only read): the raw read-and-parse rate, a rebuild of every
 * read model into a fresh file in a temp directory through the code `ledger rebuild` runs, and the
 * size of that file. The raw figure is taken before and after the rebuild and the faster one kept,
 * so the ratio compares the rebuild with the best the same disk and cache gave in the same run.
 */
export async function runRebuildBench(dataDir: string, options: RebuildBenchOptions = {}): Promise<RebuildBenchResult> {
  const config = loadConfig({ ...process.env, LEDGER_DATA_DIR: dataDir, LEDGER_STORE: 'sqlite' });
  const eventsFile = dataPaths(config).events;
  if (!existsSync(eventsFile)) throw new Error(`there is no ledger in ${config.dataDir} (no events.db)`);
  const progress = new Progress(options.progress ?? Boolean(process.stderr.isTTY));
  const total = countEvents(eventsFile);
  if (total === 0) throw new Error(`the ledger in ${config.dataDir} holds no events`);

  const rawBefore = measureRaw(eventsFile, progress, total);
  const dir = mkdtempSync(join(tmpdir(), 'ledger-rebuild-bench-'));
  try {
    const file = join(dir, 'read-models.db');
    const registry = EventSchemaRegistry.fromDirectory();
    const store = createEventStore(config);
    let rebuild: Figure;
    try {
      const began = performance.now();
      const through = await rebuildReadModels(store, file, registry, ({ applied, target }) => progress.update('rebuild', applied, target, began), {
        eventsFile,
      });
      const seconds = (performance.now() - began) / 1000;
      progress.clear();
      rebuild = { events: through + 1, seconds, perSecond: (through + 1) / seconds };
    } finally {
      await store.close();
    }
    const fileBytes = fileSize(file);
    const writeFloor = measureWriteFloor(file, join(dir, 'copy.db'), rebuild.events);
    const rawAfter = measureRaw(eventsFile, progress, total);
    const raw = rawAfter.perSecond > rawBefore.perSecond ? rawAfter : rawBefore;
    return {
      dataDir: config.dataDir,
      events: total,
      raw,
      rebuild,
      ratio: rebuild.perSecond / raw.perSecond,
      writeFloor,
      fileBytes,
      bytesPerEvent: fileBytes / rebuild.events,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function rate(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** The result as the lines the benchmark prints. */
export function formatRebuildBench(result: RebuildBenchResult): string[] {
  const verdict = result.ratio >= TARGET_REBUILD_VS_RAW ? 'PASS' : 'FAIL';
  const rows: string[][] = [
    ['figure', 'events/s', 'seconds', 'compared with', 'ratio', 'target'],
    ['raw read and parse (the limit)', rate(result.raw.perSecond), result.raw.seconds.toFixed(2), '', '', ''],
    [
      'rebuild, every read model',
      rate(result.rebuild.perSecond),
      result.rebuild.seconds.toFixed(2),
      'raw read and parse',
      result.ratio.toFixed(2),
      `>= ${TARGET_REBUILD_VS_RAW.toFixed(2)} ${verdict}`,
    ],
    [
      'write floor: the rows copied in SQLite',
      rate(result.writeFloor.perSecond),
      result.writeFloor.seconds.toFixed(2),
      'raw read and parse',
      (result.writeFloor.perSecond / result.raw.perSecond).toFixed(2),
      '',
    ],
    [
      'rebuild vs read + write floor',
      '',
      '',
      'raw read, then the floor',
      (result.raw.seconds + result.writeFloor.seconds > 0 ? (result.raw.seconds + result.writeFloor.seconds) / result.rebuild.seconds : 0).toFixed(2),
      '',
    ],
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const numeric = new Set([1, 2, 4]);
  const table = rows.map(
    (row) => '  ' + row.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('   ').trimEnd(),
  );
  return [
    `rebuild benchmark: ${rate(result.events)} events in ${result.dataDir}`,
    `  node ${process.version}, SQLite ${sqliteVersion()}; the limit is the faster of two raw reads, before and after the rebuild`,
    '',
    ...table,
    '',
    `  read-model file: ${(result.fileBytes / 1024 / 1024).toFixed(1)} MiB, ${Math.round(result.bytesPerEvent).toLocaleString('en-US')} bytes per event`,
  ];
}

function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return db.prepare('SELECT sqlite_version()').pluck().get() as string;
  } finally {
    db.close();
  }
}

function usage(problem?: string): never {
  const text = 'usage: node dist/bench/rebuild.bench.js [DATA_DIR]   (a ledger, e.g. made by `ledger generate`; default: LEDGER_DATA_DIR)';
  if (problem) {
    console.error(`${problem}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) usage();
  if (args.length > 1 || args.some((arg) => arg.startsWith('-'))) usage(`unexpected arguments: ${args.join(' ')}`);
  const dataDir = args[0] ?? process.env.LEDGER_DATA_DIR;
  if (!dataDir) usage('name the ledger: an argument or LEDGER_DATA_DIR');
  const result = await runRebuildBench(resolve(dataDir));
  for (const line of formatRebuildBench(result)) console.log(line);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
