/**
 * How long after a mutation's answer a signed checkpoint includes it (issue 11: within 2 s at p99).
 *
 * A benchmark, never a test: prints figures and exits 0 (non-zero only when it crashes). Run after
 * `npm run build` with `node dist/bench/checkpoint.bench.js [--clients N] [--mutations M]`. A fresh
 * ledger (the demo seeded into a temp dir) and the built server; N clients record M people each
 * (one event per mutation) while a poller reads /log/checkpoint every 10 ms and notes when each tree
 * size first appears. A mutation's latency is from its answer to the first checkpoint whose size
 * covers its event's sequence. Next to it, in the same run: the checkpoint interval the server
 * keeps (at most one signature a second), which no latency under load can beat by much, and the
 * time to sign one checkpoint.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSignerKey, nodeIntegrityCrypto, signCheckpoint } from '@ledger/integrity';
import { ROOT, mintToken, startApi } from './support/api-process';

const TARGET_P99_MS = 2000;
const CHECKPOINT_INTERVAL_MS = 1000;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The time to sign one checkpoint, as the server does (Ed25519 over the note text), measured here. */
function signingMs(): number {
  const key = generateSignerKey(nodeIntegrityCrypto, 'bench.example/log');
  const rootHash = new Uint8Array(32).fill(7);
  const rounds = 2000;
  const began = performance.now();
  for (let i = 0; i < rounds; i++) signCheckpoint(nodeIntegrityCrypto, { origin: 'bench.example/log', size: i, rootHash, extensions: [] }, [key]);
  return (performance.now() - began) / rounds;
}

export async function runCheckpointBench(clients: number, mutationsEach: number) {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-checkpoint-bench-'));
  try {
    execFileSync(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), 'seed', 'demo'], { env: { ...process.env, LEDGER_DATA_DIR: dir }, stdio: 'ignore' });
    const api = await startApi(dir);
    try {
      return await measure(api, clients, mutationsEach, dir);
    } finally {
      await api.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(api: Awaited<ReturnType<typeof startApi>>, clients: number, mutationsEach: number, dir: string) {
  const base = api.url.replace(/\/graphql$/, '');
  const token = mintToken(dir, 'clerk');
  const seen: Array<{ size: number; at: number }> = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const size = Number((await (await fetch(`${base}/log/checkpoint`)).text()).split('\n')[1]);
      if (seen.length === 0 || size > seen[seen.length - 1].size) seen.push({ size, at: performance.now() });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const answered: Array<{ sequence: number; at: number }> = [];
  // The poller must stop whatever happens: its requests would keep the server from shutting down.
  const stopPolling = async () => {
    polling = false;
    await poller;
  };
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; i < mutationsEach; i++) {
        const response = await fetch(api.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: `mutation { registerPerson(input: { id: "person:bench-${client}-${i}", name: "Bench ${client} ${i}" }) { events { sequence } } }` }),
        });
        const body = (await response.json()) as { data?: { registerPerson: { events: Array<{ sequence: number }> } }; errors?: unknown };
        if (!body.data) {
          await stopPolling();
          throw new Error(`mutation refused: ${JSON.stringify(body.errors)}`);
        }
        answered.push({ sequence: body.data.registerPerson.events[0].sequence, at: performance.now() });
      }
    }),
  );
  const last = Math.max(...answered.map((a) => a.sequence));
  const deadline = performance.now() + 10_000;
  while (seen[seen.length - 1].size <= last && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await stopPolling();
  const latencies = answered
    .map(({ sequence, at }) => {
      const covering = seen.find((checkpoint) => checkpoint.size > sequence);
      return covering ? Math.max(0, covering.at - at) : Number.POSITIVE_INFINITY;
    })
    .sort((a, b) => a - b);
  return { mutations: answered.length, clients, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1], checkpoints: seen.length, signingMs: signingMs() };
}

export function formatCheckpointBench(result: Awaited<ReturnType<typeof measure>>): string[] {
  const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value).toLocaleString('en-US')} ms` : 'never');
  return [
    `checkpoint latency: ${result.mutations} mutations from ${result.clients} clients, ${result.checkpoints} checkpoints seen`,
    `  from a mutation's answer to a signed checkpoint that includes it: p50 ${ms(result.p50)}, p99 ${ms(result.p99)}, max ${ms(result.max)}`,
    `  limit in the same run: one checkpoint a second at most (interval ${CHECKPOINT_INTERVAL_MS} ms), signing one takes ${result.signingMs.toFixed(3)} ms`,
    `  p99 / interval: ${(result.p99 / CHECKPOINT_INTERVAL_MS).toFixed(2)}; target p99 < ${TARGET_P99_MS} ms: ${result.p99 < TARGET_P99_MS ? 'PASS' : 'FAIL'}`,
  ];
}

if (require.main === module) {
  runCheckpointBench(option('clients', 32), option('mutations', 20))
    .then((result) => formatCheckpointBench(result).forEach((line) => console.log(line)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
