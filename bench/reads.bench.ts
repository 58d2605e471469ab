/**
 * Read throughput and latency of the GraphQL API against the limit of "read the same rows, send the
 * same bytes", on a real ledger.
 *
 * A benchmark, never a test: it prints figures and PASS/FAIL against the targets, and exits 0
 * either way (non-zero only when it crashes, 2 on bad arguments). After `npm run build`:
 * `node dist/bench/reads.bench.js [--seconds N] [--connections N] [DATA_DIR]` (or LEDGER_DATA_DIR),
 * on a data dir whose read models are built (`npm run ledger -- generate --events N`).
 * bench/README.md explains each line; `runReadsBench` is the same for a driver.
 *
 * For each read it starts the built API server (a child process, as users run it) and a bare
 * node:http server (another child process) that answers the same request with the bytes captured
 * from the real server, after reading the rows the resolvers read with plain better-sqlite3
 * (statements prepared once). Both are loaded in turn by autocannon from this process with the
 * same connections, so the ratio is the cost of everything the API adds to "read the rows and send
 * the bytes": Express, Nest, Apollo, the query limits, resolvers, DataLoaders, JSON.
 */
import Database from 'better-sqlite3';
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { startApi } from './support/api-process';

export const TARGET_RATIO = 0.3;
export const TARGET_P99_MS = 25;


export interface ReadsBenchOptions {
  /** a data dir holding a ledger whose read models are built */
  dataDir: string;
  /** measured seconds per figure (default 5) */
  seconds?: number;
  /** concurrent connections of the loader (default 20) */
  connections?: number;
  /** where lines of the report go (default console.log); null for none */
  log?: ((line: string) => void) | null;
}

export interface ReadFigure {
  read: string;
  /** requests a second against the API */
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** requests a second against the bare server, same bytes, same rows: the limit */
  rawPerSecond: number;
  rawP99Ms: number;
  ratio: number;
  responseBytes: number;
  pass: boolean;
}

export interface ReadsBenchResult {
  events: number;
  connections: number;
  seconds: number;
  cores: number;
  figures: ReadFigure[];
}

/** A statement the resolvers run for a read, with its parameters: what the bare server reads too. */
interface RawRead {
  sql: string;
  params: unknown[];
}

interface ReadCase {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  rows: RawRead[];
}

const json = (values: readonly unknown[]) => JSON.stringify(values);

