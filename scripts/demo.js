#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`: a fresh embedded ledger seeded with the Denver 2017 case, then the API.
 * The demo lives in ./demo-data (or LEDGER_DATA_DIR); it is recreated on every run, but only if
 * it was made by the demo (a marker file says so), so a real ledger can never be wiped by it.
 */
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
const dataDir = resolve(process.env.LEDGER_DATA_DIR || join(ROOT, 'demo-data'));
const marker = join(dataDir, '.ledger-demo');

if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
  if (!existsSync(marker)) {
    console.error(`demo: ${dataDir} holds a ledger the demo did not create; refusing to replace it. Set LEDGER_DATA_DIR to an empty folder.`);
    process.exit(2);
  }
  rmSync(dataDir, { recursive: true, force: true });
}
mkdirSync(dataDir, { recursive: true });
writeFileSync(marker, 'created by npm run demo; deleted and recreated on every run\n');

const env = { ...process.env, LEDGER_DATA_DIR: dataDir };
const seeded = spawnSync(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), 'seed', 'demo'], { env, stdio: 'inherit' });
if (seeded.status !== 0) process.exit(seeded.status ?? 1);

const api = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
