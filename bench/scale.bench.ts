/**
 * `npm run bench`: every figure of the README's table, each next to its raw limit measured in the
 * same run, on generated ledgers of 20k and 1M events (issue 10). A benchmark, never a test: it
 * prints figures and PASS/FAIL against the targets and exits 0 either way.
 *
 *   node dist/bench/scale.bench.js [--events N] [--small N] [--seed S] [--dir DIR] [--reuse]
 *
 * --events is the large ledger (default 1,000,000), --small the small one (default 20,000). The
 * cities are generated into DIR (default: a directory under the system temp dir) through the
 * write path, then their read models are built in place with `ledger rebuild`; --reuse keeps
 * cities an earlier run generated there (their generation figures are then not measured again).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { printCommands, runCommandsBench } from './commands.bench';
import { formatRebuildBench, runRebuildBench, TARGET_REBUILD_VS_RAW } from './rebuild.bench';
import { runReadsBench, TARGET_P99_MS, TARGET_RATIO } from './reads.bench';
import { ROOT, loadGraphql, residentBytes, startApi } from './support/api-process';
import { formatCheckpointBench, runCheckpointBench } from './checkpoint.bench';
import { formatVerifyBench, runVerifyBench } from './verify.bench';

const CLI = join(ROOT, 'dist/apps/cli/src/main.js');

interface Generated {
  events: number;
  perSecond: number;
  /** the rate of the city's last phase (the last year's data requests) */
  tailPerSecond: number;
  tailPhase: string;
  seconds: number;
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const rate = (value: number) => Math.round(value).toLocaleString('en-US');
const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');