/** Picks real ids from the read models and writes each read's query and the rows it reads. */
export function readCases(db: Database.Database): { cases: ReadCase[]; events: number } {
  const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
  const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
  const events = one<{ n: number }>('SELECT COUNT(*) AS n FROM ledger_events').n;

  // A measure with votes and clauses: the one with the most votes (a portal's heaviest measure page).
  const measure = one<{ id: string; streamId: string }>(
    `SELECT m.id, m.stream_id AS streamId FROM votes v JOIN measures m ON m.id = v.measure_id
     WHERE EXISTS (SELECT 1 FROM clauses c WHERE c.measure_id = m.id) GROUP BY m.id ORDER BY COUNT(*) DESC, m.sequence LIMIT 1`,
  );
  // A decision in the middle of the ledger that cites clauses, and its department.
  const decision = one<{ id: string; org: string; on: string; streamId: string; requestId: string }>(
    `SELECT d.id, d.deciding_org_id AS org, d.decided_on AS "on", d.stream_id AS streamId, d.request_id AS requestId FROM decisions d
     WHERE d.id IN (SELECT decision_id FROM decision_citations) AND d.sequence >= (SELECT MAX(sequence) / 2 FROM decisions) ORDER BY d.sequence LIMIT 1`,
  );
  if (!measure || !decision) throw new Error('the ledger has no measure with votes and clauses, or no decision citing a clause: generate a city first');
  const category = (JSON.parse(one<{ c: string }>('SELECT data_categories AS c FROM data_requests WHERE id = ?', decision.requestId).c) as string[])[0];
  const maxSequence = one<{ n: number }>('SELECT MAX(sequence) AS n FROM ledger_events').n;
  const deepAfter = Math.floor(maxSequence * 0.9);

  const cases: ReadCase[] = [];

  // The measure page.
  {
    const voteIds = all<{ id: string }>('SELECT id FROM votes WHERE measure_id = ? ORDER BY sequence', measure.id).map((r) => r.id);
    const castPeople = all<{ p: string }>('SELECT DISTINCT person_id AS p FROM vote_casts WHERE vote_id IN (SELECT value FROM json_each(?))', json(voteIds)).map((r) => r.p);
    const sponsors = all<{ p: string }>('SELECT person_id AS p FROM measure_sponsors WHERE measure_id = ?', measure.id).map((r) => r.p);
    const clauses = all<{ e: string }>('SELECT e_id AS e FROM clauses WHERE measure_id = ?', measure.id).map((r) => [measure.id, r.e]);
    cases.push({
      name: 'measure page',
      query: `query($id: ID!) { measure(id: $id) { id kind title summary status introducedAt effectiveFrom effectiveUntil
        sponsors { id name }
        clauses { version heading text struck validFrom validUntil rule { effect action dataCategories recipients unless } clause { id } }
        votes { id motion occurredAt result threshold tally { yes no abstain absent recused } rollCall { choice person { id name } } }
        actions { occurredAt classification description actor { name role } } } }`,
      variables: { id: measure.id },
      rows: [
        { sql: 'SELECT * FROM measures WHERE id = ?', params: [measure.id] },
        { sql: 'SELECT * FROM measure_sponsors WHERE measure_id = ? ORDER BY position', params: [measure.id] },
        { sql: 'SELECT * FROM people WHERE id IN (SELECT value FROM json_each(?))', params: [json([...new Set([...sponsors, ...castPeople])])] },
        {
          sql: `SELECT v.* FROM clause_versions v JOIN clauses c ON c.measure_id = v.measure_id AND c.e_id = v.e_id WHERE v.measure_id = ?
                AND v.version = (SELECT MAX(x.version) FROM clause_versions x WHERE x.measure_id = v.measure_id AND x.e_id = v.e_id) ORDER BY c.position`,
          params: [measure.id],
        },
        { sql: 'SELECT c.* FROM json_each(?) k JOIN clauses c ON c.measure_id = k.value ->> 0 AND c.e_id = k.value ->> 1', params: [json(clauses)] },
        { sql: 'SELECT * FROM votes WHERE measure_id = ? ORDER BY sequence', params: [measure.id] },
        { sql: 'SELECT * FROM vote_casts WHERE vote_id IN (SELECT value FROM json_each(?)) ORDER BY vote_id, position', params: [json(voteIds)] },
        { sql: 'SELECT * FROM measure_actions WHERE measure_id = ? ORDER BY sequence', params: [measure.id] },
      ],
    });
  }

  // The decisions of one department, a page of 20, with what a list row shows.
  {
    const page = all<{ id: string; requestId: string; decidedBy: string }>(
      `SELECT id, request_id AS requestId, decided_by AS decidedBy FROM decisions WHERE deciding_org_id = ? ORDER BY decided_at_ms, sequence LIMIT 21`,
      decision.org,
    ).slice(0, 20);
    const ids = page.map((d) => d.id);
    const requestIds = page.map((d) => d.requestId);
    const cited = all<{ c: string }>('SELECT DISTINCT clause_id AS c FROM decision_citations WHERE decision_id IN (SELECT value FROM json_each(?))', json(ids)).map((r) => r.c);
    const findingClauses = page.flatMap((d) =>
      (JSON.parse(one<{ c: string }>('SELECT compliance AS c FROM decisions WHERE id = ?', d.id).c).findings as Array<{ clauseId: string }>).map((f) => f.clauseId),
    );
    const clauseKeys = [...new Set([...cited, ...findingClauses])].map((id) => id.split('#'));
    const orgs = all<{ o: string }>('SELECT DISTINCT requesting_org_id AS o FROM data_requests WHERE id IN (SELECT value FROM json_each(?))', json(requestIds)).map((r) => r.o);
    cases.push({
      name: 'decisions list (by department)',
      query: `query($org: ID!) { decisions(filter: { decidingOrganizationId: $org }, first: 20) { totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { id outcome decidedAt disclosedCategories actionsTaken decidedBy { id name } decidingOrganization { id name }
          request { id action dataCategories recipientCategories legalBasis requestingOrganization { id name } }
          compliance { status findings { status explanation clause { version clause { id } } } }
          citations { version heading clause { id } } } } } }`,
      variables: { org: decision.org },
      rows: [
        { sql: 'SELECT COUNT(*) FROM decisions WHERE deciding_org_id = ?', params: [decision.org] },
        { sql: 'SELECT * FROM decisions WHERE deciding_org_id = ? ORDER BY decided_at_ms, sequence LIMIT 21', params: [decision.org] },
        { sql: 'SELECT * FROM data_requests WHERE id IN (SELECT value FROM json_each(?))', params: [json(requestIds)] },
        { sql: 'SELECT * FROM people WHERE id IN (SELECT value FROM json_each(?))', params: [json([...new Set(page.map((d) => d.decidedBy))])] },
        { sql: 'SELECT * FROM organizations WHERE id IN (SELECT value FROM json_each(?))', params: [json([decision.org, ...orgs])] },
        { sql: 'SELECT * FROM decision_citations WHERE decision_id IN (SELECT value FROM json_each(?)) ORDER BY decision_id, position', params: [json(ids)] },
        { sql: 'SELECT v.* FROM json_each(?) k JOIN clause_versions v ON v.measure_id = k.value ->> 0 AND v.e_id = k.value ->> 1', params: [json(clauseKeys)] },
        { sql: 'SELECT c.* FROM json_each(?) k JOIN clauses c ON c.measure_id = k.value ->> 0 AND c.e_id = k.value ->> 1', params: [json(clauseKeys)] },
      ],
    });
  }

  // The trace of that decision: the request's stream, the cited versions and what made them law.
  {
    const cited = all<{ c: string; version: number }>('SELECT clause_id AS c, version FROM decision_citations WHERE decision_id = ?', decision.id);
    const keys = cited.map((c) => [...c.c.split('#'), c.version]);
    const versions = all<{ measureId: string; byMeasureId: string | null; adoptedBy: string | null; eventId: string }>(
      `SELECT v.measure_id AS measureId, v.by_measure_id AS byMeasureId, v.adopted_by_vote_id AS adoptedBy, v.event_id AS eventId
       FROM json_each(?) k JOIN clause_versions v ON v.measure_id = k.value ->> 0 AND v.e_id = k.value ->> 1 AND v.version = k.value ->> 2`,
      json(keys),
    );
    const measures = [...new Set(versions.flatMap((v) => (v.byMeasureId ? [v.measureId, v.byMeasureId] : [v.measureId])))];
    const streams = all<{ s: string }>('SELECT stream_id AS s FROM measures WHERE id IN (SELECT value FROM json_each(?))', json(measures)).map((r) => r.s);
    const adopted = [...new Set(versions.flatMap((v) => (v.adoptedBy ? [v.adoptedBy] : [])))];
    const adoptedEvents = all<{ e: string }>('SELECT event_id AS e FROM votes WHERE id IN (SELECT value FROM json_each(?))', json(adopted)).map((r) => r.e);
    cases.push({
      name: 'trace of a decision',
      query: `query($id: ID!) { trace(id: $id) { subject { id }
        events { id sequence type streamId occurredAt recordedAt recordedBy { id name role } leafHash }
        actors { id name role }
        clauses { version heading text validFrom validUntil clause { id } }
        votes { id motion occurredAt result tally { yes no abstain absent recused } } } }`,
      variables: { id: decision.id },
      rows: [
        { sql: 'SELECT * FROM decisions WHERE id = ?', params: [decision.id] },
        { sql: 'SELECT envelope, leaf_hash FROM ledger_events WHERE stream_id = ? ORDER BY sequence', params: [decision.streamId] },
        { sql: 'SELECT * FROM decision_citations WHERE decision_id = ? ORDER BY position', params: [decision.id] },
        { sql: 'SELECT v.* FROM json_each(?) k JOIN clause_versions v ON v.measure_id = k.value ->> 0 AND v.e_id = k.value ->> 1', params: [json(keys)] },
        { sql: 'SELECT * FROM votes WHERE id IN (SELECT value FROM json_each(?))', params: [json(adopted)] },
        { sql: 'SELECT envelope, leaf_hash FROM ledger_events WHERE event_id IN (SELECT value FROM json_each(?))', params: [json([...versions.map((v) => v.eventId), ...adoptedEvents])] },
        { sql: 'SELECT * FROM votes WHERE measure_id IN (SELECT value FROM json_each(?)) ORDER BY sequence', params: [json(measures)] },
        { sql: 'SELECT * FROM measures WHERE id IN (SELECT value FROM json_each(?))', params: [json(measures)] },
        { sql: 'SELECT envelope, leaf_hash FROM ledger_events WHERE stream_id IN (SELECT value FROM json_each(?)) ORDER BY sequence', params: [json(streams)] },
      ],
    });
  }

  // policyInForce on the decision's date: the first page, and the first page for one data category.
  const POLICY_FIELDS = 'version heading text struck validFrom validUntil rule { effect action dataCategories recipients unless } clause { id }';
  const policyRows = (filter: string, params: Record<string, unknown>): RawRead[] => [
    {
      sql: `SELECT v.*, c.* FROM measures m CROSS JOIN clauses c ON c.measure_id = m.id CROSS JOIN clause_versions v ON v.measure_id = c.measure_id AND v.e_id = c.e_id
            WHERE m.effective_from IS NOT NULL AND m.effective_from <= @on AND (m.effective_until IS NULL OR @on < m.effective_until)
            AND v.valid_from IS NOT NULL AND v.valid_from <= @on AND (v.valid_until IS NULL OR @on < v.valid_until) ${filter}
            ORDER BY m.sequence, c.position LIMIT 100`,
      params: [params],
    },
  ];
  cases.push({
    name: 'policyInForce, first page (100)',
    query: `query($on: Date!) { policyInForce(on: $on) { ${POLICY_FIELDS} } }`,
    variables: { on: decision.on },
    rows: policyRows('', { on: decision.on }),
  });
  cases.push({
    name: `policyInForce, dataCategory filter`,
    query: `query($on: Date!, $category: String!) { policyInForce(on: $on, filter: { dataCategory: $category }) { ${POLICY_FIELDS} } }`,
    variables: { on: decision.on, category },
    rows: policyRows(
      `AND v.rule IS NOT NULL AND (json_array_length(v.rule, '$.dataCategories') = 0 OR EXISTS (SELECT 1 FROM json_each(v.rule, '$.dataCategories') WHERE value = @category))`,
      { on: decision.on, category },
    ),
  });

  // A deep page of the log: 100 events after a cursor 90% of the way in.
  cases.push({
    name: 'events, deep page (100 at 90%)',
    query: `query($after: String!) { events(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id sequence type streamId streamRevision occurredAt recordedAt recordedBy { id name role } leafHash data } } } }`,
    variables: { after: Buffer.from(`seq:${deepAfter}`).toString('base64url') },
    rows: [
      { sql: 'SELECT MAX(sequence) FROM ledger_events', params: [] },
      { sql: 'SELECT envelope, leaf_hash FROM ledger_events WHERE sequence > ? ORDER BY sequence LIMIT 101', params: [deepAfter] },
    ],
  });
  return { cases, events };
}

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, body: string, seconds: number, connections: number): Promise<Load> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
  });
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

