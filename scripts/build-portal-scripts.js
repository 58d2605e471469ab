#!/usr/bin/env node
// Bundles the portal's browser scripts (libs/portal/browser/*.ts) with esbuild into dist/portal/,
// which the API serves under /assets/portal/: the integrity library and its few dependencies in one
// file, no CDN. Part of `npm run build`.
const { buildSync } = require('esbuild');
const { join } = require('node:path');

const root = join(__dirname, '..');
buildSync({
  entryPoints: { verify: join(root, 'libs/portal/browser/verify-page.ts'), live: join(root, 'libs/portal/browser/live-activity.ts') },
  outdir: join(root, 'dist/portal'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  tsconfig: join(root, 'tsconfig.base.json'),
  logLevel: 'warning',
});
