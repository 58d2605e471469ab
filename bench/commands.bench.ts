/**
 * Commands through GraphQL: mutations a second at 32 connections against the real API (a clerk's
 * registerPerson, a new person each time: role check, facts, decider, schema check, group commit,
 * read-your-writes), next to a bare Apollo server in the same run answering a trivial mutation
 * (the limit of "parse a GraphQL mutation over HTTP and answer it" on this machine).
 *
 * A benchmark, never a test. After `npm run build`:
 * `node dist/bench/commands.bench.js [--seconds N] [--connections N] DATA_DIR` (it writes into the
 * ledger in DATA_DIR: give it a copy or a ledger you do not mind growing). `runCommandsBench` is the
 * same for the driver (bench/scale.bench.ts).
 */
import { fork } from 'node:child_process';
import { loadGraphql, mintToken, startApi, stopChild, type Load } from './support/api-process';

export interface CommandsFigure {
  api: Load;
  bare: Load;
  ratio: number;
  connections: number;
}

const REGISTER = 'mutation ($id: ID!, $name: String!) { registerPerson(input: { id: $id, name: $name }) { revision } }';

export async function runCommandsBench({ dataDir, seconds = 5, connections = 32 }: { dataDir: string; seconds?: number; connections?: number }): Promise<CommandsFigure> {
  const token = mintToken(dataDir, 'clerk');
  const run = `${process.pid}-${Date.now()}`;
  let n = 0;
  const registration = () => JSON.stringify({ query: REGISTER, variables: { id: `person:bench-${run}-${n++}`, name: `Bench Person ${n} (synthetic, illustrative)` } });

  const api = await startApi(dataDir);
  let apiLoad: Load;
  try {
    await loadGraphql(api.url, registration, { connections, seconds: 1, token });
    apiLoad = await loadGraphql(api.url, registration, { connections, seconds, token });
  } finally {
    await api.stop();
  }

  const bare = fork(__filename, ['--bare-apollo'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let bareLoad: Load;
  try {
    const url = await new Promise<string>((found) => bare.once('message', (message) => found(String(message))));
    const ping = () => JSON.stringify({ query: 'mutation ($id: ID!) { ping(id: $id) }', variables: { id: `p-${n++}` } });
    await loadGraphql(url, ping, { connections, seconds: 1 });
    bareLoad = await loadGraphql(url, ping, { connections, seconds });
  } finally {
    await stopChild(bare);
  }
  return { api: apiLoad, bare: bareLoad, ratio: apiLoad.perSecond / bareLoad.perSecond, connections };
}

/** The bare server: Apollo's own standalone HTTP server, one trivial mutation. */
async function serveBareApollo(): Promise<void> {
  const { ApolloServer } = await import('@apollo/server');
  const { startStandaloneServer } = await import('@apollo/server/standalone');
  const server = new ApolloServer({
    typeDefs: 'type Query { ok: Boolean } type Mutation { ping(id: ID!): ID! }',
    resolvers: { Mutation: { ping: (_: unknown, { id }: { id: string }) => id } },
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  process.send!(url);
}

export function printCommands(figure: CommandsFigure, log: (line: string) => void = console.log): void {
  const { api, bare, ratio, connections } = figure;
  log(`  commands through GraphQL, ${connections} connections   ${Math.round(api.perSecond).toLocaleString('en-US').padStart(7)}/s  p99 ${api.p99Ms} ms  failures ${api.failures}`);
  log(`  bare Apollo, trivial mutation (the limit)    ${Math.round(bare.perSecond).toLocaleString('en-US').padStart(7)}/s  p99 ${bare.p99Ms} ms   ratio ${ratio.toFixed(2)}`);
}

if (require.main === module) {
  if (process.argv.includes('--bare-apollo')) {
    void serveBareApollo();
  } else {
    const args = process.argv.slice(2);
    const flag = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
    const dataDir = args.filter((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--')).pop() ?? process.env.LEDGER_DATA_DIR;
    if (!dataDir) {
      console.error('usage: node dist/bench/commands.bench.js [--seconds N] [--connections N] DATA_DIR');
      process.exit(2);
    }
    runCommandsBench({ dataDir, seconds: flag('--seconds', 5), connections: flag('--connections', 32) }).then(
      (figure) => printCommands(figure),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  }
}