interface BareRoute {
  path: string;
  response: string;
  rows: RawRead[];
}

/** The bare server, in a child process (this file with --bare-server); resolves with its base URL. */
async function startBare(dataDir: string, routes: BareRoute[]): Promise<{ child: ChildProcess; base: string }> {
  const child = fork(__filename, ['--bare-server'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.send({ dataDir, routes });
  const port = await new Promise<number>((found, failed) => {
    child.once('message', (message) => found((message as { port: number }).port));
    child.once('exit', (code) => failed(new Error(`bare server exited with ${code}`)));
  });
  child.removeAllListeners('exit');
  return { child, base: `http://127.0.0.1:${port}` };
}

/** The bare server itself: reads the request, runs the route's statements, sends the captured bytes. */
function serveBare(): void {
  process.once('message', (message) => {
    const { dataDir, routes } = message as { dataDir: string; routes: BareRoute[] };
    const db = new Database(join(dataDir, 'read-models.db'), { readonly: true });
    const byPath = new Map(
      routes.map((route) => [route.path, { bytes: Buffer.from(route.response), reads: route.rows.map((r) => ({ statement: db.prepare(r.sql), params: r.params })) }]),
    );
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const route = byPath.get(req.url ?? '');
        if (!route) return void res.writeHead(404).end();
        for (const { statement, params } of route.reads) {
          if (statement.reader) statement.all(...params);
        }
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': route.bytes.length }).end(route.bytes);
      });
    });
    server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
  });
}

