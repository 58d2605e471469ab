#!/usr/bin/env node
'use strict';
/**
 * The `ledger` command (`npx ledger …`, `npm run ledger -- …`): runs the built CLI, building first
 * only when a source changed since the last build (scripts/build-stamp.js says which), so a call
 * costs the CLI's own start-up, not an `npm run build` (several seconds) every time. The build's
 * output goes to stderr, so stdout stays the command's alone (`TOKEN=$(npx ledger token …)`).
 */
const { spawnSync } = require('node:child_process');
const { join, resolve } = require('node:path');
const { CLI_ENTRY, staleReason } = require('../scripts/build-stamp');

const ROOT = resolve(__dirname, '..');

const reason = staleReason(ROOT);
if (reason !== null) {
  process.stderr.write(`ledger: building first (${reason}): npm run build\n`);
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (build.error || build.status !== 0) {
    process.stderr.write(`ledger: the build failed (${build.error ? build.error.message : `exit ${build.status}`}); nothing was run\n`);
    process.exit(1);
  }
}

// In this process: the CLI reads process.argv.slice(2), which is the same here, and sets the exit code.
require(join(ROOT, CLI_ENTRY));
