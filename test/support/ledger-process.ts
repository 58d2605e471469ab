/**
 * Runs the built ledger as a user would: `node dist/apps/api/src/main.js` and the `ledger` CLI, as
 * real processes on a real data dir, talking over real HTTP. `npm test` builds dist/ first.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
const API_MAIN = join(ROOT, 'dist/apps/api/src/main.js');
const CLI_MAIN = join(ROOT, 'dist/apps/cli/src/main.js');

function assertBuilt(): void {
  if (!existsSync(API_MAIN) || !existsSync(CLI_MAIN)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
}

export function tempDataDir(prefix = 'ledger-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  assertBuilt();
  return new Promise((done) => {
    execFile(process.execPath, [CLI_MAIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, cwd: ROOT }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/**
 * A token for a test's caller, not recorded (`--no-record`): the tests count and compare the events
 * their own steps record, and seed or import into ledgers that must be empty. test/e2e/tokens.test.ts
 * covers recorded tokens. A clerk's defaults to the demo's clerk, whom the seeded demo's clerk's
 * office lists (a clerk it does not list is refused once the office has a clerk).
 */
export async function mintToken(dataDir: string, role: string, actor = role === 'clerk' ? 'person:demo-clerk' : `person:test-${role}`, name = `Test ${role}`): Promise<string> {
  const result = await runCli(['token', '--actor', actor, '--role', role, '--name', name, '--no-record'], { LEDGER_DATA_DIR: dataDir });
  if (result.code !== 0) throw new Error(`token failed: ${result.stderr}`);
  return result.stdout.trim().split('\n').pop()!;
}

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>;
}

export class LedgerServer {
  private exited: Promise<number | null>;
  output = '';

  private constructor(
    readonly process: ChildProcess,
    readonly url: string,
    output: string,
  ) {
    this.output = output;
    process.stdout?.on('data', (chunk) => (this.output += chunk));
    process.stderr?.on('data', (chunk) => (this.output += chunk));
    // 'close', not 'exit': the last lines the server wrote may still be in the pipe when it exits.
    this.exited = new Promise((done) => process.once('close', (code) => done(code)));
  }

  static async start(dataDir: string, env: Record<string, string> = {}): Promise<LedgerServer> {
    return LedgerServer.launch([API_MAIN], { LEDGER_DATA_DIR: dataDir, ...env });
  }

  /** `ledger serve --read-models DIR`: a replay served read-only, found by the same log line. */
  static async serveReplay(replayDir: string, env: Record<string, string> = {}): Promise<LedgerServer> {
    return LedgerServer.launch([CLI_MAIN, 'serve', '--read-models', replayDir], env);
  }

  private static async launch(argv: string[], env: Record<string, string>): Promise<LedgerServer> {
    assertBuilt();
    const child = spawn(process.execPath, argv, {
      // Tests fire hundreds of anonymous requests a minute from one address: the rate limit has a
      // test of its own (http-hardening) and is off elsewhere unless a test sets it.
      env: { ...process.env, NO_COLOR: '1', LEDGER_PORT: '0', LEDGER_RATE_LIMIT: '0', ...env },
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((found, failed) => {
      const timer = setTimeout(() => failed(new Error(`server did not start:\n${output}`)), 20_000);
      const onData = (chunk: Buffer) => {
        output += chunk;
        const match = /ledger API on (http:\/\/\S+\/graphql)/.exec(output);
        if (match) {
          clearTimeout(timer);
          found(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => (clearTimeout(timer), failed(new Error(`server exited with ${code}:\n${output}`))));
    });
    child.stdout.removeAllListeners('data');
    child.stderr.removeAllListeners('data');
    return new LedgerServer(child, url, output);
  }

  get base(): string {
    return this.url.replace(/\/graphql$/, '');
  }

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse<T>;
    return { ...body, status: response.status };
  }

  /** Sends the signal and resolves with the exit code (null when killed by the signal). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill(signal);
    return this.exited;
  }

  get exitCode(): Promise<number | null> {
    return this.exited;
  }
}
