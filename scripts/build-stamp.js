'use strict';
/**
 * Whether dist/ was built from the sources as they are now, judged by modification times, so the
 * `ledger` launcher (bin/ledger.js) can skip `npm run build` (several seconds, even when nothing
 * changed) when no source did.
 *
 * The build records, before it compiles, the newest modification time among the sources it reads
 * (`start`), and keeps that record as dist/.build-stamp once it has succeeded (`done`). dist/ is
 * stale when a source is newer than the record, when the record is missing (never built, or the
 * last build failed) or when the CLI's entry point is missing. Recording the time seen at the
 * start, not the end, means a file saved during a build makes the next call build again.
 *
 * What counts as a source: what tsconfig.build.json compiles (.ts under apps/, libs/, bench/; not
 * the *.spec.ts / *.test.ts it excludes, which Jest runs from source), any .ts/.json under
 * scripts/, and the root package.json and tsconfig*.json. A change that keeps an older mtime (a
 * file copied with its timestamp kept, `cp -p`, `tar x`) is not seen: run `npm run build` then.
 *
 * Plain JavaScript with no dependencies, since it runs before anything is compiled (and in
 * `prepare`, during `npm ci`).
 */
const { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, mkdirSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const DEFAULT_ROOT = resolve(__dirname, '..');
const SOURCE_DIRS = ['apps', 'libs', 'bench', 'scripts'];
const STAMP = 'dist/.build-stamp';
const PENDING = 'dist/.build-stamp.pending';
const CLI_ENTRY = 'dist/apps/cli/src/main.js';

function isSource(name) {
  if (name.endsWith('.spec.ts') || name.endsWith('.test.ts')) return false;
  return name.endsWith('.ts') || name.endsWith('.json');
}

/** The newest modification time (ms) of any source file, and which file it is. */
function newestSource(root = DEFAULT_ROOT) {
  let newest = { mtimeMs: 0, file: null };
  const consider = (file) => {
    const { mtimeMs } = statSync(file);
    if (mtimeMs > newest.mtimeMs) newest = { mtimeMs, file };
  };
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && isSource(entry.name)) consider(path);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) walk(join(root, dir));
  for (const entry of readdirSync(root)) {
    if (entry === 'package.json' || /^tsconfig.*\.json$/.test(entry)) consider(join(root, entry));
  }
  return newest;
}

/** The record of the last successful build, or null. */
function readStamp(root = DEFAULT_ROOT) {
  try {
    return JSON.parse(readFileSync(join(root, STAMP), 'utf8'));
  } catch {
    return null;
  }
}

/** Why dist/ must be built before the CLI runs, or null when it is up to date. */
function staleReason(root = DEFAULT_ROOT) {
  if (!existsSync(join(root, CLI_ENTRY))) return 'dist/ has no CLI yet';
  const stamp = readStamp(root);
  if (stamp === null || typeof stamp.newestSourceMtimeMs !== 'number') return 'no record of a successful build';
  const newest = newestSource(root);
  if (newest.mtimeMs > stamp.newestSourceMtimeMs) return `${newest.file.slice(root.length + 1)} changed since the last build`;
  return null;
}

/** Before compiling: note what the sources look like now; a failed build leaves no stamp. */
function start(root = DEFAULT_ROOT) {
  mkdirSync(join(root, 'dist'), { recursive: true });
  rmSync(join(root, STAMP), { force: true });
  const newest = newestSource(root);
  writeFileSync(join(root, PENDING), `${JSON.stringify({ newestSourceMtimeMs: newest.mtimeMs, newestSource: newest.file && newest.file.slice(root.length + 1) })}\n`);
}

/** After a successful compile: the noted state becomes the stamp. */
function done(root = DEFAULT_ROOT) {
  renameSync(join(root, PENDING), join(root, STAMP));
}

module.exports = { CLI_ENTRY, STAMP, newestSource, readStamp, staleReason };

if (require.main === module) {
  const step = process.argv[2];
  if (step === 'start') start();
  else if (step === 'done') done();
  else {
    console.error('usage: node scripts/build-stamp.js start|done (run by `npm run build`)');
    process.exit(2);
  }
}
