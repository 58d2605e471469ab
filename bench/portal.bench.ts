/**
 * The portal's measure page on the seeded demo (issue 12: first render under 500 ms, under 200 KB
 * transferred). A benchmark, never a test: prints figures and exits 0 (non-zero only when it
 * crashes). Run after `npm run build`: `node dist/bench/portal.bench.js [--requests N]`.
 *
 * - Server: the page's HTML, requested one after another (warm), against the raw limit measured in
 *   the same run: the same data as one GraphQL query over HTTP to the same server (what the page
 *   asks the API for, without rendering), as a ratio.
 * - Browser, when Debian's Chromium is installed: a cold first render in a fresh browser context
 *   (navigation to the `load` event: HTML, stylesheet, fonts), and the bytes transferred.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, startApi } from './support/api-process';

const CHROMIUM = '/usr/bin/chromium';
const PAGE = '/measures/CB17-0766';
const TARGETS = { firstRenderMs: 500, transferredBytes: 200 * 1024 };
const SAME_DATA = `query($id: ID!) { measure(id: $id) {
  id kind title summary status introducedAt effectiveFrom effectiveUntil sponsors { id name }
  actions { occurredAt classification description organization { name } vote { id } }
  clauses { clause { id eId heading versions { version heading text validFrom validUntil struck adoptedBy { id motion } } } }
  votes { id motion occurredAt result threshold body { id name } tally { yes no abstain absent recused } rollCall { person { id name } choice } }
} }`;

async function timings(count: number, request: () => Promise<Response>): Promise<number[]> {
  const took: number[] = [];
  for (let i = 0; i < count; i++) {
    const began = performance.now();
    const response = await request();
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    took.push(performance.now() - began);
  }
  return took.sort((a, b) => a - b);
}

const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function browserFirstRender(base: string): Promise<{ ms: number; bytes: number; requests: number } | null> {
  if (!existsSync(CHROMIUM)) return null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      bytes += event.encodedDataLength;
      requests++;
    });
    const began = performance.now();
    await page.goto(`${base}${PAGE}`, { waitUntil: 'load' });
    return { ms: performance.now() - began, bytes, requests };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--requests');
  const requests = flag > 0 ? Number(process.argv[flag + 1]) : 200;
  if (!Number.isInteger(requests) || requests < 1) {
    console.error('usage: node dist/bench/portal.bench.js [--requests N]');
    process.exit(2);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-portal-bench-'));
  try {
    execFileSync(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), 'seed', 'demo'], { env: { ...process.env, LEDGER_DATA_DIR: dataDir }, stdio: 'ignore' });
    const api = await startApi(dataDir);
    try {
      const base = api.url.replace(/\/graphql$/, '');
      await timings(20, () => fetch(`${base}${PAGE}`)); // warm-up
      const page = await timings(requests, () => fetch(`${base}${PAGE}`));
      const query = await timings(requests, () =>
        fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SAME_DATA, variables: { id: 'CB17-0766' } }) }),
      );
      const first = await browserFirstRender(base);
      const ms = (value: number) => `${value.toFixed(1)} ms`;
      console.log(`portal benchmark: ${PAGE} of the seeded demo, ${requests} requests one after another`);
      console.log(`  page HTML (server): p50 ${ms(at(page, 0.5))}, p99 ${ms(at(page, 0.99))}`);
      console.log(`  raw limit, the same data as one GraphQL query over HTTP: p50 ${ms(at(query, 0.5))}, p99 ${ms(at(query, 0.99))}`);
      console.log(`  ratio (query p50 / page p50): ${(at(query, 0.5) / at(page, 0.5)).toFixed(2)}`);
      if (first) {
        console.log(`  first render in Chromium (cold, to the load event): ${ms(first.ms)} (target < ${TARGETS.firstRenderMs} ms: ${first.ms < TARGETS.firstRenderMs ? 'PASS' : 'FAIL'})`);
        console.log(`  transferred: ${(first.bytes / 1024).toFixed(0)} KB in ${first.requests} responses (target < 200 KB: ${first.bytes < TARGETS.transferredBytes ? 'PASS' : 'FAIL'})`);
      } else {
        console.log(`  first render: not measured (no ${CHROMIUM}; apt-get install -y chromium)`);
      }
    } finally {
      await api.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