export async function runReadsBench(options: ReadsBenchOptions): Promise<ReadsBenchResult> {
  const seconds = options.seconds ?? 5;
  const connections = options.connections ?? 20;
  const log = options.log === undefined ? (line: string) => console.log(line) : (options.log ?? (() => {}));
  const dataDir = resolve(options.dataDir);
  if (!existsSync(join(dataDir, 'read-models.db'))) throw new Error(`${dataDir} holds no read models (read-models.db): generate a ledger there first`);

  const db = new Database(join(dataDir, 'read-models.db'), { readonly: true });
  const { cases, events } = (() => {
    try {
      return readCases(db);
    } finally {
      db.close();
    }
  })();
  const cores = availableParallelism();
  log(`reads at ${events.toLocaleString('en-US')} events (${dataDir}), ${connections} connections, ${seconds} s per figure after 1 s of warm-up`);
  log(
    `${cores} cores: the loader (autocannon, this process), the API server and the bare server (child processes, one loaded at a time) share them,` +
      ' so both figures include the loader\'s CPU; the ratio compares like with like.',
  );
  // Other processes on the machine queue behind the same cores and inflate every latency: say so.
  const busy = loadavg()[0];
  log(`load average (1 min) before: ${busy.toFixed(1)}${busy > cores ? ' (busier than its cores: latencies include waiting for a core)' : ''}`);

  const api = await startApi(dataDir);
  const figures: ReadFigure[] = [];
  let bare: { child: ChildProcess; base: string } | null = null;
  try {
    const routes: BareRoute[] = [];
    const bodies: string[] = [];
    for (const [i, read] of cases.entries()) {
      const body = JSON.stringify({ query: read.query, variables: read.variables });
      const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await response.text();
      const answer = JSON.parse(text) as { errors?: unknown[] };
      if (response.status !== 200 || answer.errors) throw new Error(`${read.name}: the server answered ${response.status} ${text.slice(0, 500)}`);
      routes.push({ path: `/read/${i}`, response: text, rows: read.rows });
      bodies.push(body);
    }
    bare = await startBare(dataDir, routes);

    log('');
    log(`${'read'.padEnd(34)} ${'req/s'.padStart(8)} ${'raw req/s'.padStart(10)} ${'ratio'.padStart(6)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'raw p99'.padStart(8)} ${'bytes'.padStart(9)}  target (>= ${TARGET_RATIO}, p99 < ${TARGET_P99_MS} ms)`);
    for (const [i, read] of cases.entries()) {
      const bareUrl = `${bare.base}${routes[i].path}`;
      await load(api.url, bodies[i], 1, connections);
      const real = await load(api.url, bodies[i], seconds, connections);
      await load(bareUrl, bodies[i], 1, connections);
      const raw = await load(bareUrl, bodies[i], seconds, connections);
      if (real.non2xx || real.errors || raw.non2xx || raw.errors) {
        log(`  ${read.name}: ${real.non2xx} non-2xx and ${real.errors} errors from the API, ${raw.non2xx} and ${raw.errors} from the bare server`);
      }
      const ratio = raw.perSecond > 0 ? real.perSecond / raw.perSecond : 0;
      const pass = ratio >= TARGET_RATIO && real.p99 < TARGET_P99_MS && real.non2xx === 0 && real.errors === 0;
      figures.push({
        read: read.name,
        perSecond: real.perSecond,
        p50Ms: real.p50,
        p99Ms: real.p99,
        rawPerSecond: raw.perSecond,
        rawP99Ms: raw.p99,
        ratio,
        responseBytes: Buffer.byteLength(routes[i].response),
        pass,
      });
      log(
        `${read.name.padEnd(34)} ${real.perSecond.toFixed(0).padStart(8)} ${raw.perSecond.toFixed(0).padStart(10)} ${ratio.toFixed(2).padStart(6)} ${String(real.p50).padStart(7)} ${String(real.p99).padStart(7)} ${String(raw.p99).padStart(8)} ${String(Buffer.byteLength(routes[i].response)).padStart(9)}  ${pass ? 'PASS' : 'FAIL'}`,
      );
    }
    log(`load average (1 min) after: ${loadavg()[0].toFixed(1)}`);
  } finally {
    bare?.child.kill();
    api.child.kill('SIGTERM');
    await new Promise((done) => (api.child.exitCode !== null ? done(null) : api.child.once('exit', done)));
  }
  return { events, connections, seconds, cores, figures };
}

