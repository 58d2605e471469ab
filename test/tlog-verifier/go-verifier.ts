/**
 * Builds and runs the Go verifier (main.go here) the way CI does: GOPATH mode against Debian's
 * golang-golang-x-mod-dev, nothing downloaded. A test that checks a real server passes its URL.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const X_MOD = '/usr/share/gocode';
// Go's build cache needs a writable home; CI's HOME may be unset or read-only, so it gets one of its
// own. GOFLAGS is emptied: a -mod flag from the environment is an error in GOPATH mode.
const GO_ENV = { GO111MODULE: 'off', GOPATH: X_MOD, GOFLAGS: '', GOCACHE: process.env.GOCACHE ?? join(tmpdir(), 'ledger-tlog-verifier-gocache') };

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((done, failed) =>
    execFile(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, timeout: 120_000 }, (error, stdout, stderr) => {
      // A missing `go` must fail the suite, not skip it: CI installs it (.ci/run).
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') return failed(new Error(`${command} is not installed: apt-get install golang-go golang-golang-x-mod-dev`));
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    }),
  );
}

/** Builds the verifier into `dir` and returns the binary's path; throws when Go or x/mod is missing or the build fails. */
export async function buildGoVerifier(dir: string): Promise<string> {
  if (!existsSync(join(X_MOD, 'src/golang.org/x/mod/sumdb/tlog'))) throw new Error(`Go's x/mod is not under ${X_MOD}: apt-get install golang-golang-x-mod-dev`);
  const binary = join(dir, 'tlog-verifier');
  const build = await run('go', ['build', '-o', binary, '.'], { cwd: __dirname, env: GO_ENV });
  if (build.code !== 0) throw new Error(`go build failed:\n${build.stdout}${build.stderr}`);
  return binary;
}

/** Runs the verifier against the log at `url` (the server's base URL, without /graphql). */
export function runGoVerifier(binary: string, url: string, options: { samples?: number; seed?: number } = {}): Promise<Run> {
  return run(binary, ['-url', url, '-samples', String(options.samples ?? 20), '-seed', String(options.seed ?? 11)]);
}