/** A city of `events` events in `dir`, through `ledger generate` (its own figures), read models built by `ledger rebuild`. */
function city(dir: string, events: number, seed: number, reuse: boolean): Generated {
  const marker = join(dir, 'generated.json');
  if (reuse && existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as Generated;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = { ...process.env, LEDGER_DATA_DIR: dir };
  console.log(`  generating ${rate(events)} events into ${dir} (ledger generate --events ${events} --seed ${seed})`);
  const out = execFileSync(process.execPath, [CLI, 'generate', '--events', String(events), '--seed', String(seed), '--no-read-models'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const overall = /generated (\d+) events .* in ([\d.]+) s: (\d+) events\/s/.exec(out);
  const tail = /the last phase \((.*), (\d+) events\) at (\d+) events\/s/.exec(out);
  if (!overall || !tail) throw new Error(`unexpected output of ledger generate:\n${out}`);
  const generated = { events: Number(overall[1]), seconds: Number(overall[2]), perSecond: Number(overall[3]), tailPerSecond: Number(tail[3]), tailPhase: `${tail[1]}, ${tail[2]} events` };
  // The read models the server and the read benchmarks use, built as an operator would.
  const rebuilt = spawnSync(process.execPath, [CLI, 'rebuild'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (rebuilt.status !== 0) throw new Error(`ledger rebuild failed:\n${rebuilt.stdout}`);
  writeFileSync(marker, JSON.stringify(generated));
  return generated;
}

function bytesOnDisk(dir: string): number {
  return ['events.db', 'events.db-wal', 'read-models.db', 'read-models.db-wal']
    .map((file) => join(dir, file))
    .filter(existsSync)
    .reduce((bytes, file) => bytes + statSync(file).size, 0);
}

/** Cold start to the first answer, and resident memory after answering reads for a few seconds. */
async function coldStart(dir: string): Promise<{ listenMs: number; firstAnswerMs: number; residentBytes: number }> {
  const began = Date.now();
  const api = await startApi(dir);
  try {
    const query = JSON.stringify({ query: '{ measures(first: 10) { edges { node { id title status votes { tally { yes no } } } } } }' });
    const answer = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
    if (!answer.ok || (await answer.text()).includes('"errors"')) throw new Error('the first query failed');
    const firstAnswerMs = Date.now() - began;
    await loadGraphql(api.url, () => query, { connections: 20, seconds: 3 });
    return { listenMs: api.startedInMs, firstAnswerMs, residentBytes: residentBytes(api.child.pid!) };
  } finally {
    await api.stop();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const large = Number(flag(args, '--events') ?? 1_000_000);
  const small = Number(flag(args, '--small') ?? 20_000);
  const seed = Number(flag(args, '--seed') ?? 1);
  const base = flag(args, '--dir') ?? join(tmpdir(), 'ledger-bench');
  const reuse = args.includes('--reuse');
  if (![large, small, seed].every(Number.isInteger) || small >= large) {
    console.error('usage: node dist/bench/scale.bench.js [--events N] [--small N] [--seed S] [--dir DIR] [--reuse]');
    process.exit(2);
  }
  console.log(`scale benchmark: node ${process.version}, ${cpus().length} cores (the load generator and the server share them)`);

  console.log('\n## appends (bench/append.bench.ts)');
  execFileSync(process.execPath, [join(ROOT, 'dist/bench/append.bench.js')], { stdio: 'inherit' });

  const dirs = { small: join(base, `city-${small}-${seed}`), large: join(base, `city-${large}-${seed}`) };
  console.log('\n## the cities (ledger generate, then ledger rebuild)');
  const generated = { small: city(dirs.small, small, seed, reuse), large: city(dirs.large, large, seed, reuse) };
  for (const [name, g] of Object.entries(generated)) {
    console.log(`  ${name}: ${rate(g.events)} events in ${g.seconds} s, ${rate(g.perSecond)} events/s through the write path (target >= 10,000: ${verdict(g.perSecond >= 10_000)}); its last phase (${g.tailPhase}) at ${rate(g.tailPerSecond)}/s`);
  }
  const flat = generated.large.tailPerSecond / generated.small.tailPerSecond;
  console.log(`  write path at ${rate(generated.large.events)} vs at ${rate(generated.small.events)} events (each city's last phase, the same kind of commands): ratio ${flat.toFixed(2)} (target >= 0.9: ${verdict(flat >= 0.9)})`);

  console.log('\n## rebuild (bench/rebuild.bench.ts)');
  const rebuilds = [];
  for (const dir of [dirs.small, dirs.large]) {
    const result = await runRebuildBench(dir);
    rebuilds.push(result);
    formatRebuildBench(result).forEach((line) => console.log(line));
  }
  const [smallRebuild, largeRebuild] = rebuilds;
  const linear = largeRebuild.rebuild.perSecond / smallRebuild.rebuild.perSecond;
  console.log(`  rebuild events/s at ${rate(largeRebuild.events)} vs at ${rate(smallRebuild.events)}: ratio ${linear.toFixed(2)}; ${largeRebuild.rebuild.seconds.toFixed(1)} s for the large ledger (target < 20 s for 1M: ${verdict(largeRebuild.rebuild.seconds < 20 * (largeRebuild.events / 1_000_000))}); ratio to raw >= ${TARGET_REBUILD_VS_RAW}: ${verdict(largeRebuild.ratio >= TARGET_REBUILD_VS_RAW)}`);

  console.log(`\n## reads (bench/reads.bench.ts), targets >= ${TARGET_RATIO} of bare and p99 < ${TARGET_P99_MS} ms`);
  for (const dir of [dirs.small, dirs.large]) await runReadsBench({ dataDir: dir });

  console.log('\n## cold start and memory, large ledger');
  const start = await coldStart(dirs.large);
  console.log(`  listening after ${rate(start.listenMs)} ms, first answer after ${rate(start.firstAnswerMs)} ms, resident memory ${(start.residentBytes / 2 ** 20).toFixed(0)} MiB after 3 s of reads`);
  for (const [name, dir] of Object.entries(dirs)) {
    const events = generated[name as keyof typeof generated].events;
    console.log(`  bytes on disk per event, ${name}: ${rate(bytesOnDisk(dir) / events)} (event store and read models)`);
  }

  // The servers above built each city's transparency log (log.db) while catching up: verify reads it.
  console.log('\n## ledger verify (bench/verify.bench.ts), large ledger');
  formatVerifyBench(runVerifyBench(dirs.large)).forEach((line) => console.log(line));

  console.log('\n## checkpoint latency (bench/checkpoint.bench.ts), a fresh demo ledger under 32 clients');
  formatCheckpointBench(await runCheckpointBench(32, 20)).forEach((line) => console.log(line));

  console.log('\n## the portal (bench/portal.bench.ts), the seeded demo');
  execFileSync(process.execPath, [join(ROOT, 'dist/bench/portal.bench.js')], { stdio: 'inherit' });

  console.log('\n## commands through GraphQL (bench/commands.bench.ts), large ledger (it grows by what it records)');
  printCommands(await runCommandsBench({ dataDir: dirs.large }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