function parseArgs(argv: string[]): ReadsBenchOptions {
  let seconds = 5;
  let connections = 20;
  let dataDir = process.env.LEDGER_DATA_DIR ?? '';
  const usage = (problem?: string): never => {
    const text = 'usage: node dist/bench/reads.bench.js [--seconds N] [--connections N] [DATA_DIR]   (DATA_DIR defaults to LEDGER_DATA_DIR)';
    if (problem) (console.error(`${problem}\n${text}`), process.exit(2));
    console.log(text);
    process.exit(0);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const number = (name: string, max: number) => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value <= 0 || value > max) usage(`${name} needs a whole number in [1, ${max}], got ${argv[i]}`);
      return value;
    };
    if (arg === '--seconds') seconds = number('--seconds', 120);
    else if (arg === '--connections') connections = number('--connections', 1000);
    else if (arg === '--help' || arg === '-h') usage();
    else if (arg.startsWith('-')) usage(`unknown argument ${arg}`);
    else dataDir = arg;
  }
  if (!dataDir) usage('no data dir: pass one or set LEDGER_DATA_DIR');
  return { dataDir, seconds, connections };
}

if (require.main === module) {
  if (process.argv[2] === '--bare-server') {
    serveBare();
  } else {
    runReadsBench(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
  }
}
