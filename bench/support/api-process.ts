import autocannon from 'autocannon';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..');
const API_MAIN = join(ROOT, 'dist/apps/api/src/main.js');
const CLI_MAIN = join(ROOT, 'dist/apps/cli/src/main.js');

export interface ApiProcess {
  child: ChildProcess;
  /** the /graphql URL */
  url: string;
  /** from spawning the process to the line that says it listens (read models caught up) */
  startedInMs: number;
  stop(): Promise<void>;
}

/**
 * The built API server on `dataDir`, in a child process as users run it: no rate limit (one address
 * sends everything), logs at info. Resolves once it says it listens.
 */
export async function startApi(dataDir: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  if (!existsSync(API_MAIN)) throw new Error('dist/ is missing: run `npm run build`');
  const spawned = Date.now();
  const child = spawn(process.execPath, [API_MAIN], {
    env: { ...process.env, LEDGER_DATA_DIR: dataDir, LEDGER_PORT: '0', LEDGER_HOST: '127.0.0.1', LEDGER_RATE_LIMIT: '0', LEDGER_LOG_LEVEL: 'info', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((found, failed) => {
    const timer = setTimeout(() => failed(new Error(`server did not start in 300 s:\n${output.slice(-2000)}`)), 300_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /ledger API on (http:\/\/\S+\/graphql)/.exec(output);
      if (match) (clearTimeout(timer), found(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => (clearTimeout(timer), failed(new Error(`server exited with ${code}:\n${output.slice(-2000)}`))));
  });
  const startedInMs = Date.now() - spawned;
  child.removeAllListeners('exit');
  child.stdout!.removeAllListeners('data').resume();
  child.stderr!.removeAllListeners('data').resume();
  return { child, url, startedInMs, stop: () => stopChild(child) };
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/** A bearer token for `role`, minted by the CLI with the data dir's own secret. */
export function mintToken(dataDir: string, role: string): string {
  // A clerk is the demo's, whom its clerk's office lists (any clerk may record in a ledger whose office lists none).
  const actor = role === 'clerk' ? 'person:demo-clerk' : `person:bench-${role}`;
  const out = execFileSync(process.execPath, [CLI_MAIN, 'token', '--actor', actor, '--role', role, '--name', `Bench ${role}`, '--ttl', '1h', '--no-record'], {
    env: { ...process.env, LEDGER_DATA_DIR: dataDir },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return out.trim().split('\n').pop()!;
}

/** Resident memory of a process, from /proc (Linux), in bytes. */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return kb * 1024;
}

export interface Load {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

/** POSTs GraphQL bodies (a new one per request from `body`) at `connections` for `seconds`. */
export async function loadGraphql(url: string, body: () => string, { connections, seconds, token }: { connections: number; seconds: number; token?: string }): Promise<Load> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  let failures = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers,
    requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, body: body() }) }],
    // A GraphQL error answers 200 too: count answers that carry errors.
    setupClient: (client) => client.on('body', (buffer: Buffer) => void (buffer.includes('"errors"') && failures++)),
  });
  return { perSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, failures: failures + result.non2xx + result.errors + result.timeouts };
}
